import { EVALUATOR_TYPES, type EvaluatorType } from '$lib/domain/evaluation';
import type { UnitScoreRow } from '$lib/query/scores';

/** What totals can be broken down by. */
export type GroupColumn = 'district' | 'year' | 'area' | 'indicator';

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
	/**
	 * The group's first line in the export, over its matched units and every source: to list
	 * areas and indicators as staff wrote them.
	 */
	first_line: number;
}

/** The fields of a total that name its group; a grouping keeps only its own. */
type GroupFields = Pick<TotalRow, 'code' | 'name_ko' | 'name_en' | 'year' | 'area' | 'indicator'>;

/** The group fields of a unit or total under the columns grouped by: an indicator keeps its area. */
function fieldsOf(row: GroupFields, columns: ReadonlySet<GroupColumn>): GroupFields {
	const fields: GroupFields = {};
	if (columns.has('district')) {
		fields.code = row.code;
		fields.name_ko = row.name_ko;
		fields.name_en = row.name_en;
	}
	if (columns.has('year')) fields.year = row.year;
	if (columns.has('area') || columns.has('indicator')) fields.area = row.area;
	if (columns.has('indicator')) fields.indicator = row.indicator;
	return fields;
}

/**
 * Total score per evaluator type and per combination of `groupBy`, computed from the units of
 * `queryUnitScores` by the one weighting rule (WEIGHTING.md): only matched units count; within a
 * unit each source's evaluators are already averaged; per district and year a total is
 * Σ(unit means) ÷ Σ배점 × 100, each source over its own 배점; over several years the mean of the
 * yearly totals (each year equal); over several districts the mean of the districts' totals
 * (each district equal). Groups come in the order the export first lists them
 * ({@link inFirstListedOrder}).
 *
 * Computed here rather than in SQL: every figure of a filter change is then one read of the
 * units, which the views need anyway, instead of one read per breakdown.
 */
export function totalsOf(
	units: readonly UnitScoreRow[],
	groupBy: readonly GroupColumn[]
): TotalRow[] {
	const wanted = new Set(groupBy);
	const cells = districtYearCells(units, new Set([...wanted, 'district', 'year']));
	const byDistrict = wanted.has('year') ? cells : meanOver(cells, new Set([...wanted, 'district']));
	const totals = wanted.has('district') ? byDistrict : meanOver(byDistrict, wanted);
	return inFirstListedOrder(totals, groupBy);
}

/**
 * A total with every group field, undefined where it is not grouped by: rows of one shape, as
 * spreading fields of varying shapes into each new row cost microseconds per row.
 */
function totalRow(
	fields: GroupFields,
	source: EvaluatorType,
	total: number,
	units: number,
	firstLine: number
): TotalRow {
	return {
		code: fields.code,
		name_ko: fields.name_ko,
		name_en: fields.name_en,
		year: fields.year,
		area: fields.area,
		indicator: fields.indicator,
		evaluator_type: source,
		total,
		units,
		first_line: firstLine
	};
}

/** Each source's 배점 field of a unit, named once rather than built per unit. */
const MAX_SCORE = {
	self: 'self_max_score',
	official: 'official_max_score',
	expert: 'expert_max_score'
} as const satisfies Record<EvaluatorType, keyof UnitScoreRow>;

/** One source's running sums in one group. */
interface SourceSum {
	score: number;
	max: number;
	units: number;
	firstLine: number;
}

/** Step one: per district × year (and the other groupings) and source, Σ scores ÷ Σ 배점 × 100. */
function districtYearCells(
	units: readonly UnitScoreRow[],
	columns: ReadonlySet<GroupColumn>
): TotalRow[] {
	const groups = new Groups<{
		fields: GroupFields;
		sums: Partial<Record<EvaluatorType, SourceSum>>;
	}>(columns);
	for (const unit of units) {
		if (!unit.matched) continue;
		const group = groups.of(unit, '', () => ({ fields: fieldsOf(unit, columns), sums: {} }));
		for (const source of EVALUATOR_TYPES) {
			const score = unit[source];
			const max = unit[MAX_SCORE[source]];
			if (score === null || max === null) continue;
			const sum = group.sums[source];
			if (sum) {
				sum.score += score;
				sum.max += max;
				sum.units += 1;
				sum.firstLine = Math.min(sum.firstLine, unit.first_line);
			} else {
				group.sums[source] = { score, max, units: 1, firstLine: unit.first_line };
			}
		}
	}
	const cells: TotalRow[] = [];
	for (const { fields, sums } of groups.all)
		for (const source of EVALUATOR_TYPES) {
			const sum = sums[source];
			if (!sum) continue;
			cells.push(totalRow(fields, source, (sum.score / sum.max) * 100, sum.units, sum.firstLine));
		}
	return cells;
}

/**
 * The next step: `rows` averaged within the groups of the `kept` columns, over the one column
 * left out (years, then districts), each of its values equal. Units add up; the first line is
 * the earliest.
 */
function meanOver(rows: readonly TotalRow[], kept: ReadonlySet<GroupColumn>): TotalRow[] {
	const groups = new Groups<{ sum: number; count: number; row: TotalRow }>(kept);
	for (const row of rows) {
		const group = groups.of(row, row.evaluator_type, () => ({
			sum: 0,
			count: 0,
			row: totalRow(fieldsOf(row, kept), row.evaluator_type, 0, 0, row.first_line)
		}));
		group.sum += row.total;
		group.count += 1;
		group.row.units += row.units;
		group.row.first_line = Math.min(group.row.first_line, row.first_line);
	}
	for (const { sum, count, row } of groups.all) row.total = sum / count;
	return groups.all.map(({ row }) => row);
}

/** A field that tells groups apart. */
type KeyField = 'code' | 'year' | 'area' | 'indicator';

/** The fields that tell groups apart under each grouping column. */
const KEY_FIELDS: Record<GroupColumn, readonly KeyField[]> = {
	district: ['code'],
	year: ['year'],
	area: ['area'],
	indicator: ['area', 'indicator']
};

/** The fields that tell groups apart under `columns`, each once, in the columns' order. */
function keyFieldsOf(columns: Iterable<GroupColumn>): KeyField[] {
	return [...new Set([...columns].flatMap((column) => KEY_FIELDS[column]))];
}

/**
 * Rows gathered into groups by their values under some grouping columns, in the order the
 * groups first appear. A group is found through one map per value, in turn: every unit of every
 * breakdown is looked up on each filter change, and a key string built per row cost more than
 * the sums (its hash is computed anew each time; a value's own string keeps its hash).
 */
class Groups<G> {
	readonly all: G[] = [];
	readonly #root = new Map<unknown, unknown>();
	readonly #fields: readonly KeyField[];

	constructor(columns: ReadonlySet<GroupColumn>) {
		this.#fields = keyFieldsOf(columns);
	}

	/** The group of `row` under `first` (a source, or '' for all) and its values; made the first time. */
	of(row: GroupFields, first: string, make: () => G): G {
		let level = this.#root;
		let key: unknown = first;
		for (const field of this.#fields) {
			let next = level.get(key) as Map<unknown, unknown> | undefined;
			if (!next) level.set(key, (next = new Map()));
			level = next;
			key = row[field];
		}
		let group = level.get(key) as G | undefined;
		if (group === undefined) {
			group = make();
			level.set(key, group);
			this.all.push(group);
		}
		return group;
	}
}

/**
 * Orders rows by their group's first line, then by the group's own values, then by evaluator
 * type: a total order, as imports from different files can share line numbers.
 */
export function inFirstListedOrder(
	rows: readonly TotalRow[],
	groupBy: readonly GroupColumn[]
): TotalRow[] {
	const fields = keyFieldsOf(groupBy);
	const keyOf = (row: TotalRow) => fields.map((field) => row[field] ?? (field === 'year' ? 0 : ''));
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
