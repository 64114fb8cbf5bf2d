import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '$lib/export/csv';
import { tableCsv, type TableSpec } from '$lib/export/table-spec';
import type { BudgetSourceRow } from './budget-provenance';
import type { ProvenanceRow } from './score-provenance';
import { budgetRowsTable, scoreRowsTable } from './tables';

const HASH = 'a'.repeat(64);
const row = (line: number, over: Partial<ProvenanceRow> = {}): ProvenanceRow => ({
	file_id: HASH,
	line,
	year: 2033,
	district_code: '11290',
	name_ko: '성북구',
	name_en: 'Seongbuk-gu',
	evaluator_type: 'official',
	evaluator_id: '공무원A',
	area: '추진체계',
	indicator: '똠방 운영',
	score: 6.5,
	max_score: 10,
	...over
});
const sources = {
	fileName: () => '성북구-2033.csv',
	original: (_: string, line: number) =>
		line === 3 ? '2033,성북구 ,공무원,공무원A,추진체계,똠방 운영,６.5,10' : undefined
};

/** The CSV the dialog downloads for a table, parsed back. */
function parsed<Row>(spec: TableSpec<Row>, note: string): string[][] {
	const { header, rows } = tableCsv(spec, { full: true });
	const text = toCsv(header, rows, note);
	expect(text.startsWith('\uFEFF')).toBe(true);
	return Papa.parse<string[]>(text.slice(1).trim()).data;
}

describe('the source rows as CSV', () => {
	it('lists each row with its file, hash, line, values and original text, under a note', () => {
		const spec = scoreRowsTable([row(3), row(4)], sources, 'ko', '원본 행');
		const [note, header, first, second] = parsed(spec, '성북구 공무원평가 출처');
		expect(note).toEqual(['성북구 공무원평가 출처']);
		expect(header).toEqual([
			'파일',
			'파일 SHA-256',
			'줄',
			'연도',
			'자치구',
			'평가주체',
			'평가자',
			'평가영역',
			'평가지표',
			'점수',
			'배점',
			'원문 (가져오기 전 그대로)'
		]);
		expect(first).toEqual([
			'성북구-2033.csv',
			HASH,
			'3',
			'2033',
			'성북구',
			'공무원평가',
			'공무원A',
			'추진체계',
			'똠방 운영',
			'6.5',
			'10',
			'2033,성북구 ,공무원,공무원A,추진체계,똠방 운영,６.5,10'
		]);
		// A line whose text is not at hand is empty in the CSV, and says so on the page.
		expect(second!.at(-1)).toBe('');
		expect(spec.columns.at(-1)!.text!(row(4))).toBe('(원문 없음)');
	});

	it('writes English headings and names, and makes a hostile label inert', () => {
		const spec = scoreRowsTable([row(5, { area: '=HYPERLINK("http://x")' })], sources, 'en', 'x');
		const [, header, first] = parsed(spec, 'note');
		expect(header![0]).toBe('file');
		expect(first![4]).toBe('Seongbuk-gu');
		expect(first![5]).toBe('Official');
		expect(first![7]).toBe(`'=HYPERLINK("http://x")`);
	});

	it('gives budget lines their amounts in whole won', () => {
		const line: BudgetSourceRow = {
			file_id: HASH,
			line: 7,
			year: 2018,
			district_code: '11290',
			name_ko: '성북구',
			name_en: 'Seongbuk-gu',
			program: '시민협력플랫폼 운영',
			item: '강사료',
			budget_code: '201-01',
			planned: 900000,
			spent: 808120
		};
		const spec = budgetRowsTable([line], sources, 'ko', '예산 줄');
		const [, header, first] = parsed(spec, 'note');
		expect(header!.slice(5, 10)).toEqual([
			'사업명',
			'세부항목',
			'예산과목',
			'예산액(원)',
			'집행액(원)'
		]);
		expect(first!.slice(5, 10)).toEqual([
			'시민협력플랫폼 운영',
			'강사료',
			'201-01',
			'900000',
			'808120'
		]);
		expect(spec.columns[7]!.text!(line)).toBe('900,000원');
	});
});
