import type { Field, FileKind } from './columns';
import { FIELD_SPECS } from './columns';
import { normalizeHeader, parseSourceHeader, splitUnit, splitYear, totalColumnOf } from './headers';

/**
 * The layouts staff keep besides the long one (one value per row), recognized from the header
 * alone. Each is a list of column groups; DuckDB unpivots every data row into one long row per
 * group (`import-sql.ts`), so every later step reads long rows:
 *
 * - `sources`: evaluations with a score column per source (자체평가, 공무원(김OO), …);
 * - `districts`: evaluations as a crosstab, a score column per district and a row per indicator,
 *   one table per year and source (those come from the title, the sheet or file name, or a person);
 * - `years`: budget lines with 예산액 and 집행액 per year side by side (`2019 예산액`, …).
 */

export type WideKind = 'sources' | 'districts' | 'years';

/** Columns that make one long row out of each data row. */
export interface WideGroup {
	/** Field to the column its value is read from. */
	cells: Partial<Record<Field, number>>;
	/** Field to the value every row of the group takes from its header (a source, a district, a year). */
	given: Partial<Record<Field, string | null>>;
}

export interface WideMapping {
	kind: WideKind;
	/** Every group has the same fields in `cells` and in `given`. */
	groups: WideGroup[];
	/** Columns that sum the groups' cells of one field in their row (합계, 계 예산액): checked, not read. */
	totals: { index: number; field: Field }[];
}

/** The fields each wide layout reads from its groups; the other required ones are columns or given. */
export const GROUP_FIELDS: Record<WideKind, readonly Field[]> = {
	sources: ['evaluator_type', 'evaluator_id', 'score'],
	districts: ['district', 'score'],
	years: ['year', 'planned', 'spent']
};

/**
 * The wide layout a header is in, or null for the long one. Only a header without the fields a
 * layout puts in its groups can be wide: one with a 점수 column is long.
 */
export function findWideLayout(
	kind: FileKind,
	header: readonly string[],
	columns: Partial<Record<Field, number>>
): WideMapping | null {
	const taken = new Set(Object.values(columns));
	const free = header
		.map((cell, index) => ({ cell, index }))
		.filter(({ index, cell }) => !taken.has(index) && cell.trim() !== '');
	if (kind === 'budget') {
		if (['year', 'planned', 'spent'].some((field) => columns[field as Field] !== undefined))
			return null;
		return yearsSideBySide(free);
	}
	if (columns.score !== undefined) return null;
	if (columns.evaluator_type === undefined) {
		const sources = sourcesSideBySide(free);
		if (sources) return sources;
	}
	if (columns.district === undefined) return districtsAsColumns(free);
	return null;
}

type FreeCell = { cell: string; index: number };

function sourcesSideBySide(free: readonly FreeCell[]): WideMapping | null {
	const groups: WideGroup[] = [];
	const totals: WideMapping['totals'] = [];
	for (const { cell, index } of free) {
		const parsed = parseSourceHeader(cell);
		if (parsed) {
			groups.push({
				cells: { score: index },
				given: { evaluator_type: parsed.source, evaluator_id: parsed.evaluatorId }
			});
		} else if (totalColumnOf(cell) === '') totals.push({ index, field: 'score' });
	}
	return groups.length > 0 ? { kind: 'sources', groups, totals } : null;
}

// A district's name as a header: Korean names end in 구 (종로구, 중구), romanized ones in -gu;
// the city itself heads its own column. Which district it is, DuckDB decides from its aliases.
const DISTRICT_HEADER = /^([가-힣]{1,4}구|[a-z]+-?gu|서울시|서울특별시|본청)$/;

function districtsAsColumns(free: readonly FreeCell[]): WideMapping | null {
	const groups: WideGroup[] = [];
	const totals: WideMapping['totals'] = [];
	for (const { cell, index } of free) {
		if (totalColumnOf(cell) === '') totals.push({ index, field: 'score' });
		else if (DISTRICT_HEADER.test(normalizeHeader(cell))) {
			groups.push({ cells: { score: index }, given: { district: cell.trim() } });
		}
	}
	// One district column could be a mislabeled long file; a crosstab compares several.
	return groups.length >= 2 ? { kind: 'districts', groups, totals } : null;
}

type AmountField = 'planned' | 'spent';

/** The amount field a header names without its year or unit (`예산액`, `집행`), or null. */
function amountFieldOf(text: string): AmountField | null {
	const key = normalizeHeader(splitUnit(text).text);
	for (const field of ['planned', 'spent'] as const) {
		if (FIELD_SPECS.budget[field].aliases.some((alias) => normalizeHeader(alias) === key))
			return field;
	}
	return null;
}

function yearsSideBySide(free: readonly FreeCell[]): WideMapping | null {
	const byYear = new Map<string, Partial<Record<AmountField, number>>>();
	const totals: WideMapping['totals'] = [];
	for (const { cell, index } of free) {
		const total = totalColumnOf(splitUnit(cell).text);
		const totalField = total ? amountFieldOf(total) : null;
		if (totalField) {
			totals.push({ index, field: totalField });
			continue;
		}
		const split = splitYear(cell);
		const field = split ? amountFieldOf(split.rest) : null;
		if (!split || !field) continue;
		const cells = byYear.get(split.year) ?? {};
		// A second 예산액 for one year is not read as this year's: it stays unmapped, and is reported.
		if (cells[field] === undefined) cells[field] = index;
		byYear.set(split.year, cells);
	}
	if (byYear.size === 0) return null;
	const groups = [...byYear].map(([year, cells]) => ({ cells, given: { year } }));
	return { kind: 'years', groups, totals };
}

/** Fields a year's pair of columns lacks, as `2021 집행액`: a year side by side needs both. */
export function incompleteGroups(wide: WideMapping): { year: string; field: Field }[] {
	if (wide.kind !== 'years') return [];
	return wide.groups.flatMap((group) =>
		(['planned', 'spent'] as const)
			.filter((field) => group.cells[field] === undefined)
			.map((field) => ({ year: String(group.given.year), field }))
	);
}
