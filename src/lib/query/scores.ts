import { EVALUATOR_TYPES, type EvaluatorType } from '$lib/domain/evaluation';
import type { Engine } from '$lib/engine/types';
import {
	buildWhere,
	EVALUATION_FILTER_KEYS,
	type DashboardFilters,
	type SqlFragment
} from './filters';

/** What totals can be broken down by. */
export type GroupColumn = 'district' | 'year' | 'area' | 'indicator';

// Identifiers for each grouping, from this table only. A district is grouped by its code and
// named by `any_value`: grouping and ordering by the two names as well cost DuckDB-WASM as much as
// the rest of the query on the sample.
const GROUP_SELECT: Record<GroupColumn, { select: string; group: string }> = {
	district: {
		select:
			'e.district_code AS code, any_value(d.name_ko) AS name_ko, any_value(d.name_en) AS name_en',
		group: 'e.district_code'
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
 * Rows come in no set order: {@link queryTotals} runs this and orders them.
 */
function buildTotalsQuery(filters: DashboardFilters, groupBy: readonly GroupColumn[]): SqlFragment {
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
		GROUP BY ${group}e.evaluator_type`,
		params: where.params
	};
}

/**
 * The totals of {@link buildTotalsQuery}, groups in the order the export first lists them (areas
 * as staff wrote them), each group's evaluator types together. Ordered here rather than in SQL:
 * a window over the grouped rows made the query several times slower in DuckDB-WASM, and these
 * are tens or hundreds of rows.
 */
export async function queryTotals(
	engine: Engine,
	filters: DashboardFilters,
	groupBy: readonly GroupColumn[]
): Promise<TotalRow[]> {
	const { sql, params } = buildTotalsQuery(filters, groupBy);
	return inFirstListedOrder(await engine.query<TotalRow>(sql, params), groupBy);
}

/** What identifies a row's group under `groupBy`, column by column. */
const GROUP_KEY: Record<GroupColumn, (row: TotalRow) => (string | number)[]> = {
	district: (row) => [row.code ?? ''],
	year: (row) => [row.year ?? 0],
	area: (row) => [row.area ?? ''],
	indicator: (row) => [row.area ?? '', row.indicator ?? '']
};

/**
 * Orders rows by their group's first line, then by the group's own values, then by evaluator
 * type: a total order, as imports from different files can share line numbers.
 */
export function inFirstListedOrder(
	rows: readonly TotalRow[],
	groupBy: readonly GroupColumn[]
): TotalRow[] {
	const columns = [...new Set(groupBy)];
	const keyOf = (row: TotalRow) => columns.flatMap((column) => GROUP_KEY[column](row));
	const firstLine = new Map<string, number>();
	const keyed = rows.map((row) => {
		const key = keyOf(row);
		const id = JSON.stringify(key);
		firstLine.set(id, Math.min(firstLine.get(id) ?? Infinity, row.first_line));
		return { row, key, id };
	});
	return keyed
		.sort(
			(a, b) =>
				firstLine.get(a.id)! - firstLine.get(b.id)! ||
				compareValues(a.key, b.key) ||
				compareValues([a.row.evaluator_type], [b.row.evaluator_type])
		)
		.map(({ row }) => row);
}

/** Compares value lists item by item, in code-point order as DuckDB sorts text. */
function compareValues(a: readonly (string | number)[], b: readonly (string | number)[]): number {
	for (const [i, value] of a.entries()) {
		const other = b[i]!;
		if (value < other) return -1;
		if (value > other) return 1;
	}
	return 0;
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
		sql: `SELECT e.district_code AS code, any_value(d.name_ko) AS name_ko,
			any_value(d.name_en) AS name_en, e.year, e.area, e.indicator,
			max(e.max_score)::DOUBLE AS max_score, ${EVALUATOR_TYPES.map(sourceMean).join(', ')}
		FROM evaluation_units e JOIN districts d ON d.code = e.district_code
		${where.sql}
		GROUP BY e.district_code, e.year, e.area, e.indicator
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
