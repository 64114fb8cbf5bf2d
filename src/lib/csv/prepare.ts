import { FIELD_SPECS, normalizeHeader, type ColumnOverrides, type Field } from './columns';
import { findDamage, type ImportWarning } from './damage';
import {
	decodeText,
	detectEncoding,
	encodingFromBom,
	type Cp949Decoder,
	type TextEncodingName
} from './decode';
import { detectNonCsvBytes, detectNonCsvText } from './file-type';
import {
	findRecordStart,
	lineAt,
	mapRecordLines,
	normalizeLineBreaks,
	surveyLines,
	type LineSegments
} from './records';
import { isPlainText } from './plain-text';
import { SNIFF_CHARS, sniffLayout, type CsvLayout } from './sniff';
import type { SheetInfo, WorkbookRefusalCode } from './workbook';
import { incompleteGroups } from './wide';

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
	| 'unterminated-quote'
	| 'two-tables'
	| 'missing-given'
	| WorkbookRefusalCode;

/** How the file's text was stored: a text encoding, or cells of an Excel workbook. */
export type FileEncoding = TextEncodingName | 'excel';

/** A workbook's sheets, and the one read (null when none could be). */
export interface WorkbookSheets {
	sheets: SheetInfo[];
	sheet: string | null;
}

export interface PrepareRefusal {
	ok: false;
	code: PrepareRefusalCode;
	encoding: FileEncoding;
	/** For a workbook, its sheets (so another can be chosen); null for CSV. */
	workbook: WorkbookSheets | null;
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
	encoding: FileEncoding;
	/** For a workbook, its sheets and the one read; null for CSV. */
	workbook: WorkbookSheets | null;
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
	/** Values a person gave for the whole table (a crosstab's year and source). */
	given?: Partial<Record<Field, string>>;
	/** The file's name, and the sheet's for a workbook: a crosstab's year and source may be in them. */
	names?: { file?: string; sheet?: string };
	/** The sheet of a workbook to read; the first visible one with cells by default. */
	sheet?: string;
}

/**
 * What preparing a file yields, and the SHA-256 of its raw bytes. The hash may still be on its
 * way: DuckDB reads and checks the prepared text meanwhile, and only writing the rows waits (or,
 * for a clean file going straight into its table, which the hash names, DuckDB's read).
 */
export interface PreparedFile {
	hash: Promise<string>;
	prepared: PreparedText | PrepareRefusal;
	/**
	 * Set when `prepared` was made from the file's start alone ({@link prepareFromStart}), so that
	 * DuckDB reads the file while the rest of it is scanned: the whole file's preparation, or null
	 * when it agrees with `prepared` ({@link reviseFromWhole}). Nothing read from `prepared` holds
	 * until this has said so.
	 */
	whole?: Promise<PreparedText | PrepareRefusal | null>;
}

/**
 * Prepares a file somewhere: on this thread, or in a worker so that hashing and scanning a
 * large file never blocks the page. Only serializable options cross to a worker.
 */
export type Preparer = (
	bytes: Uint8Array,
	options: Omit<PrepareOptions, 'decodeCp949'>
) => Promise<PreparedFile>;

/**
 * Decodes and inspects one file, CSV text or an Excel workbook: what DuckDB needs to read it, or
 * why it cannot. SheetJS is loaded only for a workbook.
 */
export async function prepareFile(
	bytes: Uint8Array,
	options: PrepareOptions = {}
): Promise<PreparedText | PrepareRefusal> {
	if (detectNonCsvBytes(bytes) !== 'spreadsheet-file') return prepareText(bytes, options);
	const { readWorkbookSheet } = await import('./workbook');
	const read = readWorkbookSheet(bytes, options.sheet);
	if (!read.ok) {
		const workbook = { sheets: read.sheets, sheet: null };
		return refusal(read.code, 'excel', { detail: read.detail, workbook });
	}
	const names = { ...options.names, sheet: read.sheet };
	const prepared = prepareDecoded(read.text.normalize('NFC'), 'excel', { ...options, names });
	return { ...prepared, workbook: { sheets: read.sheets, sheet: read.sheet } };
}

/** Decodes and inspects CSV text: either what DuckDB needs to read it, or why it cannot. */
export function prepareText(
	bytes: Uint8Array,
	options: PrepareOptions = {}
): PreparedText | PrepareRefusal {
	const decoded = decodeFile(bytes, options.decodeCp949);
	if ('ok' in decoded) return decoded;
	return prepareDecoded(decoded.text, decoded.encoding, options, decoded.utf8);
}

/**
 * Inspects decoded text (LF line breaks, NFC), given as UTF-8 too where the file was just that.
 * With the UTF-8 given and plain (`plain-text.ts`), the text's first `SNIFF_CHARS` suffice.
 */
function prepareDecoded(
	text: string,
	encoding: FileEncoding,
	options: PrepareOptions,
	utf8Given: Uint8Array | null = null,
	/** How many bytes of the UTF-8 its lines are surveyed in; the rest is taken to be like them. */
	known: number = Infinity
): PreparedText | PrepareRefusal {
	const refuse = (code: PrepareRefusalCode, extra: Partial<PrepareRefusal> = {}) =>
		refusal(code, encoding, extra);
	const warnings = findDamage(text);
	const sniffed = sniffLayout(text, options.columnOverrides, {
		names: namesOf(options.names),
		chosen: options.given
	});
	if (!sniffed) return refuse('unknown-headers', { warnings });
	// From here on, the UTF-8 bytes DuckDB will read: offsets are its byte positions.
	const utf8 = utf8Given ?? new TextEncoder().encode(text);
	const { delimiter, headerIndex, headerRows } = sniffed;
	const headerStart = findRecordStart(utf8, delimiter, headerIndex);
	const layout = { ...sniffed, headerLine: lineAt(utf8, headerStart) };
	const located = { warnings, layout, line: layout.headerLine };
	const [firstMissing] = layout.mapping.missing;
	if (firstMissing) {
		const detail = describeMissing(layout);
		// A crosstab lacks no column: only the year or source of the whole table, to be asked.
		const code = lacksOnlyGiven(layout) ? 'missing-given' : 'missing-columns';
		return refuse(code, { ...located, field: firstMissing, detail });
	}
	const repeated = repeatedHeaderCell(layout);
	if (repeated !== null) return refuse('two-tables', { ...located, detail: repeated });

	const dataStart = findRecordStart(utf8, delimiter, headerIndex + headerRows);
	const data = utf8.subarray(dataStart);
	if (isBlank(data)) return refuse('no-data-rows', located);
	const firstDataLine = lineAt(utf8, dataStart);
	const surveyed = known >= utf8.length ? data : wholeLines(data, known - dataStart);
	const survey = surveyLines(surveyed, delimiter);
	const lines = mapRecordLines(surveyed, delimiter, firstDataLine, new Set(), survey);
	if (lines.unterminatedQuoteLine !== null) {
		return refuse('unterminated-quote', { ...located, line: lines.unterminatedQuoteLine });
	}
	return {
		ok: true,
		encoding,
		workbook: null,
		warnings,
		layout,
		data,
		firstDataLine,
		segments: lines.segments,
		columnCount: columnsToRead(layout.header.length, survey.widest)
	};
}

/** The names a crosstab's year and source may be read from, the sheet's before the file's. */
function namesOf(names: PrepareOptions['names']): { from: 'sheet' | 'file'; text: string }[] {
	return [
		...(names?.sheet ? [{ from: 'sheet' as const, text: names.sheet }] : []),
		...(names?.file ? [{ from: 'file' as const, text: names.file }] : [])
	];
}

/** Whether a crosstab has every column it needs and lacks only its year or source. */
function lacksOnlyGiven(layout: PreparedLayout): boolean {
	const { wide, missing } = layout.mapping;
	return (
		wide?.kind === 'districts' &&
		missing.every((field) => field === 'year' || field === 'evaluator_type')
	);
}

/**
 * The missing fields, by code (the message words them); a year side by side that lacks one of
 * its pair is named with its year, `2021 spent`.
 */
function describeMissing(layout: PreparedLayout): string {
	const { missing, wide } = layout.mapping;
	if (wide?.kind !== 'years') return missing.join(', ');
	const unpaired = incompleteGroups(wide).map(({ year, field }) => `${year} ${field}`);
	const others = missing.filter((field) => field !== 'planned' && field !== 'spent');
	return [...others, ...unpaired].join(', ');
}

/**
 * A header cell naming a field that another column of the same name already holds (a second
 * 연도, 자치구): a second table beside the first on one sheet. Its text, or null. A column a
 * person assigned to another field does not count.
 */
function repeatedHeaderCell(layout: PreparedLayout): string | null {
	const { kind, columns, unmapped } = layout.mapping;
	const spec: Record<string, { aliases: readonly string[] }> = FIELD_SPECS[kind];
	const names = (field: string) => spec[field]!.aliases.map(normalizeHeader);
	const repeated = unmapped.find((cell) =>
		(Object.entries(columns) as [Field, number][]).some(
			([field, index]) =>
				field !== 'basis' &&
				names(field).includes(normalizeHeader(cell)) &&
				names(field).includes(normalizeHeader(layout.header[index] ?? ''))
		)
	);
	return repeated ?? null;
}

/**
 * The file as text, with LF line breaks and in NFC; or why it is not CSV text at all. `utf8` is
 * that text's UTF-8 when the file's own bytes (after a byte-order mark) are exactly it, which a
 * UTF-8 export with LF line breaks is: encoding the text again cost a tenth of a second per 100 MB.
 */
function decodeFile(
	bytes: Uint8Array,
	decodeCp949: Cp949Decoder | undefined
): { text: string; encoding: TextEncodingName; utf8: Uint8Array | null } | PrepareRefusal {
	const byMagic = detectNonCsvBytes(bytes);
	if (byMagic) return refusal(byMagic, detectEncoding(bytes));
	const plain = bytes.length >= PLAIN_SCAN_MIN_BYTES ? decodePlainHead(bytes, 'whole') : null;
	if (plain) return plain;
	const { text: raw, encoding } = decodeText(bytes, decodeCp949);
	// NFC here, once, so SQL need not (DuckDB's nfc_normalize was the slowest step of a check).
	const lf = normalizeLineBreaks(raw);
	const text = lf.normalize('NFC');
	if (text.trim() === '') return refusal('empty-file', encoding);
	const byText = detectNonCsvText(text);
	if (byText) return refusal(byText, encoding);
	const start = encoding === 'utf-8-bom' ? 3 : 0;
	// decodeText drops one more byte-order mark after the first; such a file is encoded anew.
	const secondMark =
		bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf;
	const same =
		(encoding === 'utf-8' || encoding === 'utf-8-bom') && !secondMark && lf === raw && text === lf;
	return { text, encoding, utf8: same ? bytes.subarray(start) : null };
}

/**
 * The size from which a UTF-8 file is first scanned for plain text. The scan is JavaScript that
 * the file worker runs cold on its first file, where decoding is native: side by side in
 * Chromium (fresh pages alternating), a 0.9 MB file was prepared in 40 ms decoded against 53
 * scanned, a 9.5 MB one in 152 ms decoded against 105 scanned (medians): they cross near 3 MB.
 */
export const PLAIN_SCAN_MIN_BYTES = 2 * 2 ** 20;

/**
 * For plain text (`plain-text.ts`), which decoding would leave as it is: its start decoded, as
 * much as the header is looked for in, its own bytes as the UTF-8 to read, and how many of those
 * the start is; else null. `scope` says whether the whole file must be plain, or only the start.
 * Text that is blank from the start goes the whole way, which tells an empty file.
 */
function decodePlainHead(
	bytes: Uint8Array,
	scope: 'whole' | 'start'
): { text: string; encoding: TextEncodingName; utf8: Uint8Array; headBytes: number } | null {
	const encoding = encodingFromBom(bytes) === 'utf-8-bom' ? 'utf-8-bom' : 'utf-8';
	const start = encoding === 'utf-8-bom' ? 3 : 0;
	// A plain character is at most three bytes (one code unit): so many bytes hold more than the
	// code units sniffed, even after a character cut at the end is left out.
	let end = Math.min(bytes.length, start + 3 * SNIFF_CHARS + 3);
	while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
	if (!isPlainText(scope === 'whole' ? bytes : bytes.subarray(0, end), start)) return null;
	const head = new TextDecoder().decode(bytes.subarray(start, end));
	if (head.trim() === '' || detectNonCsvText(head)) return null;
	return { text: head, encoding, utf8: bytes.subarray(start), headBytes: end - start };
}

/**
 * A large file's preparation from its start alone, so that DuckDB can read the file while the
 * rest of it is scanned (the scan and the line survey were about half a second of a million
 * rows' import, with one core idle): for a file from {@link PLAIN_SCAN_MIN_BYTES} whose start is
 * plain text and makes a table, what `prepareFile` returns if the rest is plain and its lines are
 * like the start's (no wider line, no empty line, no line break in a quoted cell); else null.
 * Only {@link reviseFromWhole} says whether it was.
 */
export function prepareFromStart(
	bytes: Uint8Array,
	options: PrepareOptions = {}
): PreparedText | null {
	if (bytes.length < PLAIN_SCAN_MIN_BYTES || detectNonCsvBytes(bytes)) return null;
	const head = decodePlainHead(bytes, 'start');
	if (!head) return null;
	const prepared = prepareDecoded(head.text, head.encoding, options, head.utf8, head.headBytes);
	return prepared.ok ? prepared : null;
}

/**
 * The whole file's preparation where it differs from the one made from the file's start, or
 * null where the two agree: the same bytes to read, and the same layout, lines, columns and
 * warnings.
 */
export function reviseFromWhole(
	fromStart: PreparedText,
	whole: PreparedText | PrepareRefusal
): PreparedText | PrepareRefusal | null {
	if (!whole.ok) return whole;
	const sameBytes =
		whole.data.buffer === fromStart.data.buffer &&
		whole.data.byteOffset === fromStart.data.byteOffset &&
		whole.data.length === fromStart.data.length;
	// Both made by `prepareDecoded`, so their fields come in the same order.
	const rest = (prepared: PreparedText) => JSON.stringify({ ...prepared, data: null });
	return sameBytes && rest(whole) === rest(fromStart) ? null : whole;
}

/** The lines of `data` that end within its first `length` bytes. */
function wholeLines(data: Uint8Array, length: number): Uint8Array {
	const end = data.subarray(0, Math.max(0, length)).lastIndexOf(0x0a);
	return data.subarray(0, end + 1);
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
	encoding: FileEncoding,
	extra: Partial<PrepareRefusal> = {}
): PrepareRefusal {
	return {
		ok: false,
		code,
		encoding,
		workbook: null,
		line: 1,
		field: null,
		detail: null,
		warnings: [],
		layout: null,
		...extra
	};
}
