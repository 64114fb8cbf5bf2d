import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { byDistrict, pivotTotals, summarizeGroups } from '$lib/analysis/totals';
import { totalsOf } from '$lib/analysis/unit-totals';
import { createNodeEngine } from '$lib/engine/node';
import type { Engine } from '$lib/engine/types';
import { buildBudgetTotalsQuery } from '$lib/query/budget';
import { NO_FILTERS, type DashboardFilters } from '$lib/query/filters';
import { queryUnitScores } from '$lib/query/scores';
import { repoFile } from '$lib/testing/node-engine';
import { loadSampleDataset } from './sample';

// Check values computed from the CSV files by an independent Python script
// (tests/fixtures/expected/compute_expected.py), not by this code.
type Totals = Record<string, { self: number; official: number; expert: number }>;
const expected = JSON.parse(
	readFileSync(
		new URL('../../../tests/fixtures/expected/sample-totals.json', import.meta.url),
		'utf8'
	)
) as {
	all_years: Totals;
	year_2019: Totals;
	area_first_2020: Totals & { area: string };
	headline_all_years: {
		self: number;
		official: number;
		expert: number;
		gap_self_minus_external: number;
	};
	budget_districts_all_years: { planned: number; spent: number };
	budget_city_2018_workshop_total: number;
};

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
	await loadSampleDataset(engine, async (name) => repoFile(`data/${name}`));
});

async function districtScores(filters: Partial<DashboardFilters>) {
	return pivotTotals(
		totalsOf(await queryUnitScores(engine, { ...NO_FILTERS, ...filters }), ['district']),
		byDistrict
	);
}

function expectTotals(actual: Awaited<ReturnType<typeof districtScores>>, totals: Totals) {
	const names = Object.keys(totals).filter((key) => key !== 'area');
	expect(actual.map((d) => d.labelKo).sort()).toEqual(names.sort());
	for (const district of actual) {
		const want = totals[district.labelKo]!;
		expect(district.self, district.labelKo).toBeCloseTo(want.self, 9);
		expect(district.official, district.labelKo).toBeCloseTo(want.official, 9);
		expect(district.expert, district.labelKo).toBeCloseTo(want.expert, 9);
	}
}

describe('the shipped sample, against independently computed totals', () => {
	it('all years', async () => expectTotals(await districtScores({}), expected.all_years));
	it('2019 only', async () =>
		expectTotals(await districtScores({ years: [2019] }), expected.year_2019));
	it('2020, first area only', async () => {
		const { area, ...totals } = expected.area_first_2020;
		expectTotals(await districtScores({ years: [2020], areas: [area] }), totals as Totals);
	});

	it('headline means and the self-minus-external gap', async () => {
		const headline = summarizeGroups(await districtScores({}));
		const want = expected.headline_all_years;
		expect(headline.self).toBeCloseTo(want.self, 9);
		expect(headline.official).toBeCloseTo(want.official, 9);
		expect(headline.expert).toBeCloseTo(want.expert, 9);
		expect(headline.gap).toBeCloseTo(want.gap_self_minus_external, 9);
	});

	it('district budget totals leave the city out', async () => {
		const query = buildBudgetTotalsQuery(NO_FILTERS);
		const [row] = await engine.query<{ planned: number; spent: number }>(query.sql, query.params);
		expect(row!.planned).toBe(expected.budget_districts_all_years.planned);
		expect(row!.spent).toBe(expected.budget_districts_all_years.spent);
	});

	it('the 2018 city workshop lines add up to 1,456,200원, as the report states', async () => {
		const [row] = await engine.query<{ total: number }>(
			"SELECT sum(planned)::DOUBLE AS total FROM budget WHERE district_code = '11000' AND year = 2018"
		);
		expect(row!.total).toBe(1_456_200);
		expect(expected.budget_city_2018_workshop_total).toBe(1_456_200);
	});
});
