import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { byArea, byDistrict, pivotTotals, type ExternalSource } from '$lib/analysis/totals';
import { totalsOf } from '$lib/analysis/unit-totals';
import { importCsv } from '$lib/csv/import';
import type { Engine } from '$lib/engine/types';
import { NO_FILTERS } from '$lib/query/filters';
import { queryUnitScores } from '$lib/query/scores';
import { engineWithSchema, repoFile } from '$lib/testing/node-engine';
import { DEFAULT_URL_STATE, type UrlState } from '$lib/url-state/url-state';
import { loadGapView } from './gap-view';
import { loadHeadlineView } from './headline-view';

// The unbalanced fixture (two officials in 2019, three in 2020; 지표3 without experts in 성북구
// and without officials in 마포구) and its figures from the independent Python script
// (tests/fixtures/expected/compute_expected.py), which follows WEIGHTING.md's words, not this code.
type BySource = { self: number; official: number; expert: number };
interface IccYear {
	n: number;
	k: number;
	excluded: number;
	estimates: Record<string, number> | null;
}
const expected = JSON.parse(
	readFileSync(
		new URL('../../../tests/fixtures/expected/unbalanced-totals.json', import.meta.url),
		'utf8'
	)
) as {
	by_district_all_years: Record<string, BySource>;
	by_area_all_years: Record<string, BySource>;
	headline_all_years: BySource & { gap_self_minus_external: number };
	gap_all_years: Record<ExternalSource, Record<string, number>>;
	bias_mean: { mean: number; lower: number; upper: number; n: number; units: number };
	coverage: { units: number; matched: number };
	icc_official_by_year: Record<string, IccYear>;
};

let engine: Engine;
beforeAll(async () => {
	engine = await engineWithSchema();
	const bytes = repoFile('tests/fixtures/csv/unbalanced/evaluations.csv');
	const result = await importCsv(engine, { name: 'unbalanced.csv', bytes });
	if (!result.imported) throw new Error('the unbalanced fixture did not import');
});

const state = (patch: Partial<UrlState> = {}): UrlState => ({ ...DEFAULT_URL_STATE, ...patch });

describe('one weighting rule, on an unbalanced export', () => {
	it('district totals: evaluators averaged per unit, years equal, unmatched units left out', async () => {
		const groups = pivotTotals(
			totalsOf(await queryUnitScores(engine, NO_FILTERS), ['district']),
			byDistrict
		);
		expect(groups.map((g) => g.labelKo).sort()).toEqual(
			Object.keys(expected.by_district_all_years).sort()
		);
		for (const group of groups) {
			const want = expected.by_district_all_years[group.labelKo]!;
			expect(group.self, group.labelKo).toBeCloseTo(want.self, 9);
			expect(group.official, group.labelKo).toBeCloseTo(want.official, 9);
			expect(group.expert, group.labelKo).toBeCloseTo(want.expert, 9);
		}
	});

	it('area totals over districts: each district equal', async () => {
		const groups = pivotTotals(
			totalsOf(await queryUnitScores(engine, NO_FILTERS), ['area']),
			byArea
		);
		for (const group of groups) {
			const want = expected.by_area_all_years[group.key]!;
			expect(group.self, group.key).toBeCloseTo(want.self, 9);
			expect(group.official, group.key).toBeCloseTo(want.official, 9);
			expect(group.expert, group.key).toBeCloseTo(want.expert, 9);
		}
	});

	it('the headline and the bias are one gap', async () => {
		const { headline } = await loadHeadlineView(engine, state());
		const want = expected.headline_all_years;
		expect(headline.self).toBeCloseTo(want.self, 9);
		expect(headline.official).toBeCloseTo(want.official, 9);
		expect(headline.expert).toBeCloseTo(want.expert, 9);
		expect(headline.gap).toBeCloseTo(want.gap_self_minus_external, 9);

		const { bias, coverage } = await loadGapView(engine, state());
		expect(bias!.mean).toBeCloseTo(headline.gap!, 12);
		expect(bias!.lower).toBeCloseTo(expected.bias_mean.lower, 9);
		expect(bias!.upper).toBeCloseTo(expected.bias_mean.upper, 9);
		expect(bias).toMatchObject({
			n: expected.bias_mean.n,
			units: expected.bias_mean.units,
			cluster: 'district'
		});
		expect(coverage).toEqual({
			units: expected.coverage.units,
			matched: expected.coverage.matched,
			sources: ['self', 'official', 'expert']
		});
	});

	it.each(['mean', 'official', 'expert'] as const)('district gaps against %s', async (external) => {
		const { breakdown } = await loadGapView(engine, state({ external }));
		for (const group of breakdown) {
			expect(group.gap, group.labelKo).toBeCloseTo(
				expected.gap_all_years[external][group.labelKo]!,
				9
			);
		}
	});

	it('officials agree year by year: two raters in 2019, three in 2020', async () => {
		const { evaluatorAgreement } = await loadGapView(engine, state({ agreement: 'official' }));
		expect(evaluatorAgreement!.map((row) => row.year)).toEqual([2019, 2020]);
		for (const row of evaluatorAgreement!) {
			const want = expected.icc_official_by_year[String(row.year)]!;
			expect(row.icc).toMatchObject({ n: want.n, k: want.k, excluded: want.excluded });
			for (const estimate of row.icc!.estimates) {
				expect(estimate.value, `${row.year} ${estimate.form}`).toBeCloseTo(
					want.estimates![estimate.form]!,
					9
				);
			}
		}
	});

	it('a year with one evaluator of a source has no agreement, and says how many raters it had', async () => {
		const { evaluatorAgreement } = await loadGapView(engine, state({ agreement: 'expert' }));
		// One expert (전문가A) a year: 4 units in 2019, 5 in 2020 (with 마포구's 지표3).
		expect(evaluatorAgreement).toEqual([
			{ year: 2019, raters: 1, targets: 4, icc: null },
			{ year: 2020, raters: 1, targets: 5, icc: null }
		]);
	});

	it('the mean of official and expert is not formed when the experts are filtered out', async () => {
		const view = await loadGapView(
			engine,
			state({ filters: { ...NO_FILTERS, evaluatorTypes: ['self', 'official'] } })
		);
		expect(view.breakdown.every((group) => group.gap === null)).toBe(true);
		expect(view.bias).toBeNull();
		expect(view.coverage.sources).toEqual(['self', 'official']);
		// Without the experts, 성북구's 지표3 (self and one official) is matched; 마포구's is not.
		expect(view.coverage).toMatchObject({ units: 10, matched: 9 });
	});
});
