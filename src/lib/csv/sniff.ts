import Papa from 'papaparse';
import { mapColumns, type ColumnMapping } from './columns';

/** What the first lines of a file say about its layout. */
export interface CsvLayout {
	delimiter: string;
	/** Zero-based index of the header row among the file's lines (title rows come before it). */
	headerLine: number;
	header: string[];
	mapping: ColumnMapping;
}

const SNIFF_CHARS = 64 * 1024;
const MAX_TITLE_ROWS = 10;

/**
 * Finds the delimiter and the header row from the start of the text. Papaparse only looks at
 * the first lines here; DuckDB reads the whole file.
 */
export function sniffLayout(text: string): CsvLayout | null {
	const head = text.slice(0, SNIFF_CHARS);
	const parsed = Papa.parse<string[]>(head, {
		preview: MAX_TITLE_ROWS + 1,
		delimitersToGuess: [',', '\t', ';', '|'],
		skipEmptyLines: false
	});
	const rows = parsed.data;
	for (let index = 0; index < rows.length; index++) {
		const row = rows[index] ?? [];
		const mapping = mapColumns(row);
		if (mapping && mapping.missing.length === 0) {
			return { delimiter: parsed.meta.delimiter, headerLine: index, header: row, mapping };
		}
	}
	return null;
}
