import { CITY_CODE } from '$lib/domain/evaluation';
import { buildWhere, type DashboardFilters, type SqlFragment } from './filters';

/** Planned and spent amounts (원) over the district platforms under the filters. */
export interface BudgetTotalsRow {
	planned: number;
	spent: number;
	lines: number;
}

/**
 * Sums of 예산액 and 집행액 for the districts' own platforms: lines the city runs itself
 * (서울시) are left out, they fund no district. Area and evaluator filters do not apply.
 */
export function buildBudgetTotalsQuery(filters: DashboardFilters): SqlFragment {
	const where = buildWhere(filters, ['years', 'districts']);
	const cityCondition = `district_code <> ?`;
	const sql = where.sql ? `${where.sql} AND ${cityCondition}` : `WHERE ${cityCondition}`;
	return {
		sql: `SELECT coalesce(sum(planned), 0)::DOUBLE AS planned,
			coalesce(sum(spent), 0)::DOUBLE AS spent, count(*)::INTEGER AS lines
		FROM budget ${sql}`,
		params: [...where.params, CITY_CODE]
	};
}
