import { decodeText, type Cp949Decoder } from '$lib/csv/decode';

/**
 * The original text of the records that start at the given lines (1-based, as a text editor
 * counts: `\r\n`, `\n` or `\r` each end one), decoded as the importer decodes the file: what
 * the cell said before any normalization. A record whose quoted cell holds a line break runs on
 * until its quotes balance. Workbooks have no text lines: null for them (their rows are named
 * by cell address instead).
 */
export function sourceLines(
	bytes: Uint8Array,
	lines: readonly number[],
	decodeCp949?: Cp949Decoder
): Map<number, string> | null {
	// A workbook is a zip archive: "PK\x03\x04".
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
		return null;
	}
	const all = decodeText(bytes, decodeCp949).text.split(/\r\n|\n|\r/);
	const found = new Map<number, string>();
	for (const line of lines) {
		if (line < 1 || line > all.length) continue;
		let record = all[line - 1]!;
		for (let next = line; quotesOpen(record) && next < all.length; next++) {
			record += `\n${all[next]!}`;
		}
		found.set(line, record);
	}
	return found;
}

/** Whether a record's text ends inside a quoted cell (an odd number of quotes so far). */
function quotesOpen(text: string): boolean {
	let quotes = 0;
	for (const character of text) if (character === '"') quotes++;
	return quotes % 2 === 1;
}
