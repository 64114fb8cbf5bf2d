import type { BudgetField, ColumnMapping, EvaluationField, Field } from './columns';

/**
 * Pure SQL builders for one import. Column names in the staged table are generated here
 * (`c0`, `c1`, …), never taken from a CSV header; every value is bound with `?`.
 */

/** Staged table name for an import; the suffix is a counter the importer owns. */
export function stagedTableName(serial: number): string {
	if (!Number.isSafeInteger(serial) || serial < 0) throw new Error('bad serial');
	return `staged_${serial}`;
}

function columnName(index: number): string {
	if (!Number.isSafeInteger(index) || index < 0) throw new Error('bad column index');
	return `c${index}`;
}

/**
 * Reads the registered file as text into a staged table, one VARCHAR column per header cell,
 * with the file's own line number. Params: path, lines to skip, delimiter, first data line.
 */
export function buildStageSql(table: string, columnCount: number) {
	const names = Array.from({ length: columnCount }, (_, i) => `'${columnName(i)}'`).join(', ');
	return `CREATE OR REPLACE TEMP TABLE ${table} AS
		SELECT (row_number() OVER ())::INTEGER + ? AS line, *
		FROM read_csv(?, header=false, skip=?, delim=?, quote='"', escape='"',
			all_varchar=true, null_padding=true, names=[${names}])`;
}

/** Expression reading one field's raw text from the staged row; NULL when the file lacks it. */
function raw(mapping: ColumnMapping, field: Field): string {
	const index = mapping.columns[field];
	return index === undefined ? 'NULL::VARCHAR' : columnName(index);
}

/** One check: the field it is about, an error code, and the SQL condition that flags a row. */
interface Check {
	field: Field;
	code: IssueCode;
	when: string;
	/** Extra value for the message, e.g. the 배점 a score exceeds. */
	detail?: string;
}

/** Why a row was refused; turned into a sentence by the i18n layer. */
export type IssueCode =
	| 'missing'
	| 'invalid-year'
	| 'unknown-district'
	| 'unknown-evaluator-type'
	| 'invalid-number'
	| 'negative'
	| 'not-positive'
	| 'score-above-max';

/** The typed projection of an evaluations file, plus each field's raw text for messages. */
export function buildEvaluationTypedSql(staged: string, mapping: ColumnMapping): string {
	const r = (field: EvaluationField) => raw(mapping, field);
	return `SELECT s.line,
		${r('year')} AS year_raw, TRY_CAST(clean_number(${r('year')}) AS INTEGER) AS year,
		${r('district')} AS district_raw, da.code AS district_code,
		${r('evaluator_type')} AS evaluator_type_raw, ta.evaluator_type AS evaluator_type,
		clean_text(${r('evaluator_id')}) AS evaluator_id,
		${r('area')} AS area_raw, clean_text(${r('area')}) AS area,
		${r('indicator')} AS indicator_raw, clean_text(${r('indicator')}) AS indicator,
		${r('score')} AS score_raw, clean_number(${r('score')}) AS score,
		${r('max_score')} AS max_score_raw, clean_number(${r('max_score')}) AS max_score
	FROM ${staged} s
	LEFT JOIN district_aliases da ON da.alias = match_key(${r('district')})
	LEFT JOIN evaluator_type_aliases ta ON ta.alias = match_key(${r('evaluator_type')})`;
}

/** The typed projection of a budget file. */
export function buildBudgetTypedSql(staged: string, mapping: ColumnMapping): string {
	const r = (field: BudgetField) => raw(mapping, field);
	return `SELECT s.line,
		${r('year')} AS year_raw, TRY_CAST(clean_number(${r('year')}) AS INTEGER) AS year,
		${r('district')} AS district_raw, da.code AS district_code,
		${r('program')} AS program_raw, clean_text(${r('program')}) AS program,
		${r('item')} AS item_raw, clean_text(${r('item')}) AS item,
		clean_text(${r('budget_code')}) AS budget_code,
		${r('planned')} AS planned_raw, clean_won(${r('planned')}) AS planned,
		${r('spent')} AS spent_raw, clean_won(${r('spent')}) AS spent,
		clean_text(${r('basis')}) AS basis
	FROM ${staged} s
	LEFT JOIN district_aliases da ON da.alias = match_key(${r('district')})`;
}

const YEAR_CHECKS: Check[] = [
	{ field: 'year', code: 'missing', when: 'clean_text(year_raw) IS NULL' },
	{
		field: 'year',
		code: 'invalid-year',
		when: 'clean_text(year_raw) IS NOT NULL AND (year IS NULL OR year NOT BETWEEN 2000 AND 2100)'
	},
	{ field: 'district', code: 'missing', when: 'clean_text(district_raw) IS NULL' },
	{
		field: 'district',
		code: 'unknown-district',
		when: 'clean_text(district_raw) IS NOT NULL AND district_code IS NULL'
	}
];

function requiredText(field: Field): Check {
	return { field, code: 'missing', when: `${field} IS NULL` };
}

function numberChecks(field: Field, { positive }: { positive: boolean }): Check[] {
	return [
		{ field, code: 'missing', when: `clean_text(${field}_raw) IS NULL` },
		{
			field,
			code: 'invalid-number',
			when: `clean_text(${field}_raw) IS NOT NULL AND ${field} IS NULL`
		},
		positive
			? { field, code: 'not-positive', when: `${field} <= 0` }
			: { field, code: 'negative', when: `${field} < 0` }
	];
}

const EVALUATION_CHECKS: Check[] = [
	...YEAR_CHECKS,
	{ field: 'evaluator_type', code: 'missing', when: 'clean_text(evaluator_type_raw) IS NULL' },
	{
		field: 'evaluator_type',
		code: 'unknown-evaluator-type',
		when: 'clean_text(evaluator_type_raw) IS NOT NULL AND evaluator_type IS NULL'
	},
	requiredText('area'),
	requiredText('indicator'),
	...numberChecks('score', { positive: false }),
	...numberChecks('max_score', { positive: true }),
	{
		field: 'score',
		code: 'score-above-max',
		when: 'score > max_score AND max_score > 0',
		detail: 'max_score_raw'
	}
];

const BUDGET_CHECKS: Check[] = [
	...YEAR_CHECKS,
	requiredText('program'),
	requiredText('item'),
	...numberChecks('planned', { positive: false }),
	...numberChecks('spent', { positive: false })
];

/**
 * Every problem in the typed rows, one row per (line, field, code), in file order. Returns
 * `line, field, value, code, detail`.
 */
export function buildIssuesSql(kind: ColumnMapping['kind'], typed: string): string {
	const checks = kind === 'evaluations' ? EVALUATION_CHECKS : BUDGET_CHECKS;
	const parts = checks.map(
		(check) =>
			`SELECT line, '${check.field}' AS field, ${check.field}_raw AS value,
				'${check.code}' AS code, ${check.detail ?? 'NULL::VARCHAR'} AS detail
			FROM ${typed} WHERE ${check.when}`
	);
	return `SELECT * FROM (${parts.join('\nUNION ALL\n')}) ORDER BY line, field LIMIT ?`;
}

/** Counts the problem rows in total (the list above is capped). */
export function buildIssueCountSql(kind: ColumnMapping['kind'], typed: string): string {
	const checks = kind === 'evaluations' ? EVALUATION_CHECKS : BUDGET_CHECKS;
	return `SELECT count(*)::INTEGER AS n FROM ${typed} WHERE ${checks
		.map((check) => `(${check.when})`)
		.join(' OR ')}`;
}

/** Moves the checked rows into the dataset table. Param: the file id. */
export function buildInsertSql(kind: ColumnMapping['kind'], typed: string): string {
	return kind === 'evaluations'
		? `INSERT INTO evaluations SELECT ?, line, year, district_code, evaluator_type,
			evaluator_id, area, indicator, score, max_score FROM ${typed}`
		: `INSERT INTO budget SELECT ?, line, year, district_code, program, item, budget_code,
			planned, spent, basis FROM ${typed}`;
}
