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

/** The columns of each grouping, as the unit CTEs below name them: from this table only. */
const GROUP_COLUMNS: Record<GroupColumn, readonly string[]> = {
	district: ['district_code'],
	year: ['year'],
	area: ['area'],
	indicator: ['area', 'indicator']
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
	/**
	 * A 0–100 score (점): per district and year Σ(unit means) ÷ Σ배점 × 100 over the matched units,
	 * then the mean over years, then the mean over districts (WEIGHTING.md).
	 */
	total: number;
	/** Matched units (district × year × indicator) behind the total. */
	units: number;
	/** Order of first appearance in the export, to list areas and indicators as staff wrote them. */
	first_line: number;
}

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

/**
 * Total score per evaluator type and per combination of `groupBy` under the filters, by the one
 * weighting rule: within a unit each source's evaluators are averaged; per district and year a
 * total is Σ(unit means) ÷ Σ배점 × 100; over several years the mean of the yearly totals (each
 * year equal); over several districts the mean of the districts' totals (each district equal).
 * Only matched units count. Rows come in no set order: {@link queryTotals} orders them.
 */
function buildTotalsQuery(filters: DashboardFilters, groupBy: readonly GroupColumn[]): SqlFragment {
	const where = buildWhere(filters, EVALUATION_FILTER_KEYS, 'e');
	const wanted = new Set(groupBy);
	const columnsOf = (groups: Iterable<GroupColumn>) => [
		...new Set([...groups].flatMap((group) => GROUP_COLUMNS[group]))
	];
	const list = (columns: readonly string[]) => columns.map((column) => `${column}, `).join('');
	// Step by step: district × year cells, then years averaged, then districts averaged; a step
	// whose column is itself a grouping is the identity and is skipped.
	const cellColumns = columnsOf(['district', 'year', ...wanted]);
	const districtColumns = columnsOf(['district', ...wanted]);
	const finalColumns = columnsOf(wanted);
	const yearsStep = wanted.has('year')
		? 'SELECT * FROM cells'
		: `SELECT ${list(districtColumns)}evaluator_type, avg(total) AS total, sum(units) AS units,
				min(first_line) AS first_line
			FROM cells GROUP BY ${list(districtColumns)}evaluator_type`;
	const districtsStep = wanted.has('district')
		? 'SELECT * FROM by_district'
		: `SELECT ${list(finalColumns)}evaluator_type, avg(total) AS total, sum(units) AS units,
				min(first_line) AS first_line
			FROM by_district GROUP BY ${list(finalColumns)}evaluator_type`;
	const names = wanted.has('district')
		? `, d.name_ko, d.name_en FROM totals t JOIN districts d ON d.code = t.district_code`
		: ' FROM totals t';
	return {
		sql: `WITH ${matchedUnitsSql(where.sql)},
		cells AS (
			SELECT ${list(cellColumns)}evaluator_type, sum(score) / sum(max_score) * 100 AS total,
				count(*) AS units, min(first_line) AS first_line
			FROM matched GROUP BY ${list(cellColumns)}evaluator_type
		),
		by_district AS (${yearsStep}),
		totals AS (${districtsStep})
		SELECT ${finalColumns.map((column) => `t.${column}${column === 'district_code' ? ' AS code' : ''}, `).join('')}t.evaluator_type,
			t.total::DOUBLE AS total, t.units::INTEGER AS units, t.first_line::INTEGER AS first_line${names}`,
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
	/** Every source the filtered data has scored this unit: it counts in the comparisons. */
	matched: boolean;
}

/**
 * Each unit (district × year × indicator) with every source's mean score, for the bias,
 * Bland–Altman and between-source agreement figures, and to count what matching left out.
 */
export function buildUnitScoresQuery(filters: DashboardFilters): SqlFragment {
	const where = buildWhere(filters, EVALUATION_FILTER_KEYS, 'e');
	return {
		sql: `WITH ${matchedUnitsSql(where.sql)}
		SELECT f.district_code AS code, any_value(d.name_ko) AS name_ko,
			any_value(d.name_en) AS name_en, f.year, f.area, f.indicator,
			max(f.max_score)::DOUBLE AS max_score, ${EVALUATOR_TYPES.map(sourceMean).join(', ')},
			${COMPLETE_UNIT} AS matched
		FROM filtered f JOIN districts d ON d.code = f.district_code
		GROUP BY f.district_code, f.year, f.area, f.indicator
		ORDER BY f.district_code, f.year, min(f.first_line)`,
		params: where.params
	};
}

/** A source's mean score over its evaluators of one unit (one row per unit and source). */
function sourceMean(source: EvaluatorType): string {
	// The type comes from EVALUATOR_TYPES, never from input, so it may stand in the SQL text.
	return `(max(f.score) FILTER (WHERE f.evaluator_type = '${source}'))::DOUBLE AS ${source}`;
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

/**
 * Each district's rubric per year: the indicators it was scored on under the filters, with the
 * largest 배점 any source gave each (for the rubric-change notes of the trend view).
 */
export function buildRubricQuery(filters: DashboardFilters): SqlFragment {
	const where = buildWhere(filters, EVALUATION_FILTER_KEYS, 'e');
	return {
		sql: `SELECT e.district_code AS code, any_value(d.name_ko) AS name_ko,
			any_value(d.name_en) AS name_en, e.year, e.area, e.indicator,
			max(e.max_score)::DOUBLE AS max_score
		FROM evaluation_units e JOIN districts d ON d.code = e.district_code
		${where.sql}
		GROUP BY e.district_code, e.year, e.area, e.indicator`,
		params: where.params
	};
}
