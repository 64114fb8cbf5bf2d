import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { totalsOf } from '$lib/analysis/unit-totals';
import type { Engine } from '$lib/engine/types';
import { byDistrict, pivotTotals } from '$lib/analysis/totals';
import { NO_FILTERS } from '$lib/query/filters';
import { queryUnitScores } from '$lib/query/scores';
import { csvBytes, engineWithSchema, repoFile } from '$lib/testing/node-engine';
import { importCsv, type ImportOptions } from './import';

// Each layout staff keep, written from the long fixtures by tests/fixtures/layouts/make_layouts.mjs,
// must import to the very rows the long layout gives; the budget's sums are checked against
// tests/fixtures/expected/compute_expected.py's, computed from the long file alone.
const LAYOUTS = 'tests/fixtures/layouts';
const layout = (name: string) => repoFile(`${LAYOUTS}/${name}`);
const crosstabFiles = readdirSync(new URL(`../../../${LAYOUTS}`, import.meta.url)).filter((name) =>
	/^c-crosstab-20\d\d-.*\.csv$/.test(name)
);
const budgetExpected = JSON.parse(
	readFileSync(
		new URL('../../../tests/fixtures/expected/layouts-budget-totals.json', import.meta.url),
		'utf8'
	)
) as {
	by_district_year: Record<
		string,
		Record<string, { planned: number; spent: number; lines: number }>
	>;
	grand_planned: number;
	grand_spent: number;
};

const unbalancedExpected = JSON.parse(
	readFileSync(
		new URL('../../../tests/fixtures/expected/unbalanced-totals.json', import.meta.url),
		'utf8'
	)
) as { by_district_all_years: Record<string, { self: number; official: number; expert: number }> };

const CONFIRMED: ImportOptions = { confirmLayout: true };

/** Imports files into a fresh engine; every one must import without a problem. */
async function importAll(files: { name: string; bytes: Uint8Array }[], options = CONFIRMED) {
	const engine = await engineWithSchema();
	const results = [];
	for (const file of files) {
		const result = await importCsv(engine, file, options);
		expect(result.issues, file.name).toEqual([]);
		expect(result.imported, file.name).toBe(true);
		results.push(result);
	}
	return { engine, results };
}

/** Every evaluation row without where it came from, in one order. */
async function evaluationRows(engine: Engine): Promise<string[]> {
	const rows = await engine.query(
		`SELECT year, district_code, evaluator_type, evaluator_id, area, indicator, score, max_score
		FROM evaluations`
	);
	return rows.map((row) => JSON.stringify(row)).sort();
}

async function budgetRows(engine: Engine): Promise<string[]> {
	const rows = await engine.query(
		`SELECT year, district_code, program, item, budget_code, planned, spent FROM budget`
	);
	return rows.map((row) => JSON.stringify(row)).sort();
}

const longEvaluations = async () =>
	evaluationRows((await importAll([{ name: 'a.csv', bytes: layout('a-long.csv') }])).engine);

describe('(b) the sources side by side under two header rows, with 소계 rows', () => {
	it('read the merged source over its evaluators, leave the subtotals out and check them', async () => {
		const { engine, results } = await importAll([
			{ name: 'b.csv', bytes: layout('b-sources.csv') }
		]);
		const [result] = results;
		expect(result?.layout?.headerRows).toBe(2);
		expect(result?.layout?.wide?.groups.map((group) => group.given)).toEqual([
			{ evaluator_type: 'self', evaluator_id: null },
			{ evaluator_type: 'official', evaluator_id: '공무원A' },
			{ evaluator_type: 'official', evaluator_id: '공무원B' },
			{ evaluator_type: 'official', evaluator_id: '공무원C' },
			{ evaluator_type: 'expert', evaluator_id: '전문가A' }
		]);
		// Four district-years, each closed by a 소계 row that adds up.
		expect(result?.totals).toEqual({ rows: 4, mismatches: [] });
		expect(await evaluationRows(engine)).toEqual(await longEvaluations());
	});
});

describe('(c) districts as columns, one table per year and source', () => {
	it('read the year and the source from the title row, and give the long rows', async () => {
		expect(crosstabFiles).toHaveLength(9);
		const files = crosstabFiles.map((name) => ({ name, bytes: layout(name) }));
		const { engine, results } = await importAll(files);
		const first = results.find((result) => result.file === 'c-crosstab-2020-공무원A.csv');
		expect(first?.layout?.wide?.kind).toBe('districts');
		expect(first?.layout?.given).toEqual({
			year: {
				value: '2020',
				from: 'title',
				text: '2020년 시민협력플랫폼 평가 결과 공무원평가(공무원A)'
			},
			evaluator_type: {
				value: 'official',
				from: 'title',
				text: '2020년 시민협력플랫폼 평가 결과 공무원평가(공무원A)'
			},
			evaluator_id: {
				value: '공무원A',
				from: 'title',
				text: '2020년 시민협력플랫폼 평가 결과 공무원평가(공무원A)'
			}
		});
		expect(first?.totals).toEqual({ rows: 1, mismatches: [] });
		expect(await evaluationRows(engine)).toEqual(await longEvaluations());
		// And the figures, against compute_expected.py's from the long file.
		const groups = pivotTotals(
			totalsOf(await queryUnitScores(engine, NO_FILTERS), ['district']),
			byDistrict
		);
		expect(groups).toHaveLength(2);
		for (const group of groups) {
			const want = unbalancedExpected.by_district_all_years[group.labelKo]!;
			for (const source of ['self', 'official', 'expert'] as const) {
				expect(group[source], `${group.labelKo} ${source}`).toBeCloseTo(want[source], 9);
			}
		}
	});

	it('are previewed in long form before they are imported', async () => {
		const engine = await engineWithSchema();
		const result = await importCsv(engine, {
			name: 'c.csv',
			bytes: layout('c-crosstab-2020-공무원A.csv')
		});
		expect(result).toMatchObject({ imported: false, rowCount: 5, issues: [] });
		expect(result.preview?.[0]).toEqual({
			line: 4,
			year: '2020',
			district: '성북구',
			evaluator_type: 'official',
			evaluator_id: '공무원A',
			area: 'A영역',
			indicator: '지표1',
			score: '8',
			max_score: '10'
		});
	});

	it('without a title, ask for the year and source; given, they are read from the choice', async () => {
		const engine = await engineWithSchema();
		const file = { name: 'table.csv', bytes: layout('c-crosstab-untitled.csv') };
		const asked = await importCsv(engine, file);
		expect(asked.issues[0]).toMatchObject({
			code: 'missing-given',
			detail: 'year, evaluator_type'
		});
		expect(asked.layout?.wide?.kind).toBe('districts');
		const given = await importCsv(engine, file, {
			...CONFIRMED,
			given: { year: '2019', evaluator_type: '공무원', evaluator_id: '공무원A' }
		});
		expect(given).toMatchObject({ imported: true, importedCount: 4 });
		const titled = await importAll([
			{ name: 'c.csv', bytes: layout('c-crosstab-2019-공무원A.csv') }
		]);
		expect(await evaluationRows(engine)).toEqual(await evaluationRows(titled.engine));
	});

	it('a year and source in the file name are read when the table has no title', async () => {
		const engine = await engineWithSchema();
		const result = await importCsv(
			engine,
			{ name: '2019_공무원(공무원A).csv', bytes: layout('c-crosstab-untitled.csv') },
			CONFIRMED
		);
		expect(result).toMatchObject({ imported: true, importedCount: 4 });
		expect(result.layout?.given.year).toEqual({
			value: '2019',
			from: 'file',
			text: '2019_공무원(공무원A).csv'
		});
	});

	it('a 합계 row that does not add up is a warning naming its line and column', async () => {
		const engine = await engineWithSchema();
		const result = await importCsv(
			engine,
			{ name: 'm.csv', bytes: layout('bad/c-total-mismatch.csv') },
			CONFIRMED
		);
		// The 합계 row is never data: the import goes on, and says where the sum is off.
		expect(result.imported).toBe(true);
		expect(result.totals.rows).toBe(1);
		expect(result.totals.mismatches).toEqual([
			{ line: 6, column: '마포구', value: expect.any(String), expected: 18 }
		]);
		expect(Number(result.totals.mismatches[0]?.value)).toBe(19);
	});

	it('a bad score names its district column and line', async () => {
		const engine = await engineWithSchema();
		const text = [
			'2019년 외부전문가평가(전문가A)',
			'평가영역,평가지표,배점,성북구,마포구,합계',
			'A영역,지표1,10,9,열',
			'B영역,지표2,20,16,25'
		].join('\n');
		const result = await importCsv(engine, { name: 'x.csv', bytes: csvBytes(text) }, CONFIRMED);
		expect(result.issues.map((i) => [i.line, i.column, i.value, i.code])).toEqual([
			[3, '마포구', '열', 'invalid-number'],
			[4, '마포구', '25', 'score-above-max']
		]);
	});
});

describe('(d) budget years side by side', () => {
	it('read each year’s 예산액/집행액 in thousands of won, leave the 합계 row out', async () => {
		const { engine, results } = await importAll([
			{ name: 'd.csv', bytes: layout('d-budget-years.csv') }
		]);
		const [result] = results;
		expect(result?.layout).toMatchObject({ headerRows: 2, headerLine: 2 });
		expect(result?.layout?.wide?.groups.map((group) => group.given.year)).toEqual([
			'2019',
			'2020',
			'2021'
		]);
		expect(result?.totals).toEqual({ rows: 1, mismatches: [] });
		const long = await importAll([{ name: 'l.csv', bytes: layout('budget-long.csv') }]);
		expect(await budgetRows(engine)).toEqual(await budgetRows(long.engine));
		const sums = await engine.query<{
			district: string;
			year: number;
			planned: number;
			spent: number;
			lines: number;
		}>(
			`SELECT d.name_ko AS district, year, sum(planned) AS planned, sum(spent) AS spent,
				count(*)::INTEGER AS lines
			FROM budget b JOIN districts d ON d.code = b.district_code GROUP BY ALL`
		);
		expect(sums).toHaveLength(6);
		for (const row of sums) {
			expect(row, `${row.district} ${row.year}`).toEqual({
				...row,
				...budgetExpected.by_district_year[row.district]![String(row.year)]
			});
		}
	});

	it('a year without its 집행액 column is refused, naming the year', async () => {
		const engine = await engineWithSchema();
		const text = [
			'자치구,사업명,세부항목,2019 예산액,2019 집행액,2020 예산액',
			'성북구,운영,인건비,100,90,120'
		].join('\n');
		const result = await importCsv(engine, { name: 'y.csv', bytes: csvBytes(text) });
		expect(result.issues[0]).toMatchObject({ code: 'missing-columns', detail: '2020 spent' });
	});

	it('a total column (합계 예산액) is checked against the years in its row', async () => {
		const engine = await engineWithSchema();
		const text = [
			'자치구,사업명,세부항목,2019 예산액,2019 집행액,2020 예산액,2020 집행액,합계 예산액',
			'성북구,운영,인건비,100,90,120,110,220',
			'성북구,운영,강사료,10,9,12,11,23'
		].join('\n');
		const result = await importCsv(engine, { name: 't.csv', bytes: csvBytes(text) }, CONFIRMED);
		expect(result.importedCount).toBe(4);
		expect(result.totals.mismatches).toEqual([
			{ line: 3, column: '합계 예산액', value: '23', expected: 22 }
		]);
	});
});

describe('total rows in the long layout', () => {
	it('are checked, left out, and a wrong one is a warning', async () => {
		const engine = await engineWithSchema();
		const text = [
			'회계연도,자치구,사업명,세부항목,예산액,집행액',
			'2019,성북구,운영,인건비,"1,000,000","900,000"',
			'2019,성북구,운영,강사료,"200,000","150,000"',
			'2019,성북구,소계,,"1,200,000","1,050,000"',
			'2019,마포구,운영,인건비,"800,000","800,000"',
			'2019,마포구,소 계,,"800,000","700,000"',
			'합계,,,,"2,000,000","1,850,000"'
		].join('\n');
		const result = await importCsv(engine, { name: 'l.csv', bytes: csvBytes(text) });
		expect(result).toMatchObject({ imported: true, importedCount: 3, issues: [] });
		// 마포구's 소계 says 700,000 spent where its one line spent 800,000.
		expect(result.totals).toEqual({
			rows: 3,
			mismatches: [{ line: 6, column: '집행액', value: '700,000', expected: 800_000 }]
		});
		expect(await engine.query('SELECT count(*)::INTEGER AS n FROM budget')).toEqual([{ n: 3 }]);
	});
});

describe('two tables in one file', () => {
	it('a second header below the first refuses the file at its line', async () => {
		const engine = await engineWithSchema();
		const text = [
			'연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점',
			'2019,성북구,자체,,A영역,지표1,6,10',
			'',
			'연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점',
			'2020,성북구,자체,,A영역,지표1,7,10'
		].join('\n');
		const result = await importCsv(engine, { name: 't.csv', bytes: csvBytes(text) });
		expect(result.issues).toMatchObject([{ code: 'two-tables', line: 4 }]);
	});

	it('a second table beside the first is refused at the header', async () => {
		const engine = await engineWithSchema();
		const text = [
			'연도,자치구,평가주체,평가영역,평가지표,점수,배점,,연도,자치구',
			'2019,성북구,자체,A영역,지표1,6,10,,2020,마포구'
		].join('\n');
		const result = await importCsv(engine, { name: 't.csv', bytes: csvBytes(text) });
		expect(result.issues).toMatchObject([{ code: 'two-tables', line: 1, detail: '연도' }]);
	});
});

describe('a wide file with no source column', () => {
	it('is refused for the columns it lacks', async () => {
		const engine = await engineWithSchema();
		const result = await importCsv(engine, {
			name: 'n.csv',
			bytes: layout('bad/b-no-source-columns.csv')
		});
		expect(result.issues[0]).toMatchObject({ code: 'missing-columns' });
		expect(result.issues[0]?.detail).toContain('evaluator_type');
	});
});
