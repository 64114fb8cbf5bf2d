/** A cell of an exported table: text, a number, or nothing. */
export type CsvCell = string | number | null;

// Spreadsheet programs run a cell that starts with one of these as a formula
// (OWASP "CSV injection"); a leading apostrophe makes Excel show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text: numbers as they are, text quoted when needed and made inert. */
export function csvCell(cell: CsvCell): string {
	if (cell === null) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	const inert = FORMULA_START.test(cell) && !isPlainNumber(cell) ? `'${cell}` : cell;
	return /[",\r\n]/.test(inert) || inert !== inert.trim()
		? `"${inert.replaceAll('"', '""')}"`
		: inert;
}

function isPlainNumber(text: string): boolean {
	return /^[+-]?\d+(\.\d+)?$/.test(text);
}

/**
 * A whole table as CSV for Excel on Korean Windows, under an optional note line: UTF-8 with a
 * byte-order mark (without it Excel reads the file as CP949 and garbles Hangul), CRLF line ends.
 */
export function toCsv(
	header: readonly string[],
	rows: readonly (readonly CsvCell[])[],
	note?: string
): string {
	// A note comes first, on a line of its own: what the figures are filtered by, and when.
	const lines = [...(note ? [[note]] : []), header, ...rows].map((row) =>
		row.map(csvCell).join(',')
	);
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
