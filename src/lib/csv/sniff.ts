import Papa from 'papaparse';
import { FIELD_SPECS, mapColumns, type ColumnMapping, type ColumnOverrides } from './columns';

/** What the first lines of a file say about its layout. */
export interface CsvLayout {
	delimiter: string;
	/** Zero-based index of the header row among the file's records (title rows come before it). */
	headerIndex: number;
	header: string[];
	/** May still miss required fields: see {@link sniffLayout}. */
	mapping: ColumnMapping;
}

/** The delimiters Excel and its users write, in the order tried after papaparse's guess. */
export const DELIMITERS = [',', '\t', ';', '|'] as const;

const SNIFF_CHARS = 64 * 1024;
const MAX_TITLE_ROWS = 10;

/**
 * Finds the delimiter and the header row from the start of the text. Papaparse only reads the
 * first lines here; DuckDB reads the whole file. Each delimiter is tried (papaparse's guess
 * first) until a row names every required field; failing that, the row naming the most fields is
 * returned if it lacks no more than half the required ones, so a person can assign the rest.
 * `null` when nothing looks like a header.
 */
export function sniffLayout(text: string, overrides: ColumnOverrides = {}): CsvLayout | null {
	const head = text.slice(0, SNIFF_CHARS);
	const candidates = orderDelimiters(head).flatMap((delimiter) =>
		readHeaderCandidates(head, delimiter, overrides)
	);
	const complete = candidates.find((layout) => layout.mapping.missing.length === 0);
	if (complete) return complete;
	const partial = candidates
		.filter((layout) => isNearlyComplete(layout.mapping))
		.sort((a, b) => matchedCount(b.mapping) - matchedCount(a.mapping));
	return partial[0] ?? null;
}

function orderDelimiters(head: string): string[] {
	const guessed = Papa.parse<string[]>(head, {
		preview: MAX_TITLE_ROWS + 1,
		delimitersToGuess: [...DELIMITERS]
	}).meta.delimiter;
	return [guessed, ...DELIMITERS.filter((delimiter) => delimiter !== guessed)];
}

function readHeaderCandidates(
	head: string,
	delimiter: string,
	overrides: ColumnOverrides
): CsvLayout[] {
	const rows = Papa.parse<string[]>(head, {
		preview: MAX_TITLE_ROWS + 1,
		delimiter,
		skipEmptyLines: false
	}).data;
	return rows.flatMap((row, headerIndex) => {
		const mapping = mapColumns(row, overrides);
		return mapping ? [{ delimiter, headerIndex, header: row, mapping }] : [];
	});
}

function isNearlyComplete(mapping: ColumnMapping): boolean {
	const required = Object.values(FIELD_SPECS[mapping.kind]).filter((spec) => spec.required);
	return mapping.missing.length * 2 <= required.length;
}

function matchedCount(mapping: ColumnMapping): number {
	return Object.keys(mapping.columns).length;
}
