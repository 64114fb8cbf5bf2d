import * as XLSX from '@e965/xlsx';
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';

/**
 * Excel workbooks (.xlsx, .xlsm, .xls) read as the tables the importer reads: each sheet becomes
 * CSV text whose line N is the sheet's row N, so that every message names the row (and cell)
 * Excel shows. Cell values are read, never formulas (a formula's cached value) or formats,
 * except that a number formatted in 천원 or as a percentage keeps that unit in its text. Loaded
 * only when a workbook arrives, in the upload worker: SheetJS is too large for the page.
 */

/** Larger workbooks are refused: their XML is about ten times their size once unzipped. */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

/** Why a workbook is not read. */
export type WorkbookRefusalCode =
	| 'workbook-too-large'
	| 'workbook-password'
	| 'workbook-macros'
	| 'workbook-external-links'
	| 'workbook-unreadable'
	| 'workbook-no-sheets';

/** One sheet as the upload panel lists it. */
export interface SheetInfo {
	name: string;
	/** Hidden (or very hidden) in Excel: listed, but not chosen unless asked for. */
	hidden: boolean;
	/** Rows from the first to the last used one. */
	rows: number;
}

export type WorkbookRead =
	| { ok: true; sheets: SheetInfo[]; sheet: string; text: string }
	| { ok: false; code: WorkbookRefusalCode; detail: string | null; sheets: SheetInfo[] };

/**
 * Reads one sheet of a workbook as CSV text: the sheet named, or else the first visible sheet
 * with any cell. Refuses a workbook over {@link MAX_WORKBOOK_BYTES}, one protected by a
 * password, one with macros or links to other workbooks (their values would be someone else's,
 * or run code), and one SheetJS cannot read.
 */
export function readWorkbookSheet(bytes: Uint8Array, sheetName?: string): WorkbookRead {
	const refuse = (
		code: WorkbookRefusalCode,
		detail: string | null = null,
		sheets: SheetInfo[] = []
	) => ({ ok: false, code, detail, sheets }) as const;
	if (bytes.byteLength > MAX_WORKBOOK_BYTES) {
		return refuse('workbook-too-large', String(Math.round(bytes.byteLength / 1024 / 1024)));
	}
	const parts = containerParts(bytes);
	if (parts.some((path) => /(^|\/)EncryptedPackage$/i.test(path)))
		return refuse('workbook-password');
	if (parts.some((path) => /vbaProject\.bin$|_VBA_PROJECT/i.test(path)))
		return refuse('workbook-macros');
	if (parts.some((path) => /externalLinks?\//i.test(path)))
		return refuse('workbook-external-links');
	let workbook: WorkBook;
	try {
		workbook = XLSX.read(bytes, {
			type: 'array',
			cellFormula: false,
			cellHTML: false,
			cellNF: true,
			cellText: true,
			cellDates: false,
			dense: true
		});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		if (/password|encrypt/i.test(message)) return refuse('workbook-password');
		return refuse('workbook-unreadable', message.split('\n')[0]!.slice(0, 200));
	}
	const sheets = workbook.SheetNames.map((name, index) => ({
		name,
		hidden: (workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0,
		rows: rowCount(workbook.Sheets[name])
	}));
	const chosen =
		sheetName !== undefined
			? sheets.find((sheet) => sheet.name === sheetName)
			: (sheets.find((sheet) => !sheet.hidden && sheet.rows > 0) ?? undefined);
	if (!chosen) return refuse('workbook-no-sheets', sheetName ?? null, sheets);
	return { ok: true, sheets, sheet: chosen.name, text: sheetToCsv(workbook.Sheets[chosen.name]) };
}

/** The paths inside the ZIP (xlsx) or compound file (xls, encrypted xlsx); [] if neither. */
function containerParts(bytes: Uint8Array): string[] {
	try {
		const container = XLSX.CFB.read(bytes, { type: 'array' }) as { FullPaths?: string[] };
		return container.FullPaths ?? [];
	} catch {
		return [];
	}
}

function rowCount(sheet: WorkSheet | undefined): number {
	const ref = sheet?.['!ref'];
	if (!ref) return 0;
	const range = XLSX.utils.decode_range(ref);
	return range.e.r + 1;
}

/**
 * The sheet as CSV, from A1 (so line N is row N and column index C is column C) to its last
 * used cell. A line break inside a cell (Alt+Enter in a header) becomes a space, keeping one
 * line per row.
 */
function sheetToCsv(sheet: WorkSheet | undefined): string {
	const ref = sheet?.['!ref'];
	if (!sheet || !ref) return '';
	const { e: end } = XLSX.utils.decode_range(ref);
	const rows = (sheet['!data'] ?? []) as (CellObject | undefined)[][];
	const lines: string[] = [];
	for (let r = 0; r <= end.r; r++) {
		const row = rows[r] ?? [];
		const cells: string[] = [];
		for (let c = 0; c <= end.c; c++) cells.push(quote(cellText(row[c])));
		lines.push(cells.join(','));
	}
	return lines.join('\n') + '\n';
}

/** The text a cell's value is read as. */
export function cellText(cell: CellObject | undefined): string {
	if (!cell || cell.v === undefined || cell.v === null) return '';
	const format = typeof cell.z === 'string' ? cell.z : '';
	switch (cell.t) {
		case 'n': {
			const value = cell.v as number;
			if (format && XLSX.SSF.is_date(format)) return cell.w ?? String(value);
			if (/%/.test(format.replace(/"[^"]*"/g, ''))) return `${round(value * 100)}%`;
			// A unit shown by the format ("천원") is part of what the number means.
			const unit = /"[^"]*?(백만원|천원|원)[^"]*"|(백만원|천원)/.exec(format);
			return `${value}${unit ? (unit[1] ?? unit[2]) : ''}`;
		}
		case 'b':
			return cell.v ? 'TRUE' : 'FALSE';
		case 'e':
			return cell.w ?? '#N/A';
		case 'd':
			return cell.w ?? String(cell.v);
		default:
			return String(cell.v).replace(/\r\n|\r|\n/g, ' ');
	}
}

/** A percentage as Excel shows it, without binary noise (0.921 × 100 = 92.10000000000001). */
function round(value: number): number {
	return Number(value.toPrecision(12));
}

function quote(text: string): string {
	return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
