interface ArrowLikeTable {
	toArray(): Array<{ toJSON(): Record<string, unknown> }>;
}

/** Turns an Arrow result into plain rows; lists become arrays. */
export function arrowToRows<T extends object>(table: ArrowLikeTable): T[] {
	return table.toArray().map((row) => plain(row.toJSON()) as T);
}

function plain(value: unknown): unknown {
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map(plain);
	const maybeVector = value as { toArray?: () => unknown };
	if (typeof maybeVector.toArray === 'function' && !(value instanceof Date)) {
		return Array.from(maybeVector.toArray() as ArrayLike<unknown>, plain);
	}
	if (typeof (value as { toJSON?: unknown }).toJSON === 'function' && !(value instanceof Date)) {
		return plain((value as { toJSON(): unknown }).toJSON());
	}
	return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}
