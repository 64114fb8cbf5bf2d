import { describe, expect, it } from 'vitest';
import { importCsv } from '$lib/csv/import';
import { engineWithSchema } from '$lib/testing/node-engine';
import { templateCsv, templateWorkbook } from './templates';

// A form is only worth downloading if the importer takes it as it is: each is imported here,
// as CSV and as a workbook, into an empty dataset, and the rows read back are the ones written
// in by hand below.

async function imported(name: string, bytes: Uint8Array, table: 'evaluations' | 'budget') {
	const engine = await engineWithSchema();
	const result = await importCsv(engine, { name, bytes });
	const columns =
		table === 'evaluations'
			? 'year, district_code, evaluator_type, evaluator_id, area, indicator, score, max_score'
			: 'year, district_code, program, item, budget_code, planned, spent, basis';
	const rows = await engine.query(`SELECT ${columns} FROM ${table} ORDER BY line`);
	return { result, rows: rows.map((row) => Object.values(row).map(String)) };
}

const EVALUATION_ROWS = [
	['2025', '11290', 'self', 'null', '추진체계', '운영위원회 구성 및 운영', '4', '5'],
	['2025', '11290', 'official', '공무원A', '추진체계', '운영위원회 구성 및 운영', '3.5', '5']
];
const BUDGET_ROWS = [
	[
		'2025',
		'11290',
		'시민협력플랫폼 운영',
		'인건비',
		'101-01',
		'111600000',
		'107158210',
		'3,100,000원×12개월×3명'
	],
	['2025', '11290', '시민협력플랫폼 운영', '강사료', '201-01', '900000', '808120', '150,000원×6회']
];

describe('the download forms (양식)', () => {
	it('the CSV forms start with a byte-order mark, for Excel on Korean Windows', () => {
		expect(templateCsv('evaluations').startsWith('\uFEFF연도,자치구,평가주체')).toBe(true);
		expect(templateCsv('budget').split('\r\n')[1]).toBe(
			'2025,성북구,시민협력플랫폼 운영,인건비,101-01,111600000,107158210,"3,100,000원×12개월×3명"'
		);
	});

	it.each([
		['evaluations', EVALUATION_ROWS],
		['budget', BUDGET_ROWS]
	] as const)('the %s form imports as it is, from CSV and from a workbook', async (kind, rows) => {
		const csv = await imported(`${kind}.csv`, new TextEncoder().encode(templateCsv(kind)), kind);
		expect(csv.result).toMatchObject({ kind, importedCount: 2, issueCount: 0 });
		expect(csv.rows).toEqual(rows);
		const book = await imported(`${kind}.xlsx`, await templateWorkbook(kind, '양식'), kind);
		expect(book.result).toMatchObject({ kind, importedCount: 2, issueCount: 0 });
		expect(book.rows).toEqual(rows);
	});
});
