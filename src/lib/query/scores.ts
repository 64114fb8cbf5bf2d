import type { EvaluatorType } from '$lib/domain/evaluation';
import { buildWhere, type DashboardFilters, type SqlFragment } from './filters';

/** One district's total for one evaluator type. */
export interface DistrictTotalRow {
	code: string;
	name_ko: string;
	name_en: string;
	evaluator_type: EvaluatorType;
	/** Sum of scores over sum of 배점, × 100: a 0–100 score (점). */
	total: number;
	/** Score rows behind the total. */
	rows: number;
}

/**
 * Total score per district and evaluator type under the filters: Σ점수 / Σ배점 × 100 over all
 * selected years, areas, indicators and evaluators of that type.
 */
export function buildDistrictTotalsQuery(filters: DashboardFilters): SqlFragment {
	const where = buildWhere(filters, ['years', 'districts', 'evaluatorTypes', 'areas'], 'e');
	return {
		sql: `SELECT e.district_code AS code, d.name_ko, d.name_en, e.evaluator_type,
			(sum(e.score) / sum(e.max_score) * 100)::DOUBLE AS total,
			count(*)::INTEGER AS rows
		FROM evaluations e JOIN districts d ON d.code = e.district_code
		${where.sql}
		GROUP BY e.district_code, d.name_ko, d.name_en, e.evaluator_type
		ORDER BY e.district_code, e.evaluator_type`,
		params: where.params
	};
}

/** The values each filter can take, from the loaded data. */
export interface FilterOptionRows {
	years: number[];
	districts: { code: string; name_ko: string; name_en: string }[];
	areas: string[];
}

export const FILTER_OPTION_QUERIES = {
	years: 'SELECT DISTINCT year FROM evaluations ORDER BY year',
	districts: `SELECT DISTINCT d.code, d.name_ko, d.name_en
		FROM evaluations e JOIN districts d ON d.code = e.district_code ORDER BY d.name_ko`,
	// Areas in the order the export lists them, not alphabetically: that order carries meaning.
	areas: `SELECT area FROM evaluations GROUP BY area ORDER BY min(line), area`
} as const;
