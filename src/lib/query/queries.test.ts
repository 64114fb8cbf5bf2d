import { beforeAll, describe, expect, it } from 'vitest';
import { totalsOf } from '$lib/analysis/unit-totals';
import { importCsv } from '$lib/csv/import';
import type { Engine } from '$lib/engine/types';
import { csvBytes, engineWithSchema } from '$lib/testing/node-engine';
import {
	buildBudgetByDistrictYearQuery,
	buildBudgetItemsQuery,
	buildBudgetTotalsQuery,
	buildCityBudgetLinesQuery,
	buildDistrictBudgetLinesQuery
} from './budget';
import { buildWhere, NO_FILTERS, type DashboardFilters } from './filters';
import {
	buildUnitScoresQuery,
	buildEvaluatorRatingsQuery,
	FILTER_OPTION_QUERIES,
	queryUnitScores
} from './scores';

// A small export whose totals were worked out by hand (comments below), not by the code.
const EVALUATIONS = `연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점
2019,성북구,자체,,A영역,지표1,6,10
2019,성북구,자체,,B영역,지표2,12,20
2019,성북구,공무원,공무원A,A영역,지표1,8,10
2019,성북구,공무원,공무원A,B영역,지표2,16,20
2019,성북구,공무원,공무원B,A영역,지표1,7,10
2019,성북구,공무원,공무원B,B영역,지표2,14,20
2020,성북구,자체,,A영역,지표1,9,10
2020,성북구,자체,,B영역,지표2,15,20
2019,마포구,외부전문가,전문가A,A영역,지표1,5,10
2019,마포구,외부전문가,전문가A,B영역,지표2,10,20
`;

const BUDGET = `회계연도,자치구,사업명,세부항목,예산과목,예산액,집행액,산출내역
2019,성북구,운영,인건비,101-01,"1,000,000","900,000",
2019,서울시,워크숍,강사료,201-01,"350,000","350,000",
2020,성북구,운영,인건비,101-01,"2,000,000","2,100,000",
2020,마포구,운영,강사료,201-01,"500,000원","250,000원",
`;

let engine: Engine;
beforeAll(async () => {
	engine = await engineWithSchema();
	for (const [name, text] of [
		['e.csv', EVALUATIONS],
		['b.csv', BUDGET]
	] as const) {
		const result = await importCsv(engine, { name, bytes: csvBytes(text) });
		if (!result.imported) throw new Error(`fixture ${name} did not import`);
	}
});

async function totals(filters: Partial<DashboardFilters>) {
	const rows = totalsOf(await queryUnitScores(engine, { ...NO_FILTERS, ...filters }), ['district']);
	return rows.map((row) => [row.name_ko, row.evaluator_type, row.total]);
}

describe('buildWhere', () => {
	it('writes one placeholder per value and binds the values in order', () => {
		expect(
			buildWhere(
				{ ...NO_FILTERS, years: [2019, 2020], districts: ['11290'] },
				['years', 'districts'],
				'e'
			)
		).toEqual({
			sql: 'WHERE e.year IN (?, ?) AND e.district_code IN (?)',
			params: [2019, 2020, '11290']
		});
	});

	it('writes nothing when no filter is set, and ignores filters not asked for', () => {
		expect(buildWhere(NO_FILTERS, ['years'])).toEqual({ sql: '', params: [] });
		expect(buildWhere({ ...NO_FILTERS, areas: ['A'] }, ['years'])).toEqual({ sql: '', params: [] });
	});

	it('never puts a value into the SQL text', () => {
		const hostile = "' OR 1=1--";
		const where = buildWhere({ ...NO_FILTERS, districts: [hostile] }, ['districts']);
		expect(where.sql).not.toContain(hostile);
		expect(where.params).toEqual([hostile]);
	});
});

describe('district totals against the engine', () => {
	it('all data: no unit has all three sources, so no total is a partial one', async () => {
		expect(await totals({})).toEqual([]);
	});

	it('self and officials: only 성북 2019 has both; 2020 (self alone) is left out', async () => {
		// 성북 2019 self (6 + 12) / 30 = 60; official ((8 + 7) / 2 + (16 + 14) / 2) / 30 = 75.
		const expected = [
			['성북구', 'official', 75],
			['성북구', 'self', 60]
		];
		expect(await totals({ evaluatorTypes: ['self', 'official'] })).toEqual(expected);
		expect(await totals({ years: [2019], evaluatorTypes: ['self', 'official'] })).toEqual(expected);
	});

	it('area A영역, self and officials: 성북 2019 지표1, self 6/10, official 7.5/10', async () => {
		expect(await totals({ areas: ['A영역'], evaluatorTypes: ['self', 'official'] })).toEqual([
			['성북구', 'official', 75],
			['성북구', 'self', 60]
		]);
	});

	it('district and evaluator type together', async () => {
		expect(await totals({ districts: ['11440'], evaluatorTypes: ['expert'] })).toEqual([
			['마포구', 'expert', 50]
		]);
		expect(await totals({ districts: ['11440'], evaluatorTypes: ['self'] })).toEqual([]);
	});

	it('a hostile value is bound, so it matches nothing and breaks nothing', async () => {
		expect(await totals({ districts: ["' OR 1=1--"] })).toEqual([]);
	});
});

describe('buildBudgetTotalsQuery against the engine', () => {
	const budget = async (filters: Partial<DashboardFilters>) => {
		const query = buildBudgetTotalsQuery({ ...NO_FILTERS, ...filters });
		return (await engine.query(query.sql, query.params))[0];
	};

	it('sums the district lines and leaves the city (서울시) out', async () => {
		// 1,000,000 + 2,000,000 + 500,000 planned; 900,000 + 2,100,000 + 250,000 spent.
		expect(await budget({})).toEqual({ planned: 3_500_000, spent: 3_250_000, lines: 3 });
	});

	it('applies year and district filters, not area or evaluator filters', async () => {
		expect(await budget({ years: [2020] })).toEqual({
			planned: 2_500_000,
			spent: 2_350_000,
			lines: 2
		});
		expect(
			await budget({ districts: ['11440'], areas: ['A영역'], evaluatorTypes: ['self'] })
		).toEqual({
			planned: 500_000,
			spent: 250_000,
			lines: 1
		});
	});

	it('answers zero, not null, when nothing matches', async () => {
		expect(await budget({ years: [2001] })).toEqual({ planned: 0, spent: 0, lines: 0 });
	});
});

describe('filter options', () => {
	it('lists years, districts and areas present in the data', async () => {
		expect(await engine.query(FILTER_OPTION_QUERIES.years)).toEqual([
			{ year: 2019 },
			{ year: 2020 }
		]);
		expect(await engine.query(FILTER_OPTION_QUERIES.districts)).toEqual([
			{ code: '11440', name_ko: '마포구', name_en: 'Mapo-gu' },
			{ code: '11290', name_ko: '성북구', name_en: 'Seongbuk-gu' }
		]);
		expect(await engine.query(FILTER_OPTION_QUERIES.areas)).toEqual([
			{ area: 'A영역' },
			{ area: 'B영역' }
		]);
	});
});

describe('budget breakdowns against the engine', () => {
	const run = async (query: { sql: string; params: unknown[] }) =>
		engine.query(query.sql, query.params as never);

	it('per district and year, city left out', async () => {
		expect(await run(buildBudgetByDistrictYearQuery(NO_FILTERS))).toEqual([
			{
				code: '11440',
				name_ko: '마포구',
				name_en: 'Mapo-gu',
				year: 2020,
				planned: 500_000,
				spent: 250_000
			},
			{
				code: '11290',
				name_ko: '성북구',
				name_en: 'Seongbuk-gu',
				year: 2019,
				planned: 1_000_000,
				spent: 900_000
			},
			{
				code: '11290',
				name_ko: '성북구',
				name_en: 'Seongbuk-gu',
				year: 2020,
				planned: 2_000_000,
				spent: 2_100_000
			}
		]);
	});

	it('per item, largest planned first', async () => {
		expect(await run(buildBudgetItemsQuery(NO_FILTERS))).toEqual([
			{ item: '인건비', planned: 3_000_000, spent: 3_000_000, lines: 2 },
			{ item: '강사료', planned: 500_000, spent: 250_000, lines: 1 }
		]);
	});

	it('city lines apart, with the year filter but never the district filter', async () => {
		const rows = await run(buildCityBudgetLinesQuery({ ...NO_FILTERS, districts: ['11290'] }));
		expect(rows).toEqual([
			{
				code: '11000',
				name_ko: '서울시',
				name_en: 'Seoul City',
				year: 2019,
				program: '워크숍',
				item: '강사료',
				budget_code: '201-01',
				planned: 350_000,
				spent: 350_000,
				basis: null
			}
		]);
		expect(await run(buildCityBudgetLinesQuery({ ...NO_FILTERS, years: [2020] }))).toEqual([]);
	});

	it('district lines in file order', async () => {
		const rows = await run(buildDistrictBudgetLinesQuery({ ...NO_FILTERS, districts: ['11290'] }));
		expect(rows.map((row) => [row.year, row.item, row.planned, row.spent])).toEqual([
			[2019, '인건비', 1_000_000, 900_000],
			[2020, '인건비', 2_000_000, 2_100_000]
		]);
	});
});

describe('evaluation breakdowns against the engine', () => {
	it('totals by district and year', async () => {
		const rows = totalsOf(
			await queryUnitScores(engine, { ...NO_FILTERS, evaluatorTypes: ['self'] }),
			['district', 'year']
		);
		// Self alone is every source shown: 성북 2019 (6 + 12) / 30 = 60, 2020 (9 + 15) / 30 = 80.
		expect(rows.map((r) => [r.name_ko, r.year, r.evaluator_type, r.total, r.units])).toEqual([
			['성북구', 2019, 'self', 60, 2],
			['성북구', 2020, 'self', 80, 2]
		]);
	});

	it('unit scores: each source the mean of its evaluators', async () => {
		const query = buildUnitScoresQuery({ ...NO_FILTERS, years: [2019], districts: ['11290'] });
		const rows = await engine.query(query.sql, query.params);
		// 지표1: self 6, official (8 + 7) / 2 = 7.5; 지표2: self 12, official (16 + 14) / 2 = 15.
		// The experts scored nothing of 성북 in 2019, so self and official are all the sources.
		expect(
			rows.map((r) => [r.indicator, r.max_score, r.self, r.official, r.expert, r.matched])
		).toEqual([
			['지표1', 10, 6, 7.5, null, true],
			['지표2', 20, 12, 15, null, true]
		]);
		// Each source's own 배점, and the unit's first line over all its sources (lines 2 and 3).
		expect(
			rows.map((r) => [r.self_max_score, r.official_max_score, r.expert_max_score, r.first_line])
		).toEqual([
			[10, 10, null, 2],
			[20, 20, null, 3]
		]);
	});

	it('a source scored against its own 배점 is totalled over it', async () => {
		const own = await engineWithSchema();
		const text = `연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점
2021,성북구,자체,,A영역,지표1,8,10
2021,성북구,공무원,공무원A,A영역,지표1,12,20
2021,성북구,자체,,A영역,지표2,3,5
2021,성북구,공무원,공무원A,A영역,지표2,4,5
`;
		const result = await importCsv(own, { name: 'own.csv', bytes: csvBytes(text) });
		expect(result.imported).toBe(true);
		const units = await queryUnitScores(own, NO_FILTERS);
		expect(
			units.map((u) => [u.indicator, u.max_score, u.self_max_score, u.official_max_score])
		).toEqual([
			['지표1', 20, 10, 20],
			['지표2', 5, 5, 5]
		]);
		// Self (8 + 3) / (10 + 5) = 73.3…; officials (12 + 4) / (20 + 5) = 64. Over the unit's
		// largest 배점, self would be (8 + 3) / 25 = 44.
		expect(
			totalsOf(units, ['district']).map((r) => [r.evaluator_type, r.total.toFixed(9)])
		).toEqual([
			['official', '64.000000000'],
			['self', '73.333333333']
		]);
	});

	it('individual ratings of one source', async () => {
		const query = buildEvaluatorRatingsQuery(NO_FILTERS, 'official');
		const rows = await engine.query(query.sql, query.params);
		expect(rows.map((r) => [r.indicator, r.evaluator_id, r.score])).toEqual([
			['지표1', '공무원A', 8],
			['지표1', '공무원B', 7],
			['지표2', '공무원A', 16],
			['지표2', '공무원B', 14]
		]);
	});
});
