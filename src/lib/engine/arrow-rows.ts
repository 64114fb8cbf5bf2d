/** One batch of an Arrow column: its type, validity, and for text the UTF-8 bytes and offsets. */
interface ArrowLikeData {
	readonly typeId: number;
	readonly length: number;
	readonly values: Uint8Array | ArrayLike<unknown>;
	readonly valueOffsets: Int32Array | ArrayLike<unknown>;
	getValid(index: number): boolean;
}

/** A column: its values in order, and the batches they are stored in. */
interface ArrowLikeColumn extends Iterable<unknown> {
	readonly data: readonly ArrowLikeData[];
}

/** The part of an Arrow table the rows are read from (duckdb-wasm brings its own Arrow build). */
interface ArrowLikeTable {
	readonly numRows: number;
	readonly schema: { readonly fields: readonly { readonly name: string }[] };
	getChildAt(index: number): ArrowLikeColumn | null;
}

/** Arrow's type ids (`Type` in apache-arrow) of the columns read here without its iterators. */
const TYPE_ID = { int: 2, float: 3, utf8: 5 } as const;

/**
 * Turns an Arrow result into plain rows; lists become arrays. Read column by column: Arrow walks
 * a column far faster than it builds one row object after another (a filter change's unit
 * scores took milliseconds row by row), a text column is decoded whole (see `textColumn`), and
 * numbers are read straight from their typed arrays.
 */
export function arrowToRows<T extends object>(table: ArrowLikeTable): T[] {
	const rows = Array.from({ length: table.numRows }, () => ({}) as Record<string, unknown>);
	for (const [i, field] of table.schema.fields.entries()) {
		const column = table.getChildAt(i);
		if (!column) continue;
		const values = textColumn(column) ?? numberColumn(column) ?? column;
		let row = 0;
		for (const value of values) rows[row++]![field.name] = plain(value);
	}
	return rows as T[];
}

const utf8 = new TextDecoder();

/**
 * A text column's values, each batch decoded with one call, or null when the column is not text.
 * Arrow decodes each value with a call of its own, and the calls cost more than the decoding: a
 * filter change's few thousand labels took 5 ms of the page's thread. DuckDB's text is valid
 * UTF-8; should a batch decode to other lengths than its bytes say, it is decoded value by value.
 */
function textColumn(column: ArrowLikeColumn): (string | null)[] | null {
	if (!column.data.every((data) => data.typeId === TYPE_ID.utf8)) return null;
	return column.data.flatMap((data) => {
		const bytes = data.values as Uint8Array;
		const offsets = data.valueOffsets as Int32Array;
		const text = utf8.decode(bytes.subarray(offsets[0], offsets[data.length]));
		const strings: (string | null)[] = new Array(data.length);
		// Walk the bytes once, counting UTF-16 units: a lead byte starts one, a 4-byte one two.
		let byte = offsets[0]!;
		let unit = 0;
		for (let i = 0; i < data.length; i++) {
			const start = unit;
			for (const end = offsets[i + 1]!; byte < end; byte++) {
				const lead = bytes[byte]!;
				if ((lead & 0xc0) !== 0x80) unit += lead >= 0xf0 ? 2 : 1;
			}
			strings[i] = data.getValid(i) ? text.slice(start, unit) : null;
		}
		if (unit === text.length) return strings;
		return strings.map((_, i) =>
			data.getValid(i) ? utf8.decode(bytes.subarray(offsets[i], offsets[i + 1])) : null
		);
	});
}

/**
 * A column of numbers that are JavaScript numbers (DuckDB's INTEGER, SMALLINT, DOUBLE…), or null
 * for any other column: BIGINT's values are BigInts, and dates and decimals need Arrow's reading.
 */
function numberColumn(column: ArrowLikeColumn): (number | null)[] | null {
	const numeric = column.data.every(
		({ typeId, values }) =>
			(typeId === TYPE_ID.float &&
				(values instanceof Float64Array || values instanceof Float32Array)) ||
			(typeId === TYPE_ID.int &&
				!(values instanceof BigInt64Array || values instanceof BigUint64Array))
	);
	if (!numeric) return null;
	return column.data.flatMap((data) => {
		const values = data.values as ArrayLike<number>;
		return Array.from({ length: data.length }, (_, i) => (data.getValid(i) ? values[i]! : null));
	});
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
