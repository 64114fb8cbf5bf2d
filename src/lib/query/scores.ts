import { EVALUATOR_TYPES, type EvaluatorType } from '$lib/domain/evaluation';
import {
	buildWhere,
	EVALUATION_FILTER_KEYS,
	type DashboardFilters,
	type SqlFragment
} from './filters';

/** What totals can be broken down by. */
export type GroupColumn = 'district' | 'year' | 'area' | 'indicator';

// Identifiers for each grouping, from this table only.
const GROUP_SELECT: Record<GroupColumn, { select: string; group: string }> = {
	district: {
		select: 'e.district_code AS code, d.name_ko, d.name_en',
		group: 'e.district_code, d.name_ko, d.name_en'
	},
	year: { select: 'e.year', group: 'e.year' },
	area: { select: 'e.area', group: 'e.area' },
	indicator: { select: 'e.area, e.indicator', group: 'e.area, e.indicator' }
};

/** One total for one evaluator type and one combination of the grouping columns. */
export interface TotalRow {
	code?: string;
	name_ko?: string;
	name_en?: string;
	year?: number;
	area?: string;
	indicator?: string;
	evaluator_type: EvaluatorType;
	/** Σ점수 / Σ배점 × 100: a 0–100 score (점). */
	total: number;
	/** Score rows behind the total. */
	rows: number;
	/** Order of first appearance in the export, to list areas and indicators as staff wrote them. */
	first_line: number;
}

/**
 * Total score per evaluator type and per combination of `groupBy` under the filters:
 * Σ점수 / Σ배점 × 100 over every evaluator of that type, indicator and year in the group.
 * Groups come in the order the export first lists them (areas as staff wrote them).
 */
export function buildTotalsQuery(
	filters: DashboardFilters,
	groupBy: readonly GroupColumn[]
): SqlFragment {
	const where = buildWhere(filters, EVALUATION_FILTER_KEYS, 'e');
	const columns = [...new Set(groupBy)];
	const select = columns.map((column) => `${GROUP_SELECT[column].select}, `).join('');
	const group = columns.map((column) => `${GROUP_SELECT[column].group}, `).join('');
	return {
		sql: `SELECT ${select}e.evaluator_type,
			(sum(e.score_sum) / sum(e.max_score_sum) * 100)::DOUBLE AS total,
			sum(e.row_count)::INTEGER AS rows, min(e.first_line)::INTEGER AS first_line
		FROM evaluation_units e JOIN districts d ON d.code = e.district_code
		${where.sql}
		GROUP BY ${group}e.evaluator_type
		ORDER BY ${columns.length ? `min(min(e.first_line)) OVER (PARTITION BY ${group.slice(0, -2)}), ` : ''}${group}e.evaluator_type`,
		params: where.params
	};
}

/** Total score per district and evaluator type (the first view's chart). */
export function buildDistrictTotalsQuery(filters: DashboardFilters): SqlFragment {
	return buildTotalsQuery(filters, ['district']);
}

/** One district × year × indicator, with each source's mean score over its evaluators (점). */
export interface UnitScoreRow {
	code: string;
	name_ko: string;
	name_en: string;
	year: number;
	area: string;
	indicator: string;
	max_score: number;
	self: number | null;
	official: number | null;
	expert: number | null;
}

/**
 * Each unit (district × year × indicator) with every source's mean score, for the bias,
 * Bland–Altman and between-source agreement figures.
 */
export function buildUnitScoresQuery(filters: DashboardFilters): SqlFragment {
	const where = buildWhere(filters, EVALUATION_FILTER_KEYS, 'e');
	return {
		sql: `SELECT e.district_code AS code, d.name_ko, d.name_en, e.year, e.area, e.indicator,
			max(e.max_score)::DOUBLE AS max_score, ${EVALUATOR_TYPES.map(sourceMean).join(', ')}
		FROM evaluation_units e JOIN districts d ON d.code = e.district_code
		${where.sql}
		GROUP BY e.district_code, d.name_ko, d.name_en, e.year, e.area, e.indicator
		ORDER BY e.district_code, e.year, min(e.first_line)`,
		params: where.params
	};
}

/** A source's mean score over its evaluators of one unit, from the unit's sums. */
function sourceMean(source: EvaluatorType): string {
	// The type comes from EVALUATOR_TYPES, never from input, so it may stand in the SQL text.
	const only = `FILTER (WHERE e.evaluator_type = '${source}')`;
	return `(sum(e.score_sum) ${only} / sum(e.row_count) ${only})::DOUBLE AS ${source}`;
}

/** One evaluator's score on one unit. */
export interface EvaluatorRatingRow {
	code: string;
	year: number;
	indicator: string;
	max_score: number;
	evaluator_id: string;
	score: number;
}

/**
 * Individual evaluators' scores of one source, for agreement among those evaluators: the one
 * figure read from the raw rows, as the unit sums do not keep who scored.
 */
export function buildEvaluatorRatingsQuery(
	filters: DashboardFilters,
	source: EvaluatorType
): SqlFragment {
	const where = buildWhere({ ...filters, evaluatorTypes: [source] }, EVALUATION_FILTER_KEYS, 'e');
	return {
		sql: `SELECT e.district_code AS code, e.year, e.indicator,
			max(e.max_score)::DOUBLE AS max_score,
			coalesce(e.evaluator_id, '') AS evaluator_id, avg(e.score)::DOUBLE AS score
		FROM evaluations e
		${where.sql}
		GROUP BY e.district_code, e.year, e.indicator, coalesce(e.evaluator_id, '')
		ORDER BY e.district_code, e.year, e.indicator, evaluator_id`,
		params: where.params
	};
}

/** The values each filter can take, from the loaded data. */
export interface FilterOptionRows {
	years: number[];
	districts: { code: string; name_ko: string; name_en: string }[];
	areas: string[];
	indicators: { area: string; indicator: string }[];
}

export const FILTER_OPTION_QUERIES = {
	years: 'SELECT DISTINCT year FROM evaluation_units ORDER BY year',
	districts: `SELECT DISTINCT d.code, d.name_ko, d.name_en
		FROM evaluation_units e JOIN districts d ON d.code = e.district_code ORDER BY d.name_ko`,
	// Areas and indicators in the order the export lists them: that order carries meaning.
	areas: `SELECT area FROM evaluation_units GROUP BY area ORDER BY min(first_line), area`,
	indicators: `SELECT area, indicator FROM evaluation_units GROUP BY area, indicator
		ORDER BY min(first_line), area, indicator`
} as const;
