import type { Engine, SqlParam } from '$lib/engine/types';
import { districtLinesWhere } from '$lib/query/budget';
import type { DashboardFilters } from '$lib/query/filters';
import { PROVENANCE_ROW_LIMIT, scopeConditions, type TracedRow } from './score-provenance';

/** The budget lines a figure covers, within the page's filters: a district, a year, an item. */
export interface BudgetScope {
	district?: string;
	year?: number;
	item?: string;
}

/** One imported budget line behind a figure, where it came from and what it held. */
export interface BudgetSourceRow extends TracedRow {
	program: string;
	item: string;
	budget_code: string | null;
	planned: number;
	spent: number;
}

export interface BudgetProvenance {
	/** Σ예산액 and Σ집행액 over every line of the scope, and the rate they make. */
	planned: number;
	spent: number;
	/** Σ집행액 ÷ Σ예산액: the rate of the sums, as every execution rate on the page. */
	rate: number | null;
	rows: BudgetSourceRow[];
	rowCount: number;
	byFile: { file_id: string; rows: number }[];
}

/**
 * Where a budget figure comes from: the district lines (never the city's own) under the page's
 * year and district filters, narrowed to the scope, with their sums and file and line.
 */
export async function queryBudgetProvenance(
	engine: Engine,
	filters: DashboardFilters,
	scope: BudgetScope,
	rowLimit = PROVENANCE_ROW_LIMIT
): Promise<BudgetProvenance> {
	const where = districtLinesWhere(filters);
	const narrowed = scopeConditions([
		['b.district_code', scope.district],
		['b.year', scope.year],
		['b.item', scope.item]
	]);
	const conditions = [where.sql, ...narrowed.conditions];
	const params: SqlParam[] = [...where.params, ...narrowed.params];
	const lines = `scoped AS (SELECT b.* FROM budget b ${conditions.join(' AND ')})`;
	const rows = await engine.query<BudgetSourceRow>(
		`WITH ${lines}
		SELECT s.file_id, s.line, s.year, s.district_code, d.name_ko, d.name_en, s.program, s.item,
			s.budget_code, s.planned::DOUBLE AS planned, s.spent::DOUBLE AS spent
		FROM scoped s JOIN districts d ON d.code = s.district_code
		ORDER BY s.file_id, s.line LIMIT ?`,
		[...params, rowLimit]
	);
	const byFile = await engine.query<{
		file_id: string;
		rows: number;
		planned: number;
		spent: number;
	}>(
		`WITH ${lines}
		SELECT file_id, count(*)::INTEGER AS rows, sum(planned)::DOUBLE AS planned,
			sum(spent)::DOUBLE AS spent
		FROM scoped GROUP BY file_id ORDER BY file_id`,
		params
	);
	const planned = byFile.reduce((sum, file) => sum + file.planned, 0);
	const spent = byFile.reduce((sum, file) => sum + file.spent, 0);
	return {
		planned,
		spent,
		rate: planned > 0 ? spent / planned : null,
		rows,
		rowCount: byFile.reduce((sum, file) => sum + file.rows, 0),
		byFile: byFile.map(({ file_id, rows }) => ({ file_id, rows }))
	};
}
