import { executionRate } from '$lib/analysis/budget';
import { pivotSources, selfMinusExternal } from '$lib/analysis/totals';
import { totalsOf } from '$lib/analysis/unit-totals';
import { EVALUATOR_TYPES, type ExternalSource } from '$lib/domain/evaluation';
import type { Engine } from '$lib/engine/types';
import { buildBudgetByDistrictYearQuery, type BudgetDistrictYearRow } from '$lib/query/budget';
import type { DashboardFilters } from '$lib/query/filters';
import { queryUnitScores } from '$lib/query/scores';

/**
 * What identifies a row across versions. An evaluation: year, district, source, evaluator,
 * area and indicator (an indicator's name is only unique within its area). A budget line: year,
 * district, program, item and budget code. Where one version repeats a key (two unnamed
 * evaluators of one source, say), its rows pair up in file order: the first with the first.
 */
export const EVALUATION_KEY = [
	'year',
	'district_code',
	'evaluator_type',
	'evaluator_id',
	'area',
	'indicator'
] as const;
export const BUDGET_KEY = ['year', 'district_code', 'program', 'item', 'budget_code'] as const;

type KeyValue = string | number | null;

/** A row as compared: its key's values, its compared values, and its district's names. */
export interface ComparedRow {
	key: Record<string, KeyValue>;
	name_ko: string;
	name_en: string;
	/** The compared values: score and 배점, or planned and spent. */
	values: Record<string, number>;
}

export interface ChangedRow extends Omit<ComparedRow, 'values'> {
	before: Record<string, number>;
	after: Record<string, number>;
}

export interface RowChanges {
	added: ComparedRow[];
	removed: ComparedRow[];
	changed: ChangedRow[];
}

/** A figure that is not the same in both versions: before → after, and the difference. */
export interface MovedFigure {
	figure: 'total' | 'gap' | 'rate';
	/** For a total, whose. */
	source: (typeof EVALUATOR_TYPES)[number] | null;
	district_code: string;
	name_ko: string;
	name_en: string;
	year: number;
	/** null where the version has no such figure (a district-year only one version holds). */
	before: number | null;
	after: number | null;
	/** after − before, in the figure's unit (점, or a rate as a fraction); null if either is. */
	difference: number | null;
}

export interface Comparison {
	evaluations: RowChanges;
	budget: RowChanges;
	/** Largest change first; figures present in one version only last. */
	figures: MovedFigure[];
}

/** Figures closer than this are the same: the sums are of the same doubles in another order. */
const SAME = 1e-9;

/**
 * Compares two versions of the data, each loaded in an engine of its own: the rows added,
 * removed and changed (same key, other values), and the district-year figures that moved
 * (totals by source, the self − external gap, execution rates), each computed in each version by
 * the page's own queries under the same filters.
 */
export async function compareVersions(
	before: Engine,
	after: Engine,
	filters: DashboardFilters,
	external: ExternalSource
): Promise<Comparison> {
	const [evaluations, budget, beforeFigures, afterFigures] = await Promise.all([
		Promise.all([evaluationRows(before), evaluationRows(after)]),
		Promise.all([budgetRows(before), budgetRows(after)]),
		districtYearFigures(before, filters, external),
		districtYearFigures(after, filters, external)
	]);
	return {
		evaluations: diffRows(...evaluations, EVALUATION_KEY),
		budget: diffRows(...budget, BUDGET_KEY),
		figures: movedFigures(beforeFigures, afterFigures)
	};
}

async function evaluationRows(engine: Engine): Promise<ComparedRow[]> {
	const rows = await engine.query<Record<string, KeyValue> & { name_ko: string; name_en: string }>(
		`SELECT e.year, e.district_code, e.evaluator_type, e.evaluator_id, e.area, e.indicator,
			e.score::DOUBLE AS score, e.max_score::DOUBLE AS max_score, d.name_ko, d.name_en
		FROM evaluations e JOIN districts d ON d.code = e.district_code
		ORDER BY e.file_id, e.line`
	);
	return rows.map((row) => compared(row, EVALUATION_KEY, ['score', 'max_score']));
}

async function budgetRows(engine: Engine): Promise<ComparedRow[]> {
	const rows = await engine.query<Record<string, KeyValue> & { name_ko: string; name_en: string }>(
		`SELECT b.year, b.district_code, b.program, b.item, b.budget_code,
			b.planned::DOUBLE AS planned, b.spent::DOUBLE AS spent, d.name_ko, d.name_en
		FROM budget b JOIN districts d ON d.code = b.district_code
		ORDER BY b.file_id, b.line`
	);
	return rows.map((row) => compared(row, BUDGET_KEY, ['planned', 'spent']));
}

function compared(
	row: Record<string, KeyValue>,
	key: readonly string[],
	values: readonly string[]
): ComparedRow {
	return {
		key: Object.fromEntries(key.map((column) => [column, row[column] ?? null])),
		name_ko: String(row.name_ko),
		name_en: String(row.name_en),
		values: Object.fromEntries(values.map((column) => [column, Number(row[column])]))
	};
}

/** Rows matched by key (the n-th of a key with the n-th), then sorted into the three kinds. */
export function diffRows(
	before: readonly ComparedRow[],
	after: readonly ComparedRow[],
	key: readonly string[]
): RowChanges {
	const idOf = (row: ComparedRow) => JSON.stringify(key.map((column) => row.key[column]));
	const waiting = new Map<string, ComparedRow[]>();
	for (const row of before) {
		const id = idOf(row);
		waiting.set(id, [...(waiting.get(id) ?? []), row]);
	}
	const changes: RowChanges = { added: [], removed: [], changed: [] };
	for (const row of after) {
		const earlier = waiting.get(idOf(row))?.shift();
		if (!earlier) {
			changes.added.push(row);
			continue;
		}
		const differs = Object.keys(row.values).some(
			(column) => row.values[column] !== earlier.values[column]
		);
		if (differs) {
			const { values, ...rest } = row;
			changes.changed.push({ ...rest, before: earlier.values, after: values });
		}
	}
	for (const rows of waiting.values()) changes.removed.push(...rows);
	return changes;
}

/** One version's district-year figures, by `figure:source:district:year`. */
type Figures = Map<
	string,
	Omit<MovedFigure, 'before' | 'after' | 'difference'> & { value: number | null }
>;

async function districtYearFigures(
	engine: Engine,
	filters: DashboardFilters,
	external: ExternalSource
): Promise<Figures> {
	const budgetQuery = buildBudgetByDistrictYearQuery(filters);
	const [units, budget] = await Promise.all([
		queryUnitScores(engine, filters),
		engine.query<BudgetDistrictYearRow>(budgetQuery.sql, budgetQuery.params)
	]);
	const totals = totalsOf(units, ['district', 'year']);
	const figures: Figures = new Map();
	const names = new Map(totals.map((row) => [`${row.code}:${row.year}`, row]));
	for (const [cell, scores] of pivotSources(totals, (row) => `${row.code}:${row.year}`)) {
		const row = names.get(cell)!;
		const place = {
			district_code: row.code!,
			name_ko: row.name_ko!,
			name_en: row.name_en!,
			year: row.year!
		};
		for (const source of EVALUATOR_TYPES) {
			if (scores[source] === null) continue;
			figures.set(`total:${source}:${cell}`, {
				...place,
				figure: 'total',
				source,
				value: scores[source]
			});
		}
		figures.set(`gap::${cell}`, {
			...place,
			figure: 'gap',
			source: null,
			value: selfMinusExternal(scores, external)
		});
	}
	for (const row of budget) {
		figures.set(`rate::${row.code}:${row.year}`, {
			district_code: row.code,
			name_ko: row.name_ko,
			name_en: row.name_en,
			year: row.year,
			figure: 'rate',
			source: null,
			value: executionRate(row.planned, row.spent)
		});
	}
	return figures;
}

/** The figures whose value differs between the versions, largest change first. */
function movedFigures(before: Figures, after: Figures): MovedFigure[] {
	const moved: MovedFigure[] = [];
	for (const id of new Set([...before.keys(), ...after.keys()])) {
		const { figure, source, district_code, name_ko, name_en, year } = (before.get(id) ??
			after.get(id))!;
		const was = before.get(id)?.value ?? null;
		const now = after.get(id)?.value ?? null;
		if (was === null && now === null) continue;
		if (was !== null && now !== null && Math.abs(now - was) <= SAME) continue;
		moved.push({
			figure,
			source,
			district_code,
			name_ko,
			name_en,
			year,
			before: was,
			after: now,
			difference: was === null || now === null ? null : now - was
		});
	}
	const size = (figure: MovedFigure) =>
		figure.difference === null
			? -1
			: // A rate is a fraction: compared in percentage points, as the page shows it.
				Math.abs(figure.difference) * (figure.figure === 'rate' ? 100 : 1);
	return moved.sort(
		(a, b) =>
			size(b) - size(a) ||
			a.district_code.localeCompare(b.district_code) ||
			a.year - b.year ||
			a.figure.localeCompare(b.figure) ||
			(a.source ?? '').localeCompare(b.source ?? '')
	);
}
