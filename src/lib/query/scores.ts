import { EVALUATOR_TYPES, type EvaluatorType } from '$lib/domain/evaluation';
import type { Engine } from '$lib/engine/types';
import {
	buildWhere,
	EVALUATION_FILTER_KEYS,
	type DashboardFilters,
	type SqlFragment
} from './filters';

/** A unit (grouped over its sources) that every source in the filtered data has scored. */
const COMPLETE_UNIT = 'count(*) = (SELECT count(DISTINCT evaluator_type) FROM filtered)';

/**
 * The units under the filters that every source shown has scored, each source's score the mean
 * over its evaluators: the one set every total and gap is computed from (WEIGHTING.md). A unit
 * that lacks a source which the filtered data has elsewhere is left out, so that the sources'
 * totals side by side always cover the same indicators.
 */
export function matchedUnitsSql(where: string): string {
	return `filtered AS (
			SELECT e.year, e.district_code, e.area, e.indicator, e.evaluator_type,
				e.score_sum / e.row_count AS score, e.max_score, e.first_line
			FROM evaluation_units e ${where}
		),
		matched AS (
			SELECT f.* FROM filtered f SEMI JOIN (
				SELECT year, district_code, area, indicator FROM filtered
				GROUP BY year, district_code, area, indicator
				HAVING ${COMPLETE_UNIT}
			) complete USING (year, district_code, area, indicator)
		)`;
}

/** One district × year × indicator, with each source's mean score over its evaluators (점). */
export type UnitScoreRow = {
	code: string;
	name_ko: string;
	name_en: string;
	year: number;
	area: string;
	indicator: string;
	/** The largest 배점 any source gave the unit. */
	max_score: number;
	self: number | null;
	official: number | null;
	expert: number | null;
	/** Every source the filtered data has scored this unit: it counts in the comparisons. */
	matched: boolean;
	/** The unit's first line in the export, over every source: to list groups as staff wrote them. */
	first_line: number;
} & {
	/**
	 * Each source's own 배점 of the unit (null where it did not score it): a total divides by
	 * the 배점 its own source scored against.
	 */
	[S in EvaluatorType as `${S}_max_score`]: number | null;
};

/**
 * Each unit (district × year × indicator) under the filters with every source's mean score and
 * 배점, in the export's order within each district and year: the one read the score totals
 * (`totalsOf`), the bias, Bland–Altman and between-source agreement figures are computed from,
 * and what counts what matching left out.
 */
export function buildUnitScoresQuery(filters: DashboardFilters): SqlFragment {
	const where = buildWhere(filters, EVALUATION_FILTER_KEYS, 'e');
	return {
		sql: `WITH ${matchedUnitsSql(where.sql)}
		SELECT f.district_code AS code, any_value(d.name_ko) AS name_ko,
			any_value(d.name_en) AS name_en, f.year, f.area, f.indicator,
			max(f.max_score)::DOUBLE AS max_score, ${EVALUATOR_TYPES.map(sourceMean).join(', ')},
			${EVALUATOR_TYPES.map(sourceMaxScore).join(', ')},
			${COMPLETE_UNIT} AS matched, min(f.first_line)::INTEGER AS first_line
		FROM filtered f JOIN districts d ON d.code = f.district_code
		GROUP BY f.district_code, f.year, f.area, f.indicator
		ORDER BY f.district_code, f.year, min(f.first_line), f.area, f.indicator`,
		params: where.params
	};
}

/** The units of {@link buildUnitScoresQuery}. */
export async function queryUnitScores(
	engine: Engine,
	filters: DashboardFilters
): Promise<UnitScoreRow[]> {
	const { sql, params } = buildUnitScoresQuery(filters);
	return engine.query<UnitScoreRow>(sql, params);
}

// A source's figures of one unit: one row per unit and source, so max() picks that row's value.
// The type comes from EVALUATOR_TYPES, never from input, so it may stand in the SQL text.

/** A source's mean score over its evaluators of one unit. */
function sourceMean(source: EvaluatorType): string {
	return `(max(f.score) FILTER (WHERE f.evaluator_type = '${source}'))::DOUBLE AS ${source}`;
}

/** A source's 배점 of one unit. */
function sourceMaxScore(source: EvaluatorType): string {
	return `(max(f.max_score) FILTER (WHERE f.evaluator_type = '${source}'))::DOUBLE AS ${source}_max_score`;
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

/** One indicator of a district's rubric in one year, with its 배점: a unit without its scores. */
export type RubricRow = Pick<
	UnitScoreRow,
	'code' | 'name_ko' | 'name_en' | 'year' | 'area' | 'indicator' | 'max_score'
>;
