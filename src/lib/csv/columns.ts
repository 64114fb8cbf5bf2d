import { findSourceIn, normalizeHeader, splitUnit, splitYear, unitOfTitle } from './headers';
import { findWideLayout, GROUP_FIELDS, incompleteGroups, type WideMapping } from './wide';

/** The two kinds of export the app understands, and the fields each is made of. */
export const FILE_KINDS = ['evaluations', 'budget'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const EVALUATION_FIELDS = [
	'year',
	'district',
	'evaluator_type',
	'evaluator_id',
	'area',
	'indicator',
	'score',
	'max_score'
] as const;
export type EvaluationField = (typeof EVALUATION_FIELDS)[number];

export const BUDGET_FIELDS = [
	'year',
	'district',
	'program',
	'item',
	'budget_code',
	'planned',
	'spent',
	'basis'
] as const;
export type BudgetField = (typeof BUDGET_FIELDS)[number];

/** Whether a string is the code of a field of either kind. */
export function isField(value: string): value is EvaluationField | BudgetField {
	return (
		(EVALUATION_FIELDS as readonly string[]).includes(value) ||
		(BUDGET_FIELDS as readonly string[]).includes(value)
	);
}

export type Field = EvaluationField | BudgetField;

interface FieldSpec {
	aliases: readonly string[];
	required: boolean;
}

// Headers as Excel exports on Korean Windows write them; matched case- and space-insensitively.
const EVALUATION_SPEC: Record<EvaluationField, FieldSpec> = {
	year: { aliases: ['연도', '평가연도', '년도', 'year'], required: true },
	district: { aliases: ['자치구', '구', '자치구명', 'district', 'district_code'], required: true },
	evaluator_type: {
		aliases: ['평가주체', '평가구분', '평가유형', 'evaluator_type'],
		required: true
	},
	evaluator_id: { aliases: ['평가자', '평가위원', 'evaluator', 'evaluator_id'], required: false },
	area: { aliases: ['평가영역', '영역', 'area'], required: true },
	indicator: { aliases: ['평가지표', '지표', 'indicator'], required: true },
	score: { aliases: ['점수', '평가점수', '득점', 'score'], required: true },
	max_score: { aliases: ['배점', '만점', 'max_score', 'maxscore'], required: true }
};

const BUDGET_SPEC: Record<BudgetField, FieldSpec> = {
	year: { aliases: ['연도', '회계연도', '년도', 'year'], required: true },
	district: { aliases: ['자치구', '구', '자치구명', 'district', 'district_code'], required: true },
	program: { aliases: ['사업명', '사업', 'program'], required: true },
	item: { aliases: ['세부항목', '항목', '산출내역구분', '구분', 'item'], required: true },
	budget_code: { aliases: ['예산과목', '통계목', 'budget_code'], required: false },
	planned: { aliases: ['예산액', '계획액', '예산', 'planned'], required: true },
	spent: { aliases: ['집행액', '지출액', '집행', 'spent'], required: true },
	basis: { aliases: ['산출내역', '산출근거', 'basis'], required: false }
};

export const FIELD_SPECS: { evaluations: typeof EVALUATION_SPEC; budget: typeof BUDGET_SPEC } = {
	evaluations: EVALUATION_SPEC,
	budget: BUDGET_SPEC
};

export { normalizeHeader } from './headers';

/** Where a value every row of a file shares was read: the title row, the sheet or file name, or a person. */
export type GivenSource = 'title' | 'sheet' | 'file' | 'choice';

/** A value every row of a file takes (a crosstab's year and source), and the text it was read from. */
export interface GivenValue {
	value: string;
	from: GivenSource;
	text: string;
}

/** Which column index holds which field, for one file. */
export interface ColumnMapping {
	kind: FileKind;
	/** Field to the index of its column in the header row. */
	columns: Partial<Record<Field, number>>;
	/** Required fields no column matched (nor a wide layout's groups, nor a given value). */
	missing: Field[];
	/** Header cells that matched no field. */
	unmapped: string[];
	/** The columns each row is unpivoted by, for a layout other than the long one; null for long. */
	wide: WideMapping | null;
	/** Values every row takes from outside the table (a crosstab's year and source). */
	given: Partial<Record<Field, GivenValue>>;
	/** Column index to what a bare number there is worth in won, from a unit in its header or title. */
	scales: Record<number, number>;
}

/** What the text around a table says, for the values a crosstab does not hold in its cells. */
export interface TableContext {
	/** Title rows above the header, then the sheet name, then the file name. */
	texts: { from: Exclude<GivenSource, 'choice'>; text: string }[];
	/** Values a person chose; they win over anything read. */
	chosen?: Partial<Record<Field, string>>;
}

/** Columns a person assigned by hand: field to column index in the header row. */
export type ColumnOverrides = Partial<Record<Field, number>>;

/**
 * Recognizes a header row as evaluations or budget; `null` when it looks like neither. A kind
 * whose required fields are all there wins, then the one whose distinctive fields matched best.
 */
export function mapColumns(
	header: readonly string[],
	overrides: ColumnOverrides = {},
	context: TableContext = { texts: [] }
): ColumnMapping | null {
	const scored = FILE_KINDS.map((kind) => mapColumnsAs(kind, header, overrides, context))
		.map((mapping) => ({ mapping, hits: distinctiveHits(mapping) }))
		.sort(
			(a, b) =>
				Number(a.mapping.missing.length > 0) - Number(b.mapping.missing.length > 0) ||
				b.hits - a.hits
		);
	const best = scored[0];
	if (!best || best.hits === 0) return null;
	return best.mapping;
}

function distinctiveHits(mapping: ColumnMapping): number {
	const distinctive: readonly Field[] =
		mapping.kind === 'evaluations'
			? ['evaluator_type', 'indicator', 'score', 'max_score']
			: ['program', 'planned', 'spent'];
	// A wide layout's groups stand for the fields they hold.
	const grouped = mapping.wide ? GROUP_FIELDS[mapping.wide.kind] : [];
	return distinctive.filter(
		(field) => mapping.columns[field] !== undefined || grouped.includes(field)
	).length;
}

/** The fields a crosstab takes from outside its cells: a year and a source for the whole table. */
const GIVEN_FIELDS: readonly Field[] = ['year', 'evaluator_type', 'evaluator_id'];

/** Maps a header row as the given kind, then applies the columns assigned by hand. */
export function mapColumnsAs(
	kind: FileKind,
	header: readonly string[],
	overrides: ColumnOverrides = {},
	context: TableContext = { texts: [] }
): ColumnMapping {
	const spec: Record<string, FieldSpec> = FIELD_SPECS[kind];
	const units = header.map((cell) => splitUnit(cell));
	const columns = matchAliases(
		spec,
		units.map((unit) => unit.text)
	);
	applyOverrides(columns, spec, header.length, overrides);
	const wide = findWideLayout(kind, header, columns);
	const given = wide?.kind === 'districts' ? findGiven(context) : {};
	const used = new Set([
		...Object.values(columns),
		...(wide?.groups.flatMap((group) => Object.values(group.cells)) ?? []),
		...(wide?.totals.map((total) => total.index) ?? [])
	]);
	const unmapped = header.filter((cell, index) => !used.has(index) && normalizeHeader(cell) !== '');
	const grouped: readonly Field[] = wide ? GROUP_FIELDS[wide.kind] : [];
	const missing = Object.keys(spec).filter(
		(name) =>
			spec[name]!.required &&
			columns[name as Field] === undefined &&
			!grouped.includes(name as Field) &&
			given[name as Field] === undefined
	) as Field[];
	for (const { field } of wide ? incompleteGroups(wide) : []) {
		if (!missing.includes(field)) missing.push(field);
	}
	return { kind, columns, missing, unmapped, wide, given, scales: scalesOf(kind, units, context) };
}

/** What a bare number in each amount column is worth in won: its header's unit, else the title's. */
function scalesOf(
	kind: FileKind,
	units: readonly { scale: number | null }[],
	context: TableContext
): Record<number, number> {
	if (kind !== 'budget') return {};
	const titleScale = context.texts
		.filter((text) => text.from === 'title')
		.map((text) => unitOfTitle(text.text))
		.find((scale) => scale !== null);
	const scales: Record<number, number> = {};
	units.forEach(({ scale }, index) => {
		const worth = scale ?? titleScale ?? 1;
		if (worth !== 1) scales[index] = worth;
	});
	return scales;
}

/**
 * A crosstab's year and source for the whole table: chosen by a person, or read from the title
 * rows, the sheet name or the file name, the first that names one.
 */
function findGiven(context: TableContext): Partial<Record<Field, GivenValue>> {
	const given: Partial<Record<Field, GivenValue>> = {};
	for (const { from, text } of context.texts) {
		const year = splitYear(text)?.year;
		if (year && !given.year) given.year = { value: year, from, text };
		const source = findSourceIn(text);
		if (source && !given.evaluator_type) {
			given.evaluator_type = { value: source.source, from, text };
			if (source.evaluatorId) given.evaluator_id = { value: source.evaluatorId, from, text };
		}
	}
	for (const field of GIVEN_FIELDS) {
		const value = context.chosen?.[field]?.trim();
		if (value) given[field] = { value, from: 'choice', text: value };
	}
	return given;
}

function matchAliases(
	spec: Record<string, FieldSpec>,
	header: readonly string[]
): Partial<Record<Field, number>> {
	const columns: Partial<Record<Field, number>> = {};
	header.forEach((cell, index) => {
		const key = normalizeHeader(cell);
		const field = Object.keys(spec).find(
			(name) =>
				columns[name as Field] === undefined &&
				spec[name]!.aliases.some((alias) => normalizeHeader(alias) === key)
		) as Field | undefined;
		if (field) columns[field] = index;
	});
	return columns;
}

/** One column holds one field: an assigned column is taken away from the field it matched. */
function applyOverrides(
	columns: Partial<Record<Field, number>>,
	spec: Record<string, FieldSpec>,
	width: number,
	overrides: ColumnOverrides
): void {
	for (const [field, index] of Object.entries(overrides) as [Field, number | undefined][]) {
		if (!Object.hasOwn(spec, field) || index === undefined) continue;
		if (!Number.isInteger(index) || index < 0 || index >= width) continue;
		for (const [other, at] of Object.entries(columns) as [Field, number][]) {
			if (at === index) delete columns[other];
		}
		columns[field] = index;
	}
}
