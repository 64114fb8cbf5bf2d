import { byDistrict, pivotTotals, summarizeGroups, type Headline } from '$lib/analysis/totals';
import { totalsOf } from '$lib/analysis/unit-totals';
import type { Engine } from '$lib/engine/types';
import { buildBudgetTotalsQuery, type BudgetTotalsRow } from '$lib/query/budget';
import { queryUnitScores } from '$lib/query/scores';
import type { UrlState } from '$lib/url-state/url-state';

export interface HeadlineView {
	headline: Headline;
	budget: BudgetTotalsRow | null;
}

/**
 * The headline figures above every view: district averages, the gap, budget execution. The
 * units are the same read as the open view's (one read while both wait for it: repeated-reads.ts).
 */
export async function loadHeadlineView(engine: Engine, state: UrlState): Promise<HeadlineView> {
	const budget = buildBudgetTotalsQuery(state.filters);
	const [units, [budgetRow]] = await Promise.all([
		queryUnitScores(engine, state.filters),
		engine.query<BudgetTotalsRow>(budget.sql, budget.params)
	]);
	return {
		headline: summarizeGroups(
			pivotTotals(totalsOf(units, ['district']), byDistrict, state.external)
		),
		budget: budgetRow ?? null
	};
}
