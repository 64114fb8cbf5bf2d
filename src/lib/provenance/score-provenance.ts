import type { EvaluatorType } from '$lib/domain/evaluation';
import type { Engine, SqlParam } from '$lib/engine/types';
import { buildWhere, EVALUATION_FILTER_KEYS, type DashboardFilters } from '$lib/query/filters';
import { matchedUnitsSql } from '$lib/query/scores';

/**
 * Which score total a provenance is asked for: one source's total under the page's filters,
 * narrowed to the figure's own district, year, area or indicator (none: the headline's).
 */
export interface ScoreScope {
	source: EvaluatorType;
	district?: string;
	year?: number;
	area?: string;
	indicator?: string;
}

/** One district × year of a total: Σ(unit means) ÷ Σ배점 × 100 over its matched units. */
export interface ProvenanceCell {
	district_code: string;
	name_ko: string;
	name_en: string;
	year: number;
	/** Σ over the units of the source's mean score over its evaluators. */
	score_sum: number;
	/** Σ배점 over the same units. */
	max_sum: number;
	units: number;
	/** score_sum ÷ max_sum × 100. */
	value: number;
}

/** One imported row behind a figure, where it came from and what it held. */
export interface ProvenanceRow {
	/** The SHA-256 of the file it was imported from. */
	file_id: string;
	/** Its line in that file, as a text editor counts. */
	line: number;
	year: number;
	district_code: string;
	name_ko: string;
	name_en: string;
	evaluator_type: EvaluatorType;
	evaluator_id: string | null;
	area: string;
	indicator: string;
	score: number;
	max_score: number;
}

export interface ScoreProvenance {
	cells: ProvenanceCell[];
	/** The figure as the cells make it: per district the mean over years, then over districts. */
	value: number | null;
	/** The first `rowLimit` source rows, by file and line. */
	rows: ProvenanceRow[];
	/** All source rows, and how many came from each file. */
	rowCount: number;
	byFile: { file_id: string; rows: number }[];
}

/** Source rows listed in full; more are counted by file, and downloadable. */
export const PROVENANCE_ROW_LIMIT = 1000;

/**
 * The units a scope covers: the matched units under the page's filters (the one set every
 * total is computed from, WEIGHTING.md), then narrowed to the scope. Matching is decided on the
 * page's filters, never on the scope: a district that lacks a source does not change which of
 * its units count.
 */
function scopedUnits(
	filters: DashboardFilters,
	scope: ScoreScope
): { sql: string; params: SqlParam[] } {
	const where = buildWhere(filters, EVALUATION_FILTER_KEYS, 'e');
	const conditions = ['evaluator_type = ?'];
	const params: SqlParam[] = [...where.params, scope.source];
	for (const [column, value] of [
		['district_code', scope.district],
		['year', scope.year],
		['area', scope.area],
		['indicator', scope.indicator]
	] as const) {
		if (value === undefined) continue;
		conditions.push(`${column} = ?`);
		params.push(value);
	}
	return {
		sql: `WITH ${matchedUnitsSql(where.sql)},
		scoped AS (SELECT * FROM matched WHERE ${conditions.join(' AND ')})`,
		params
	};
}

/**
 * Where a score total comes from: its district × year cells with the sums that make each, the
 * figure those cells make, and the imported rows behind them (file and line), traced by query
 * from what is loaded, never stored apart.
 */
export async function queryScoreProvenance(
	engine: Engine,
	filters: DashboardFilters,
	scope: ScoreScope,
	rowLimit = PROVENANCE_ROW_LIMIT
): Promise<ScoreProvenance> {
	const units = scopedUnits(filters, scope);
	const cells = await engine.query<ProvenanceCell>(
		`${units.sql}
		SELECT s.district_code, any_value(d.name_ko) AS name_ko, any_value(d.name_en) AS name_en,
			s.year, sum(s.score)::DOUBLE AS score_sum, sum(s.max_score)::DOUBLE AS max_sum,
			count(*)::INTEGER AS units, (sum(s.score) / sum(s.max_score) * 100)::DOUBLE AS value
		FROM scoped s JOIN districts d ON d.code = s.district_code
		GROUP BY s.district_code, s.year ORDER BY s.district_code, s.year`,
		units.params
	);
	// The raw rows of exactly those units and that source.
	const rowsSql = `${units.sql},
		source_rows AS (
			SELECT e.* FROM evaluations e SEMI JOIN scoped s
			ON e.year = s.year AND e.district_code = s.district_code AND e.area = s.area
				AND e.indicator = s.indicator AND e.evaluator_type = s.evaluator_type
		)`;
	const rows = await engine.query<ProvenanceRow>(
		`${rowsSql}
		SELECT r.file_id, r.line, r.year, r.district_code, d.name_ko, d.name_en, r.evaluator_type,
			r.evaluator_id, r.area, r.indicator, r.score::DOUBLE AS score,
			r.max_score::DOUBLE AS max_score
		FROM source_rows r JOIN districts d ON d.code = r.district_code
		ORDER BY r.file_id, r.line LIMIT ?`,
		[...units.params, rowLimit]
	);
	const byFile = await engine.query<{ file_id: string; rows: number }>(
		`${rowsSql}
		SELECT file_id, count(*)::INTEGER AS rows FROM source_rows GROUP BY file_id ORDER BY file_id`,
		units.params
	);
	return {
		cells,
		value: combineCells(cells),
		rows,
		rowCount: byFile.reduce((sum, file) => sum + file.rows, 0),
		byFile
	};
}

/** The total the cells make: each district's mean over its years, then the mean over districts. */
export function combineCells(cells: readonly ProvenanceCell[]): number | null {
	const byDistrict = new Map<string, number[]>();
	for (const cell of cells) {
		const values = byDistrict.get(cell.district_code) ?? [];
		values.push(cell.value);
		byDistrict.set(cell.district_code, values);
	}
	if (byDistrict.size === 0) return null;
	const districtValues = [...byDistrict.values()].map(
		(values) => values.reduce((sum, value) => sum + value, 0) / values.length
	);
	return districtValues.reduce((sum, value) => sum + value, 0) / districtValues.length;
}
