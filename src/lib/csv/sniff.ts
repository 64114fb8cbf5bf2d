import Papa from 'papaparse';
import {
	FIELD_SPECS,
	mapColumns,
	type ColumnMapping,
	type ColumnOverrides,
	type TableContext
} from './columns';
import { joinHeaderRows } from './headers';

/** What the first lines of a file say about its layout. */
export interface CsvLayout {
	delimiter: string;
	/** Zero-based index of the header row among the file's records (title rows come before it). */
	headerIndex: number;
	/** 2 when the header is two rows (merged cells over the second), read as one. */
	headerRows: 1 | 2;
	/** The header as read: with two rows, each column's two cells as one. */
	header: string[];
	/** May still miss required fields: see {@link sniffLayout}. */
	mapping: ColumnMapping;
}

/** The delimiters Excel and its users write, in the order tried after papaparse's guess. */
export const DELIMITERS = [',', '\t', ';', '|'] as const;

/** How much of the text's start the header is looked for in, in UTF-16 code units. */
export const SNIFF_CHARS = 64 * 1024;
const MAX_TITLE_ROWS = 10;

/**
 * Finds the delimiter and the header row from the start of the text. Papaparse only reads the
 * first lines here; DuckDB reads the whole file. Each delimiter is tried (papaparse's guess
 * first) until a row names every required field; failing that, the row naming the most fields is
 * returned if it lacks no more than half the required ones, so a person can assign the rest.
 * `null` when nothing looks like a header. Candidates are read one at a time and the first
 * complete one ends the search: a file's header is almost always its first row, under the
 * guessed delimiter, and reading every candidate first took 15–22 ms of a small file's 55 in
 * the file worker.
 */
export function sniffLayout(
	text: string,
	overrides: ColumnOverrides = {},
	context: Omit<TableContext, 'texts'> & { names?: TableContext['texts'] } = {}
): CsvLayout | null {
	const head = text.slice(0, SNIFF_CHARS);
	const partial: CsvLayout[] = [];
	for (const delimiter of orderDelimiters(head)) {
		for (const layout of readHeaderCandidates(head, delimiter, overrides, context)) {
			if (layout.mapping.missing.length === 0) return layout;
			if (isNearlyComplete(layout.mapping)) partial.push(layout);
		}
	}
	// A stable sort: of those naming as many fields, the first read.
	partial.sort((a, b) => matchedCount(b.mapping) - matchedCount(a.mapping));
	return partial[0] ?? null;
}

function orderDelimiters(head: string): string[] {
	const guessed = Papa.parse<string[]>(head, {
		preview: MAX_TITLE_ROWS + 1,
		delimitersToGuess: [...DELIMITERS]
	}).meta.delimiter;
	return [guessed, ...DELIMITERS.filter((delimiter) => delimiter !== guessed)];
}

/** Each row's layouts as a header (two rows joined first, where the next row continues it). */
function* readHeaderCandidates(
	head: string,
	delimiter: string,
	overrides: ColumnOverrides,
	{ names = [], chosen }: Omit<TableContext, 'texts'> & { names?: TableContext['texts'] }
): Generator<CsvLayout> {
	const rows = Papa.parse<string[]>(head, {
		preview: MAX_TITLE_ROWS + 2,
		delimiter,
		skipEmptyLines: false
	}).data;
	for (const [headerIndex, row] of rows.slice(0, MAX_TITLE_ROWS + 1).entries()) {
		// The rows above the header are its title: they may name the year, the source, the unit.
		const titles = rows
			.slice(0, headerIndex)
			.map((cells) => cells.filter((cell) => cell.trim() !== '').join(' '))
			.filter((title) => title !== '')
			.map((text) => ({ from: 'title' as const, text }));
		const context: TableContext = { texts: [...titles, ...names], chosen };
		const read = (header: string[], headerRows: 1 | 2): CsvLayout | null => {
			const mapping = mapColumns(header, overrides, context);
			return mapping ? { delimiter, headerIndex, headerRows, header, mapping } : null;
		};
		const single = read(row, 1);
		const next = rows[headerIndex + 1];
		if (next && continuesHeader(row, next, single?.mapping)) {
			const joined = read(joinHeaderRows(row, next), 2);
			if (joined) yield joined;
		}
		if (single) yield single;
	}
}

/**
 * Whether the row after a header row is its second header row rather than data: it has text
 * (evaluator names, 예산액/집행액 under a year) but none under the columns the first row names a
 * field for, where a data row would have its year, district and names.
 */
function continuesHeader(
	row: readonly string[],
	next: readonly string[],
	mapping: ColumnMapping | undefined
): boolean {
	if (!next.some((cell) => cell.trim() !== '')) return false;
	const named = mapping ? Object.values(mapping.columns) : [];
	if (named.length > 0) return named.every((index) => (next[index] ?? '').trim() === '');
	// Nothing named yet (years side by side): the upper row must have a merged cell, a filled
	// cell with blanks to its right over text in the row below.
	const firstFilled = row.findIndex((cell) => cell.trim() !== '');
	return (
		firstFilled !== -1 &&
		row.some(
			(cell, index) =>
				index > firstFilled && cell.trim() === '' && (next[index] ?? '').trim() !== ''
		)
	);
}

function isNearlyComplete(mapping: ColumnMapping): boolean {
	const required = Object.values(FIELD_SPECS[mapping.kind]).filter((spec) => spec.required);
	return mapping.missing.length * 2 <= required.length;
}

function matchedCount(mapping: ColumnMapping): number {
	return Object.keys(mapping.columns).length;
}
