import { describe, expect, it } from 'vitest';
import { cellText, headRows, tableCsv, type TableSpec } from './table-spec';

interface Row {
	name: string;
	a: number | null;
	b: number;
	low: number;
	high: number;
}

const rows: Row[] = [
	{ name: '성북구', a: 1.25, b: 3, low: -0.5, high: 0.75 },
	{ name: '=HYPERLINK("x")', a: null, b: 4, low: 1, high: 2 }
];

const spec: TableSpec<Row> = {
	caption: '표',
	columns: [
		{ label: '자치구', value: (r) => r.name },
		{ label: '총점', group: '2019', value: (r) => r.a, text: (r) => `${r.a ?? '–'}점` },
		{ label: '순위', group: '2019', value: (r) => r.b },
		{ label: '총점', group: '2020', value: (r) => r.b },
		{
			label: '구간',
			value: (r) => r.low,
			text: (r) => `${r.low} – ${r.high}`,
			csv: [
				{ label: '하한', value: (r) => r.low },
				{ label: '상한', value: (r) => r.high }
			]
		}
	],
	rows,
	key: (r) => r.name
};

describe('table spec', () => {
	it('heads grouped columns with their group over them, the others spanning both rows', () => {
		expect(headRows(spec.columns)).toEqual([
			[
				{ label: '자치구', colspan: 1, rowspan: 2, scope: 'col' },
				{ label: '2019', colspan: 2, rowspan: 1, scope: 'colgroup' },
				{ label: '2020', colspan: 1, rowspan: 1, scope: 'colgroup' },
				{ label: '구간', colspan: 1, rowspan: 2, scope: 'col' }
			],
			[
				{ label: '총점', colspan: 1, rowspan: 1, scope: 'col' },
				{ label: '순위', colspan: 1, rowspan: 1, scope: 'col' },
				{ label: '총점', colspan: 1, rowspan: 1, scope: 'col' }
			]
		]);
		expect(headRows([spec.columns[0]!, spec.columns[4]!])).toEqual([
			[
				{ label: '자치구', colspan: 1, rowspan: 1, scope: 'col' },
				{ label: '구간', colspan: 1, rowspan: 1, scope: 'col' }
			]
		]);
	});

	it('exports exact values under "group label" headings, one CSV column per exported part', () => {
		expect(tableCsv(spec)).toEqual({
			header: ['자치구', '2019 총점', '2019 순위', '2020 총점', '하한', '상한'],
			rows: [
				['성북구', 1.25, 3, 3, -0.5, 0.75],
				['=HYPERLINK("x")', null, 4, 4, 1, 2]
			]
		});
	});

	it('rounds numbers to the decimals the page shows, unless the full values are asked for', () => {
		const rated: TableSpec<{ name: string; rate: number; score: number }> = {
			caption: '',
			columns: [
				{ label: '자치구', value: (r) => r.name },
				{ label: '집행률', unit: '%', digits: 1, value: (r) => r.rate * 100 },
				{ label: '총점', unit: '점', digits: 1, group: '2019', value: (r) => r.score },
				{
					label: '구간',
					value: (r) => r.score,
					csv: [{ label: '하한', unit: '점', digits: 2, value: (r) => r.score - 1 / 3 }]
				}
			],
			rows: [{ name: '성북구', rate: 0.9467604187638413, score: 68.83333333333333 }],
			key: (r) => r.name
		};
		expect(tableCsv(rated)).toEqual({
			header: ['자치구', '집행률(%)', '2019 총점(점)', '하한(점)'],
			rows: [['성북구', 94.7, 68.8, 68.5]]
		});
		expect(tableCsv(rated, { full: true }).rows).toEqual([
			['성북구', 0.9467604187638413 * 100, 68.83333333333333, 68.83333333333333 - 1 / 3]
		]);
	});

	it('shows a cell’s own text, else its value; nothing for no value', () => {
		const [name, total] = spec.columns;
		expect(cellText(total!, rows[0]!)).toBe('1.25점');
		expect(cellText(total!, rows[1]!)).toBe('–점');
		expect(cellText(name!, rows[0]!)).toBe('성북구');
		expect(cellText({ label: 'x', value: () => null }, rows[0]!)).toBe('');
		expect(cellText({ label: 'x', value: () => 0 }, rows[0]!)).toBe('0');
	});
});
