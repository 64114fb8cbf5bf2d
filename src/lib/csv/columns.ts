import {
	EVALUATOR_TYPE_ALIASES,
	EVALUATOR_TYPES,
	type EvaluatorType
} from '$lib/domain/evaluation';

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

/** Header text as compared: NFC, no spaces or underscores, lower case, no BOM. */
export function normalizeHeader(header: string): string {
	return header
		.normalize('NFC')
		.replace(/^\uFEFF/, '')
		.replace(/[\s_]+/g, '')
		.toLowerCase();
}

/** Which column index holds which field, for one file. */
export interface ColumnMapping {
	kind: FileKind;
	/** Field to the index of its column in the header row. */
	columns: Partial<Record<Field, number>>;
	/** Required fields no column matched. */
	missing: Field[];
	/** Header cells that matched no field. */
	unmapped: string[];
	/**
	 * Evaluations with the sources side by side (one score column per source, as 자체평가,
	 * 공무원평가, 외부전문가(김OO)): each becomes a row per source. Empty for the long layout.
	 */
	sources: SourceColumn[];
}

/** The fields a source column gives each of its rows, with the sources side by side. */
export const SOURCE_FIELDS = ['evaluator_type', 'evaluator_id', 'score'] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

/** A column of one source's scores, in an evaluations file with the sources side by side. */
export interface SourceColumn {
	index: number;
	source: EvaluatorType;
	/** The evaluator named in the header, `외부전문가(김OO)` → 김OO; null when none is. */
	evaluatorId: string | null;
}

/**
 * The source a header names, with the evaluator in brackets if any: 자체평가, 공무원 점수,
 * 외부전문가(김OO), expert. Null for any other header.
 */
export function parseSourceHeader(header: string): Omit<SourceColumn, 'index'> | null {
	const match = /^(.*?)[(（]([^)）]*)[)）]\s*$/.exec(header.normalize('NFC').trim());
	const name = match ? match[1]! : header;
	const evaluatorId = match ? match[2]!.trim() || null : null;
	const key = normalizeHeader(name).replace(/점수$|score$/, '');
	const source = EVALUATOR_TYPES.find((type) =>
		EVALUATOR_TYPE_ALIASES[type].some((alias) => normalizeHeader(alias) === key)
	);
	return source ? { source, evaluatorId } : null;
}

/** Columns a person assigned by hand: field to column index in the header row. */
export type ColumnOverrides = Partial<Record<Field, number>>;

/**
 * Recognizes a header row as evaluations or budget; `null` when it looks like neither. A kind
 * whose required fields are all there wins, then the one whose distinctive fields matched best.
 */
export function mapColumns(
	header: readonly string[],
	overrides: ColumnOverrides = {}
): ColumnMapping | null {
	const scored = FILE_KINDS.map((kind) => mapColumnsAs(kind, header, overrides))
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
	// Source columns stand for the source and the score.
	const sides = mapping.sources.length > 0 ? 2 : 0;
	return distinctive.filter((field) => mapping.columns[field] !== undefined).length + sides;
}

/** Maps a header row as the given kind, then applies the columns assigned by hand. */
export function mapColumnsAs(
	kind: FileKind,
	header: readonly string[],
	overrides: ColumnOverrides = {}
): ColumnMapping {
	const spec: Record<string, FieldSpec> = FIELD_SPECS[kind];
	const columns = matchAliases(spec, header);
	applyOverrides(columns, spec, header.length, overrides);
	const sources = kind === 'evaluations' ? findSourceColumns(header, columns) : [];
	const used = new Set([...Object.values(columns), ...sources.map((column) => column.index)]);
	const unmapped = header.filter((cell, index) => !used.has(index) && normalizeHeader(cell) !== '');
	// Side by side, the source, the evaluator and the score come from the source columns.
	const fromSources: readonly Field[] = sources.length ? SOURCE_FIELDS : [];
	const missing = Object.keys(spec).filter(
		(name) =>
			spec[name]!.required &&
			columns[name as Field] === undefined &&
			!fromSources.includes(name as Field)
	) as Field[];
	return { kind, columns, missing, unmapped, sources };
}

/**
 * The source columns of an evaluations header that has neither a source nor a score column:
 * the wide layout. A header with either is the long layout, and has none.
 */
function findSourceColumns(
	header: readonly string[],
	columns: Partial<Record<Field, number>>
): SourceColumn[] {
	if (columns.evaluator_type !== undefined || columns.score !== undefined) return [];
	const taken = new Set(Object.values(columns));
	return header.flatMap((cell, index) => {
		if (taken.has(index)) return [];
		const parsed = parseSourceHeader(cell);
		return parsed ? [{ index, ...parsed }] : [];
	});
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
