/**
 * Where CSV records start, as DuckDB's reader splits them: a record ends at a line feed outside
 * double quotes, `""` inside quotes is a quote, and empty lines are skipped. Used to give every
 * issue the line a text editor shows, even after a cell with a line break in it.
 *
 * It works on the UTF-8 bytes DuckDB reads: every byte that matters here (line feed, quote,
 * space, delimiter) is ASCII, and no byte of a multi-byte UTF-8 character is, so offsets are
 * DuckDB's own byte positions.
 */

const LF = 0x0a;
const QUOTE = 0x22;
const SPACE = 0x20;

/** Makes every line break a line feed: Windows CRLF and the lone CR of old Mac exports. */
export function normalizeLineBreaks(text: string): string {
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** 1-based line of the byte at `offset`. */
export function lineAt(bytes: Uint8Array, offset: number): number {
	return 1 + countLineFeeds(bytes, 0, offset);
}

function countLineFeeds(bytes: Uint8Array, from: number, to: number): number {
	let count = 0;
	for (let i = bytes.indexOf(LF, from); i !== -1 && i < to; i = bytes.indexOf(LF, i + 1)) count++;
	return count;
}

interface RecordSpan {
	/** Offset just past the record's final line feed (or the end of the data). */
	next: number;
	/** Line feeds inside quoted fields of this record. */
	innerBreaks: number;
	/** Offset of a quote that never closes; everything after it would be one field. */
	openQuote: number | null;
}

/** Reads one record starting at `start` (not on an empty line). */
function scanRecord(bytes: Uint8Array, start: number, delimiter: number): RecordSpan {
	let innerBreaks = 0;
	let pos = start;
	for (;;) {
		const lineEnd = endOfLine(bytes, pos);
		const open = nextOpeningQuote(bytes, pos, lineEnd, start, delimiter);
		if (open === -1) {
			return { next: Math.min(lineEnd + 1, bytes.length), innerBreaks, openQuote: null };
		}
		const close = closingQuote(bytes, open);
		if (close === -1) return { next: bytes.length, innerBreaks, openQuote: open };
		innerBreaks += countLineFeeds(bytes, open, close);
		pos = close + 1;
	}
}

function endOfLine(bytes: Uint8Array, from: number): number {
	const end = bytes.indexOf(LF, from);
	return end === -1 ? bytes.length : end;
}

/**
 * The next quote before `lineEnd` that opens a quoted field. DuckDB (like Excel) reads a quote
 * as quoting only at the start of a field, spaces allowed before it; elsewhere it is a character.
 */
function nextOpeningQuote(
	bytes: Uint8Array,
	from: number,
	lineEnd: number,
	recordStart: number,
	delimiter: number
): number {
	for (let q = indexBefore(bytes, QUOTE, from, lineEnd); q !== -1;) {
		let before = q - 1;
		while (before >= recordStart && bytes[before] === SPACE) before--;
		if (before < recordStart || bytes[before] === delimiter) return q;
		q = indexBefore(bytes, QUOTE, q + 1, lineEnd);
	}
	return -1;
}

/**
 * The first `byte` from `from` and before `to`, or -1. Searching the line only: unbounded, each
 * record's search ran on to the file's next quote, maybe its end, and a 2.4 MB file with one
 * empty line took 17 s to map instead of milliseconds.
 */
function indexBefore(bytes: Uint8Array, byte: number, from: number, to: number): number {
	const found = bytes.subarray(from, to).indexOf(byte);
	return found === -1 ? -1 : from + found;
}

function closingQuote(bytes: Uint8Array, open: number): number {
	let from = open + 1;
	for (;;) {
		const q = bytes.indexOf(QUOTE, from);
		if (q === -1) return -1;
		if (bytes[q + 1] !== QUOTE) return q;
		from = q + 2; // "" is an escaped quote inside the field
	}
}

function delimiterByte(delimiter: string): number {
	if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f) throw new Error('bad delimiter');
	return delimiter.charCodeAt(0);
}

/**
 * Offset where record `index` (0-based) starts, counting empty lines as records the way
 * papaparse does when it sniffs the header.
 */
export function findRecordStart(bytes: Uint8Array, delimiter: string, index: number): number {
	const delimiterCode = delimiterByte(delimiter);
	let pos = 0;
	for (let record = 0; record < index && pos < bytes.length; record++) {
		pos = bytes[pos] === LF ? pos + 1 : scanRecord(bytes, pos, delimiterCode).next;
	}
	return pos;
}

/**
 * Calls `visit` with the start offset and line of every record DuckDB will read (empty lines are
 * not records). Returns the line of a quote that never closes, or null.
 */
function forEachRecord(
	data: Uint8Array,
	delimiter: string,
	firstLine: number,
	visit: (start: number, line: number) => void
): number | null {
	const delimiterCode = delimiterByte(delimiter);
	let line = firstLine;
	let pos = 0;
	while (pos < data.length) {
		if (data[pos] === LF) {
			line++; // DuckDB skips empty lines: no record here
			pos++;
			continue;
		}
		visit(pos, line);
		const span = scanRecord(data, pos, delimiterCode);
		if (span.openQuote !== null) return line + countLineFeeds(data, pos, span.openQuote);
		line += 1 + span.innerBreaks;
		pos = span.next;
	}
	return null;
}

/**
 * Row number (0-based, as DuckDB numbers the rows it returns) to file line: row `r` of a
 * segment `[row, line]` is on line `line + r - row`, up to the next segment.
 */
export type LineSegments = [row: number, line: number][];

export interface RecordLines {
	segments: LineSegments;
	/** Line of a quote that never closes, or null. */
	unterminatedQuoteLine: number | null;
}

/**
 * Maps the rows DuckDB returns from `data` to lines of the file, given the line `data` starts on
 * and the records DuckDB rejected (those return no row). Only a quote, an empty line or a
 * rejected record can make a row's line differ from `firstLine + row`, so without them nothing
 * is scanned; `survey` says whether there is a quote or an empty line, when the caller has one.
 */
export function mapRecordLines(
	data: Uint8Array,
	delimiter: string,
	firstLine: number,
	rejected: ReadonlySet<number> = new Set(),
	survey?: Pick<LineSurvey, 'quote' | 'emptyLine'>
): RecordLines {
	if (rejected.size === 0) {
		const { quote, emptyLine } = survey ?? surveyLines(data, delimiter);
		if (!quote && !emptyLine) return { segments: [[0, firstLine]], unterminatedQuoteLine: null };
	}
	const segments: LineSegments = [];
	let record = 0;
	let row = 0;
	const unterminatedQuoteLine = forEachRecord(data, delimiter, firstLine, (_, line) => {
		if (!rejected.has(record++)) {
			const last = segments[segments.length - 1];
			if (!last || last[1] + row - last[0] !== line) segments.push([row, line]);
			row++;
		}
	});
	if (segments.length === 0) segments.push([0, firstLine]);
	return { segments, unterminatedQuoteLine };
}

/** What one pass over the data finds (see {@link surveyLines}). */
export interface LineSurvey {
	/**
	 * An upper bound on the cells of any record: the most delimiters on one line, plus one.
	 * Quotes are ignored, so a delimiter inside a quoted cell counts too; only a record spanning
	 * lines can hold more, and DuckDB rejects such a row rather than losing its cells.
	 */
	widest: number;
	/** Whether a double quote is anywhere in the data. */
	quote: boolean;
	/** Whether a line is empty (the data starts with a line feed, or has two in a row). */
	emptyLine: boolean;
}

/**
 * Surveys the data's lines in one pass: at a million rows, three passes (the widest line, a quote,
 * an empty line) took 0.25 s in Chromium, one 0.12 s.
 */
export function surveyLines(data: Uint8Array, delimiter: string): LineSurvey {
	const delimiterCode = delimiterByte(delimiter);
	let most = 0;
	let count = 0;
	let quote = false;
	let emptyLine = false;
	let previous = LF;
	for (let i = 0; i < data.length; i++) {
		const byte = data[i]!;
		if (byte === delimiterCode) count++;
		else if (byte === LF) {
			if (previous === LF) emptyLine = true;
			if (count > most) most = count;
			count = 0;
		} else if (byte === QUOTE) quote = true;
		previous = byte;
	}
	return { widest: Math.max(most, count) + 1, quote, emptyLine };
}

/** Every record's start offset and line; for the rare file DuckDB rejected rows of. */
export function listRecords(
	data: Uint8Array,
	delimiter: string,
	firstLine: number
): { starts: number[]; lines: number[] } {
	const starts: number[] = [];
	const lines: number[] = [];
	forEachRecord(data, delimiter, firstLine, (start, line) => {
		starts.push(start);
		lines.push(line);
	});
	return { starts, lines };
}

/** Index of the record holding byte `position`, given ascending record starts; -1 if none. */
export function recordAt(starts: readonly number[], position: number): number {
	let low = 0;
	let high = starts.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (starts[middle]! <= position) {
			found = middle;
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}
	return found;
}

/** The segments as one bound parameter: `row:line,row:line`. */
export function encodeSegments(segments: LineSegments): string {
	return segments.map(([row, line]) => `${row}:${line}`).join(',');
}
