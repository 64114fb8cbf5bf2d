import { executionRate, flaggedLines, sumByDistrict } from '$lib/analysis/budget';
import { externalScore, pivotSources, type ExternalSource } from '$lib/analysis/totals';
import { totalsOf, type TotalRow } from '$lib/analysis/unit-totals';
import { districtRefOf } from '$lib/domain/district';
import type { Engine } from '$lib/engine/types';
import {
	buildBudgetByDistrictYearQuery,
	buildBudgetItemsQuery,
	buildCityBudgetLinesQuery,
	buildDistrictBudgetLinesQuery,
	type BudgetDistrictYearRow,
	type BudgetItemRow,
	type BudgetLineRow
} from '$lib/query/budget';
import { queryUnitScores } from '$lib/query/scores';
import type { UrlState } from '$lib/url-state/url-state';
import type { BudgetLine, BudgetView, ScoreMoneyPoint } from './models';

/** Everything the budget view shows, for the state in the URL. */
export async function loadBudgetView(engine: Engine, state: UrlState): Promise<BudgetView> {
	const { filters, external } = state;
	const queries = [
		buildBudgetByDistrictYearQuery(filters),
		buildBudgetItemsQuery(filters),
		buildDistrictBudgetLinesQuery(filters),
		buildCityBudgetLinesQuery(filters)
	] as const;
	const [byDistrictYear, items, districtLines, cityLines, units] = await Promise.all([
		engine.query<BudgetDistrictYearRow>(queries[0].sql, queries[0].params),
		engine.query<BudgetItemRow>(queries[1].sql, queries[1].params),
		engine.query<BudgetLineRow>(queries[2].sql, queries[2].params),
		engine.query<BudgetLineRow>(queries[3].sql, queries[3].params),
		queryUnitScores(engine, filters)
	]);

	const perYear = byDistrictYear.map((row) => ({
		district: districtRefOf(row),
		year: row.year,
		planned: row.planned,
		spent: row.spent,
		rate: executionRate(row.planned, row.spent)
	}));
	return {
		byDistrictYear: perYear,
		byDistrict: sumByDistrict(perYear),
		items: items.map((row) => ({ ...row, rate: executionRate(row.planned, row.spent) })),
		flagged: flaggedLines(districtLines).map(toBudgetLine),
		city: cityLines.map(toBudgetLine),
		scoreVsMoney: scoreAgainstMoney(byDistrictYear, totalsOf(units, ['district', 'year']), external)
	};
}

function toBudgetLine(row: BudgetLineRow): BudgetLine {
	return {
		district: districtRefOf(row),
		year: row.year,
		program: row.program,
		item: row.item,
		budgetCode: row.budget_code,
		planned: row.planned,
		spent: row.spent,
		rate: executionRate(row.planned, row.spent),
		basis: row.basis
	};
}

/** Pairs each district-year's spending with its external total; either missing → no point. */
export function scoreAgainstMoney(
	budget: readonly BudgetDistrictYearRow[],
	totals: readonly TotalRow[],
	external: ExternalSource
): ScoreMoneyPoint[] {
	const scores = pivotSources(totals, (row) => `${row.code}:${row.year}`);
	return budget.flatMap((row) => {
		const entry = scores.get(`${row.code}:${row.year}`);
		const score = entry ? externalScore(entry, external) : null;
		return score === null
			? []
			: [
					{
						district: districtRefOf(row),
						year: row.year,
						spent: row.spent,
						score
					}
				];
	});
}
