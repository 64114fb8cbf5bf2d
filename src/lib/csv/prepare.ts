import type { ColumnOverrides, Field } from './columns';
import { findDamage, type ImportWarning } from './damage';
import { decodeText, detectEncoding, type Cp949Decoder, type TextEncodingName } from './decode';
import { detectNonCsvBytes, detectNonCsvText } from './file-type';
import {
	findRecordStart,
	lineAt,
	mapRecordLines,
	maxFieldsPerLine,
	normalizeLineBreaks,
	type LineSegments
} from './records';
import { sniffLayout, type CsvLayout } from './sniff';

/**
 * The part of an import that needs no engine: bytes to text, what is wrong with the file as a
 * whole, where its header is, and where each record's line is.
 */

/** Why a whole file is refused before any row is checked. */
export type PrepareRefusalCode =
	| 'empty-file'
	| 'binary-file'
	| 'spreadsheet-file'
	| 'unknown-headers'
	| 'missing-columns'
	| 'no-data-rows'
	| 'unterminated-quote';

export interface PrepareRefusal {
	ok: false;
	code: PrepareRefusalCode;
	encoding: TextEncodingName;
	/** 1-based line the problem is on (1 when it is about the whole file). */
	line: number;
	field: Field | null;
	detail: string | null;
	warnings: ImportWarning[];
	layout: PreparedLayout | null;
}

/** The header as found: the sniffed layout and its line in the file. */
export interface PreparedLayout extends CsvLayout {
	/** 1-based line of the header row. */
	headerLine: number;
}

export interface PreparedText {
	ok: true;
	encoding: TextEncodingName;
	warnings: ImportWarning[];
	layout: PreparedLayout;
	/** The lines after the header, UTF-8, as DuckDB is to read them. */
	data: Uint8Array;
	/** Line of the first byte of `data`. */
	firstDataLine: number;
	/** DuckDB record number to file line (see `mapRecordLines`). */
	segments: LineSegments;
	/**
	 * Columns to read: the header's, or more when a line has more cells, so that extra cells
	 * are checked as values (DuckDB's rejects table took 13 s for 6,000 such rows).
	 */
	columnCount: number;
}

export interface PrepareOptions {
	decodeCp949?: Cp949Decoder;
	columnOverrides?: ColumnOverrides;
}

/**
 * What preparing a file yields, and the SHA-256 of its raw bytes. The hash may still be on its
 * way: DuckDB reads and checks the prepared text meanwhile, and only writing the rows waits.
 */
export interface PreparedFile {
	hash: Promise<string>;
	prepared: PreparedText | PrepareRefusal;
}

/**
 * Prepares a file somewhere: on this thread, or in a worker so that hashing and scanning a
 * large file never blocks the page. Only serializable options cross to a worker.
 */
export type Preparer = (
	bytes: Uint8Array,
	options: Pick<PrepareOptions, 'columnOverrides'>
) => Promise<PreparedFile>;

/** Decodes and inspects one file: either what DuckDB needs to read it, or why it cannot. */
export function prepareText(
	bytes: Uint8Array,
	options: PrepareOptions = {}
): PreparedText | PrepareRefusal {
	const decoded = decodeFile(bytes, options.decodeCp949);
	if ('ok' in decoded) return decoded;
	const { text, encoding } = decoded;
	const refuse = (code: PrepareRefusalCode, extra: Partial<PrepareRefusal> = {}) =>
		refusal(code, encoding, extra);
	const warnings = findDamage(text);
	const sniffed = sniffLayout(text, options.columnOverrides);
	if (!sniffed) return refuse('unknown-headers', { warnings });
	// From here on, the UTF-8 bytes DuckDB will read: offsets are its byte positions.
	const utf8 = new TextEncoder().encode(text);
	const { delimiter, headerIndex } = sniffed;
	const headerStart = findRecordStart(utf8, delimiter, headerIndex);
	const layout = { ...sniffed, headerLine: lineAt(utf8, headerStart) };
	const located = { warnings, layout, line: layout.headerLine };
	const [firstMissing] = layout.mapping.missing;
	if (firstMissing) {
		const detail = layout.mapping.missing.join(', ');
		return refuse('missing-columns', { ...located, field: firstMissing, detail });
	}

	const dataStart = findRecordStart(utf8, delimiter, headerIndex + 1);
	const data = utf8.subarray(dataStart);
	if (isBlank(data)) return refuse('no-data-rows', located);
	const firstDataLine = lineAt(utf8, dataStart);
	const lines = mapRecordLines(data, delimiter, firstDataLine);
	if (lines.unterminatedQuoteLine !== null) {
		return refuse('unterminated-quote', { ...located, line: lines.unterminatedQuoteLine });
	}
	return {
		ok: true,
		encoding,
		warnings,
		layout,
		data,
		firstDataLine,
		segments: lines.segments,
		columnCount: columnsToRead(layout.header.length, maxFieldsPerLine(data, delimiter))
	};
}

/** The file as text, with LF line breaks and in NFC; or why it is not CSV text at all. */
function decodeFile(
	bytes: Uint8Array,
	decodeCp949: Cp949Decoder | undefined
): { text: string; encoding: TextEncodingName } | PrepareRefusal {
	const byMagic = detectNonCsvBytes(bytes);
	if (byMagic) return refusal(byMagic, detectEncoding(bytes));
	const { text: raw, encoding } = decodeText(bytes, decodeCp949);
	// NFC here, once, so SQL need not (DuckDB's nfc_normalize was the slowest step of a check).
	const text = normalizeLineBreaks(raw).normalize('NFC');
	if (text.trim() === '') return refusal('empty-file', encoding);
	const byText = detectNonCsvText(text);
	if (byText) return refusal(byText, encoding);
	return { text, encoding };
}

// More columns than this past the header are not read as columns: such rows go to DuckDB's
// rejects table (slow, but only for a file that is not a table at all).
const MAX_EXTRA_COLUMNS = 1000;

function columnsToRead(headerWidth: number, widest: number): number {
	return Math.min(Math.max(headerWidth, widest), headerWidth + MAX_EXTRA_COLUMNS);
}

/** Whether bytes hold nothing but spaces, tabs and line feeds. */
function isBlank(bytes: Uint8Array): boolean {
	return bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a);
}

function refusal(
	code: PrepareRefusalCode,
	encoding: TextEncodingName,
	extra: Partial<PrepareRefusal> = {}
): PrepareRefusal {
	return {
		ok: false,
		code,
		encoding,
		line: 1,
		field: null,
		detail: null,
		warnings: [],
		layout: null,
		...extra
	};
}
