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
}

/** Recognizes a header row as evaluations or budget; `null` when it looks like neither. */
export function mapColumns(header: readonly string[]): ColumnMapping | null {
	const candidates = FILE_KINDS.map((kind) => mapColumnsAs(kind, header));
	// The kind whose distinctive fields matched best wins: score/max_score vs planned/spent.
	const scored = candidates
		.map((mapping) => ({ mapping, hits: distinctiveHits(mapping) }))
		.sort((a, b) => b.hits - a.hits);
	const best = scored[0];
	if (!best || best.hits === 0) return null;
	return best.mapping;
}

function distinctiveHits(mapping: ColumnMapping): number {
	const distinctive: readonly Field[] =
		mapping.kind === 'evaluations'
			? ['evaluator_type', 'indicator', 'score', 'max_score']
			: ['program', 'planned', 'spent'];
	return distinctive.filter((field) => mapping.columns[field] !== undefined).length;
}

/** Maps a header row as the given kind. */
export function mapColumnsAs(kind: FileKind, header: readonly string[]): ColumnMapping {
	const spec: Record<string, FieldSpec> = FIELD_SPECS[kind];
	const columns: Partial<Record<Field, number>> = {};
	const unmapped: string[] = [];
	header.forEach((cell, index) => {
		const key = normalizeHeader(cell);
		const field = Object.keys(spec).find(
			(name) =>
				columns[name as Field] === undefined &&
				spec[name]!.aliases.some((alias) => normalizeHeader(alias) === key)
		) as Field | undefined;
		if (field) columns[field] = index;
		else if (key !== '') unmapped.push(cell);
	});
	const missing = Object.keys(spec).filter(
		(name) => spec[name]!.required && columns[name as Field] === undefined
	) as Field[];
	return { kind, columns, missing, unmapped };
}
