import { externalScore } from '$lib/analysis/totals';
import type { EvaluatorType, ExternalSource } from '$lib/domain/evaluation';
import type { Engine, SqlParam } from '$lib/engine/types';
import { buildWhere, EVALUATION_FILTER_KEYS, type DashboardFilters } from '$lib/query/filters';
import { matchedUnitsSql } from '$lib/query/scores';

/**
 * The part of the page's data a figure covers, within the page's filters: its own district,
 * year, area or indicator (none: the headline's, over everything the filters keep).
 */
export interface FigureScope {
	district?: string;
	year?: number;
	area?: string;
	indicator?: string;
}

/** Which score total a provenance is asked for: one source's total over a scope. */
export interface ScoreScope extends FigureScope {
	source: EvaluatorType;
}

/** One district × year of one source's total: Σ(unit means) ÷ Σ배점 × 100 over its matched units. */
export interface ProvenanceCell {
	evaluator_type: EvaluatorType;
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

/** Where an imported row came from, and its year and district: what every source row has. */
export interface TracedRow {
	/** The SHA-256 of the file it was imported from. */
	file_id: string;
	/** Its line in that file, as a text editor counts. */
	line: number;
	year: number;
	district_code: string;
	name_ko: string;
	name_en: string;
}

/** One imported evaluation row behind a figure, where it came from and what it held. */
export interface ProvenanceRow extends TracedRow {
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
	sources: readonly EvaluatorType[],
	scope: FigureScope
): { sql: string; params: SqlParam[] } {
	const where = buildWhere(filters, EVALUATION_FILTER_KEYS, 'e');
	const narrowed = scopeConditions([
		['district_code', scope.district],
		['year', scope.year],
		['area', scope.area],
		['indicator', scope.indicator]
	]);
	const conditions = [
		`evaluator_type IN (${sources.map(() => '?').join(', ')})`,
		...narrowed.conditions
	];
	const params: SqlParam[] = [...where.params, ...sources, ...narrowed.params];
	return {
		sql: `WITH ${matchedUnitsSql(where.sql)},
		scoped AS (SELECT * FROM matched WHERE ${conditions.join(' AND ')})`,
		params
	};
}

/**
 * `column = ?` for each part of a scope that is given, with its value bound: a figure's district,
 * year, area or indicator (column names are the callers' constants, never input).
 */
export function scopeConditions(
	parts: readonly (readonly [column: string, value: string | number | undefined])[]
): { conditions: string[]; params: SqlParam[] } {
	const given = parts.filter(
		(part): part is readonly [string, string | number] => part[1] !== undefined
	);
	return {
		conditions: given.map(([column]) => `${column} = ?`),
		params: given.map(([, value]) => value)
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
	{ source, ...scope }: ScoreScope,
	rowLimit = PROVENANCE_ROW_LIMIT
): Promise<ScoreProvenance> {
	const traced = await traceSources(engine, filters, [source], scope, rowLimit);
	return { ...traced, value: combineCells(traced.cells) };
}

/** The cells and rows of several sources' totals over one scope. */
async function traceSources(
	engine: Engine,
	filters: DashboardFilters,
	sources: readonly EvaluatorType[],
	scope: FigureScope,
	rowLimit: number
): Promise<Omit<ScoreProvenance, 'value'>> {
	const units = scopedUnits(filters, sources, scope);
	const cells = await engine.query<ProvenanceCell>(
		`${units.sql}
		SELECT s.evaluator_type, s.district_code, any_value(d.name_ko) AS name_ko, any_value(d.name_en) AS name_en,
			s.year, sum(s.score)::DOUBLE AS score_sum, sum(s.max_score)::DOUBLE AS max_sum,
			count(*)::INTEGER AS units, (sum(s.score) / sum(s.max_score) * 100)::DOUBLE AS value
		FROM scoped s JOIN districts d ON d.code = s.district_code
		GROUP BY s.evaluator_type, s.district_code, s.year
		ORDER BY s.evaluator_type, s.district_code, s.year`,
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
		rows,
		rowCount: byFile.reduce((sum, file) => sum + file.rows, 0),
		byFile
	};
}

/** Each district's figure from one source's cells: the mean over its years. */
export function districtMeans(cells: readonly ProvenanceCell[]): Map<string, number> {
	const byDistrict = new Map<string, number[]>();
	for (const cell of cells) {
		const values = byDistrict.get(cell.district_code) ?? [];
		values.push(cell.value);
		byDistrict.set(cell.district_code, values);
	}
	return new Map([...byDistrict].map(([code, values]) => [code, meanOf(values)!]));
}

/** The total one source's cells make: each district's mean over its years, then over districts. */
export function combineCells(cells: readonly ProvenanceCell[]): number | null {
	return meanOf([...districtMeans(cells).values()]);
}

function meanOf(values: readonly number[]): number | null {
	return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** One district's part in a gap: each source's figure, the external one, and self minus it. */
export interface GapDistrict {
	district_code: string;
	name_ko: string;
	name_en: string;
	scores: Record<EvaluatorType, number | null>;
	external: number | null;
	gap: number | null;
}

export interface GapProvenance extends Omit<ScoreProvenance, 'value'> {
	districts: GapDistrict[];
	/** The mean of the districts' gaps, over the districts that have one. */
	value: number | null;
}

/** The sources an external score is made of. */
const EXTERNAL_PARTS: Record<ExternalSource, readonly EvaluatorType[]> = {
	mean: ['official', 'expert'],
	official: ['official'],
	expert: ['expert']
};

/**
 * Where a gap comes from (self − external over a scope): each district's source figures and its
 * gap, then the mean over districts, as the headline gap and the bias are formed (WEIGHTING.md 6),
 * with the rows of self and the external sources.
 */
export async function queryGapProvenance(
	engine: Engine,
	filters: DashboardFilters,
	scope: FigureScope,
	external: ExternalSource,
	rowLimit = PROVENANCE_ROW_LIMIT
): Promise<GapProvenance> {
	const sources: EvaluatorType[] = ['self', ...EXTERNAL_PARTS[external]];
	const traced = await traceSources(engine, filters, sources, scope, rowLimit);
	const bySource = new Map(
		sources.map((source) => [
			source,
			districtMeans(traced.cells.filter((cell) => cell.evaluator_type === source))
		])
	);
	const names = new Map(traced.cells.map((cell) => [cell.district_code, cell]));
	const districts = [...names.values()].map(({ district_code, name_ko, name_en }): GapDistrict => {
		const score = (source: EvaluatorType) => bySource.get(source)?.get(district_code) ?? null;
		const scores = { self: score('self'), official: score('official'), expert: score('expert') };
		const other = externalScore(scores, external);
		return {
			district_code,
			name_ko,
			name_en,
			scores,
			external: other,
			gap: scores.self === null || other === null ? null : scores.self - other
		};
	});
	const gaps = districts.flatMap((district) => (district.gap === null ? [] : [district.gap]));
	return { ...traced, districts, value: meanOf(gaps) };
}

/** One cluster of the gap's interval: a district (or, with one district, a year) and its gap. */
export interface BiasCluster {
	district_code: string;
	name_ko: string;
	name_en: string;
	/** The year, where the clusters are one district's years; null for a district. */
	year: number | null;
	/** Its yearly gaps (self − external), one per year with both. */
	gaps: number[];
	/** Their mean: the cluster's one observation. */
	gap: number;
}

/**
 * The observations the gap's 95% interval is formed from, as the bias figure forms them
 * (WEIGHTING.md 6): each district's mean yearly gap, or, with one district shown, its years.
 */
export function biasClusters(trace: GapProvenance, external: ExternalSource): BiasCluster[] {
	const cells = new Map<
		string,
		{ cell: ProvenanceCell; scores: Record<EvaluatorType, number | null> }
	>();
	for (const cell of trace.cells) {
		const key = `${cell.district_code}:${cell.year}`;
		const entry = cells.get(key) ?? { cell, scores: { self: null, official: null, expert: null } };
		entry.scores[cell.evaluator_type] = cell.value;
		cells.set(key, entry);
	}
	const yearly = [...cells.values()].flatMap(({ cell, scores }) => {
		const other = externalScore(scores, external);
		return scores.self === null || other === null ? [] : [{ cell, gap: scores.self - other }];
	});
	const districts = new Set(yearly.map(({ cell }) => cell.district_code));
	const byCluster = new Map<string, BiasCluster>();
	for (const { cell, gap } of yearly) {
		const year = districts.size === 1 ? cell.year : null;
		const key = `${cell.district_code}:${year}`;
		const cluster = byCluster.get(key) ?? {
			district_code: cell.district_code,
			name_ko: cell.name_ko,
			name_en: cell.name_en,
			year,
			gaps: [],
			gap: 0
		};
		cluster.gaps.push(gap);
		cluster.gap = meanOf(cluster.gaps)!;
		byCluster.set(key, cluster);
	}
	return [...byCluster.values()];
}

/** The raw rows of one source under the filters (and a year): what its evaluators' agreement is measured on. */
export async function querySourceRows(
	engine: Engine,
	filters: DashboardFilters,
	source: EvaluatorType,
	year: number | undefined,
	rowLimit = PROVENANCE_ROW_LIMIT
): Promise<Pick<ScoreProvenance, 'rows' | 'rowCount' | 'byFile'>> {
	const where = buildWhere({ ...filters, evaluatorTypes: [source] }, EVALUATION_FILTER_KEYS, 'e');
	const narrowed = scopeConditions([['e.year', year]]);
	// The filters always name the source, so there is a WHERE to add the year to.
	const sql = `source_rows AS (SELECT e.* FROM evaluations e
		${[where.sql, ...narrowed.conditions].join(' AND ')})`;
	const params = [...where.params, ...narrowed.params];
	const rows = await engine.query<ProvenanceRow>(
		`WITH ${sql}
		SELECT r.file_id, r.line, r.year, r.district_code, d.name_ko, d.name_en, r.evaluator_type,
			r.evaluator_id, r.area, r.indicator, r.score::DOUBLE AS score,
			r.max_score::DOUBLE AS max_score
		FROM source_rows r JOIN districts d ON d.code = r.district_code
		ORDER BY r.file_id, r.line LIMIT ?`,
		[...params, rowLimit]
	);
	const byFile = await engine.query<{ file_id: string; rows: number }>(
		`WITH ${sql}
		SELECT file_id, count(*)::INTEGER AS rows FROM source_rows GROUP BY file_id ORDER BY file_id`,
		params
	);
	return { rows, rowCount: byFile.reduce((sum, file) => sum + file.rows, 0), byFile };
}
