/** The part of an Arrow table the rows are read from (duckdb-wasm brings its own Arrow build). */
interface ArrowLikeTable {
	readonly numRows: number;
	readonly schema: { readonly fields: readonly { readonly name: string }[] };
	getChildAt(index: number): Iterable<unknown> | null;
}

/**
 * Turns an Arrow result into plain rows; lists become arrays. Read column by column: Arrow walks
 * a column of numbers or text far faster than it builds one row object after another (a filter
 * change's unit scores, a few thousand cells, took milliseconds row by row).
 */
export function arrowToRows<T extends object>(table: ArrowLikeTable): T[] {
	const rows = Array.from({ length: table.numRows }, () => ({}) as Record<string, unknown>);
	for (const [i, field] of table.schema.fields.entries()) {
		let row = 0;
		for (const value of table.getChildAt(i) ?? []) rows[row++]![field.name] = plain(value);
	}
	return rows as T[];
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
