/**
 * Files that are not CSV text at all, told apart before anything is decoded: a workbook saved
 * as .xlsx or .xls and renamed, or an image or PDF picked by mistake.
 */

/** Why a file is not CSV text: a spreadsheet workbook, or some other binary file. */
export type NonCsvKind = 'spreadsheet-file' | 'binary-file';

interface Signature {
	kind: NonCsvKind;
	bytes: readonly number[];
}

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
	// XLSX (and every Office Open XML or ODF file) is a ZIP archive.
	{ kind: 'spreadsheet-file', bytes: [0x50, 0x4b, 0x03, 0x04] },
	// Excel 97–2003 .xls is an OLE compound document.
	{ kind: 'spreadsheet-file', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
	{ kind: 'binary-file', bytes: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a] },
	{ kind: 'binary-file', bytes: [0xff, 0xd8, 0xff] },
	{ kind: 'binary-file', bytes: ascii('GIF87a') },
	{ kind: 'binary-file', bytes: ascii('GIF89a') },
	{ kind: 'binary-file', bytes: ascii('%PDF-') },
	{ kind: 'binary-file', bytes: [0x1f, 0x8b] }, // gzip
	{ kind: 'binary-file', bytes: [0x28, 0xb5, 0x2f, 0xfd] } // zstd
];

/** Recognizes a workbook or a binary file by its first bytes (its magic number). */
export function detectNonCsvBytes(bytes: Uint8Array): NonCsvKind | null {
	const match = SIGNATURES.find((signature) =>
		signature.bytes.every((byte, index) => bytes[index] === byte)
	);
	return match?.kind ?? null;
}

// Many intranet systems export "Excel" files that are an HTML table or Excel 2003 XML.
const MARKUP_SPREADSHEET =
	/^\s*(<\?xml[^>]*>\s*<\?mso-application progid="Excel\.Sheet"|<!doctype html|<html|<table)/i;

/**
 * Recognizes decoded text that is not CSV: NUL characters (binary data), or the HTML/XML an
 * "Excel" export of a web system really is.
 */
export function detectNonCsvText(text: string): NonCsvKind | null {
	if (text.includes('\u0000')) return 'binary-file';
	if (MARKUP_SPREADSHEET.test(text.slice(0, 1024))) return 'spreadsheet-file';
	return null;
}
