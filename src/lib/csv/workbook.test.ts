import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/types';
import { engineWithSchema, repoFile } from '$lib/testing/node-engine';
import { importCsv, type ImportOptions } from './import';
import { MAX_WORKBOOK_BYTES } from './workbook';

// The workbooks of tests/fixtures/layouts were written with the library the app reads them with
// (make_layouts.mjs); each must give the rows its CSV twin gives.
const layout = (name: string) => repoFile(`tests/fixtures/layouts/${name}`);
const CONFIRMED: ImportOptions = { confirmLayout: true };

async function importOne(name: string, bytes: Uint8Array, options: ImportOptions = CONFIRMED) {
	const engine = await engineWithSchema();
	const result = await importCsv(engine, { name, bytes }, options);
	return { engine, result };
}

async function rowsOf(engine: Engine, table: 'evaluations' | 'budget'): Promise<string[]> {
	const rows = await engine.query(`SELECT * EXCLUDE (file_id, line) FROM ${table}`);
	return rows.map((row) => JSON.stringify(row)).sort();
}

/** A workbook written here: one sheet per entry, cells as given (numbers stay numbers). */
function workbookOf(
	sheets: Record<string, unknown[][]>,
	bookType: 'xlsx' | 'xls' = 'xlsx'
): Uint8Array {
	const book = XLSX.utils.book_new();
	for (const [name, rows] of Object.entries(sheets)) {
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
	}
	return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
}

describe('Excel workbooks give the rows of their CSV twins', () => {
	it.each([
		['a-long', 'evaluations'],
		['b-sources', 'evaluations'],
		['d-budget-years', 'budget']
	] as const)('%s.xlsx', async (name, table) => {
		const csv = await importOne(`${name}.csv`, layout(`${name}.csv`));
		const xlsx = await importOne(`${name}.xlsx`, layout(`${name}.xlsx`));
		expect(csv.result.imported).toBe(true);
		expect(xlsx.result).toMatchObject({ imported: true, encoding: 'excel', issues: [] });
		expect(xlsx.result.importedCount).toBe(csv.result.importedCount);
		expect(await rowsOf(xlsx.engine, table)).toEqual(await rowsOf(csv.engine, table));
	});

	it('lists every sheet, hidden ones marked, and reads the first visible one by default', async () => {
		const { result } = await importOne('c.xlsx', layout('c-crosstab.xlsx'));
		expect(result.workbook?.sheet).toBe('2019 자체평가');
		expect(result.workbook?.sheets[0]).toEqual({ name: '작성 안내', hidden: true, rows: 3 });
		expect(result.workbook?.sheets.filter((sheet) => !sheet.hidden)).toHaveLength(9);
	});

	it('each sheet of a crosstab workbook, imported in turn, gives the long rows', async () => {
		const engine = await engineWithSchema();
		const bytes = layout('c-crosstab.xlsx');
		const first = await importCsv(engine, { name: 'c.xlsx', bytes }, CONFIRMED);
		for (const sheet of first.workbook!.sheets.filter(
			(s) => !s.hidden && s.name !== first.workbook!.sheet
		)) {
			const result = await importCsv(
				engine,
				{ name: 'c.xlsx', bytes },
				{ ...CONFIRMED, sheet: sheet.name }
			);
			expect(result.issues, sheet.name).toEqual([]);
			expect(result.imported, sheet.name).toBe(true);
		}
		const long = await importOne('a.csv', layout('a-long.csv'));
		expect(await rowsOf(engine, 'evaluations')).toEqual(await rowsOf(long.engine, 'evaluations'));
	});

	it('a crosstab sheet without a title takes its year and source from the sheet name', async () => {
		const bytes = workbookOf({
			'2019 외부전문가(전문가A)': [
				['평가영역', '평가지표', '배점', '성북구', '마포구'],
				['A영역', '지표1', 10, 9, 8],
				['합계', null, 10, 9, 8]
			]
		});
		const { result, engine } = await importOne('평가.xlsx', bytes);
		expect(result).toMatchObject({ imported: true, importedCount: 2 });
		expect(result.layout?.given.year).toMatchObject({ value: '2019', from: 'sheet' });
		expect(result.layout?.given.evaluator_id).toMatchObject({ value: '전문가A', from: 'sheet' });
		expect(
			await engine.query('SELECT DISTINCT evaluator_type, evaluator_id FROM evaluations')
		).toEqual([{ evaluator_type: 'expert', evaluator_id: '전문가A' }]);
	});

	it('a bad cell is named by sheet and address', async () => {
		const bytes = workbookOf({
			'2020 자체평가': [
				['평가영역', '평가지표', '배점', '성북구', '마포구'],
				['A영역', '지표1', 10, 9, '아홉']
			]
		});
		const { result } = await importOne('평가.xlsx', bytes);
		expect(result.issues).toMatchObject([
			{ file: '평가.xlsx › 2020 자체평가', line: 2, cell: 'E2', column: '마포구', value: '아홉' }
		]);
	});

	it('an Excel 97–2003 .xls is read too', async () => {
		const rows = [
			['연도', '자치구', '평가주체', '평가자', '평가영역', '평가지표', '점수', '배점'],
			[2019, '성북구', '자체', null, 'A영역', '지표1', 6, 10],
			[2019, '성북구', '공무원', '공무원A', 'A영역', '지표1', 8, 10]
		];
		const { engine, result } = await importOne('평가.xls', workbookOf({ 평가: rows }, 'xls'));
		expect(result).toMatchObject({ imported: true, importedCount: 2, encoding: 'excel' });
		expect(await engine.query('SELECT sum(score) AS s FROM evaluations')).toEqual([{ s: 14 }]);
	});

	it('a formula is read as its cached value, never as the formula', async () => {
		const sheet = XLSX.utils.aoa_to_sheet([
			['연도', '자치구', '평가주체', '평가영역', '평가지표', '점수', '배점'],
			[2019, '성북구', '자체', 'A영역', '지표1', 0, 10]
		]);
		// What Excel saves for =G2*0.7: the formula and the value it last computed.
		sheet['F2'] = { t: 'n', f: 'G2*0.7', v: 7 };
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, sheet, '평가');
		const bytes = new Uint8Array(
			XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer
		);
		const { engine, result } = await importOne('평가.xlsx', bytes);
		expect(result.imported).toBe(true);
		expect(await engine.query('SELECT score FROM evaluations')).toEqual([{ score: 7 }]);
	});

	it('a number formatted in 천원 is read in won', async () => {
		const book = XLSX.utils.book_new();
		const sheet = XLSX.utils.aoa_to_sheet([
			['회계연도', '자치구', '사업명', '세부항목', '예산액', '집행액'],
			[2019, '성북구', '운영', '인건비', 1456, 1400]
		]);
		for (const address of ['E2', 'F2']) sheet[address].z = '#,##0"천원"';
		XLSX.utils.book_append_sheet(book, sheet, '예산');
		const bytes = new Uint8Array(
			XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer
		);
		const { engine, result } = await importOne('예산.xlsx', bytes);
		expect(result.imported).toBe(true);
		expect(await engine.query('SELECT planned, spent FROM budget')).toEqual([
			{ planned: 1_456_000, spent: 1_400_000 }
		]);
	});
});

describe('workbooks that are refused, or not what their name says', () => {
	it.each([
		['bad/password.xlsx', 'workbook-password'],
		['bad/macros.xlsm', 'workbook-macros'],
		['bad/external-link.xlsx', 'workbook-external-links'],
		['bad/two-tables.xlsx', 'two-tables']
	])('%s is refused: %s', async (name, code) => {
		const { result, engine } = await importOne(name, layout(name));
		expect(result.imported).toBe(false);
		expect(result.issues[0]?.code).toBe(code);
		expect(await engine.query('SELECT count(*)::INTEGER AS n FROM evaluations')).toEqual([
			{ n: 0 }
		]);
	});

	it('the second table of a sheet is found at its header row', async () => {
		const { result } = await importOne('t.xlsx', layout('bad/two-tables.xlsx'));
		expect(result.issues[0]).toMatchObject({ code: 'two-tables', file: 't.xlsx › 평가결과' });
		expect(result.issues[0]?.line).toBeGreaterThan(2);
	});

	it('a workbook over the size limit is refused before it is opened', async () => {
		const bytes = new Uint8Array(50 * 1024 * 1024);
		bytes.set([0x50, 0x4b, 0x03, 0x04]);
		expect(bytes.byteLength).toBeGreaterThan(MAX_WORKBOOK_BYTES);
		const { result } = await importOne('big.xlsx', bytes);
		expect(result.issues[0]).toMatchObject({ code: 'workbook-too-large', detail: '50' });
	});

	it('a CSV named .xlsx is read as CSV, and a workbook named .csv as a workbook', async () => {
		const csv = await importOne('renamed.xlsx', layout('bad/csv-renamed.xlsx'));
		const xlsx = await importOne('renamed.csv', layout('bad/xlsx-renamed.csv'));
		expect(csv.result).toMatchObject({ imported: true, encoding: 'utf-8-bom' });
		expect(xlsx.result).toMatchObject({ imported: true, encoding: 'excel' });
		expect(await rowsOf(xlsx.engine, 'evaluations')).toEqual(
			await rowsOf(csv.engine, 'evaluations')
		);
	});

	it('a ZIP that is no workbook is refused as unreadable', async () => {
		const zip = XLSX.CFB.utils.cfb_new();
		XLSX.CFB.utils.cfb_add(zip, 'word/document.xml', new TextEncoder().encode('<w:document/>'));
		const bytes = new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', type: 'array' }));
		const { result } = await importOne('report.docx', bytes);
		expect(result.issues[0]?.code).toBe('workbook-unreadable');
	});
});
