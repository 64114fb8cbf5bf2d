import { byDistrict, pivotTotals, summarizeGroups, type Headline } from '$lib/analysis/totals';
import type { Engine } from '$lib/engine/types';
import { buildBudgetTotalsQuery, type BudgetTotalsRow } from '$lib/query/budget';
import { queryTotals } from '$lib/query/scores';
import type { UrlState } from '$lib/url-state/url-state';

export interface HeadlineView {
	headline: Headline;
	budget: BudgetTotalsRow | null;
}

/** The headline figures above every view: district averages, the gap, budget execution. */
export async function loadHeadlineView(engine: Engine, state: UrlState): Promise<HeadlineView> {
	const budget = buildBudgetTotalsQuery(state.filters);
	const [totalRows, [budgetRow]] = await Promise.all([
		queryTotals(engine, state.filters, ['district']),
		engine.query<BudgetTotalsRow>(budget.sql, budget.params)
	]);
	return {
		headline: summarizeGroups(pivotTotals(totalRows, byDistrict, state.external)),
		budget: budgetRow ?? null
	};
}
