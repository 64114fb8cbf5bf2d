import type { SqlParam } from '$lib/engine/types';
import {
	FIELD_SPECS,
	type ColumnMapping,
	type Field,
	type FileKind,
	type SourceColumn,
	type SourceField,
	SOURCE_FIELDS
} from './columns';
import { encodeSegments, type LineSegments } from './records';

/**
 * Pure SQL builders for one import. Table and column names are generated here (`staged_3`,
 * `c0`, `c1`, …) or come from the allowlists below, never from a CSV header; every value from
 * the file or the person is bound with `?`.
 */

/** The dataset table each kind of file goes into. */
const DATASET_TABLES: Record<FileKind, string> = { evaluations: 'evaluations', budget: 'budget' };

/** How an import treats the rows already loaded. */
export type ImportMode = 'add' | 'replace-years' | 'replace-all';

/** The temporary tables of one import, named after a counter the importer owns. */
export interface ImportTables {
	/** The file's cells as text, with the line each row is on. */
	staged: string;
	/** Rows DuckDB could not read: a stray quote, a line over 2 MB. */
	rejects: string;
	rejectsScan: string;
	/** Clean text, typed values, and an `invalid` flag per row. */
	typed: string;
}

/** Names the temporary tables of import number `serial`. */
export function importTables(serial: number): ImportTables {
	if (!Number.isSafeInteger(serial) || serial < 0) throw new Error('bad serial');
	const staged = `staged_${serial}`;
	return {
		staged,
		rejects: `${staged}_rejects`,
		rejectsScan: `${staged}_rejects_scan`,
		typed: `${staged}_typed`
	};
}

function columnName(index: number): string {
	if (!Number.isSafeInteger(index) || index < 0) throw new Error('bad column index');
	return `c${index}`;
}

/** A statement and the values for its `?` placeholders, in order. */
export interface BoundSql {
	sql: string;
	params: SqlParam[];
}

/**
 * Reads the registered data (the lines after the header) as text into the staged table, one
 * VARCHAR column per column to read (the header's, and any past it that some line fills), with
 * each row's line in the file. The dialect is given, not sniffed: DuckDB's sniffer refuses some
 * files papaparse already read (a line of spaces). A row DuckDB cannot read goes to the rejects
 * table instead of failing the read. Rows with every cell blank (Excel writes `,,,,` for
 * formatted empty rows) are left out. Lines come from the segments of `mapRecordLines`; with
 * one segment, a sum does.
 */
export function buildStageSql(
	tables: ImportTables,
	columnCount: number,
	source: {
		path: string;
		delimiter: string;
		segments: LineSegments;
		sources?: readonly SourceColumn[];
	}
): BoundSql {
	const names = Array.from({ length: columnCount }, (_, i) => columnName(i));
	const columns = names.map((name) => `'${name}': 'VARCHAR'`).join(', ');
	const long = sourcesToRows(names, source.sources ?? []);
	const read = `SELECT (row_number() OVER ())::INTEGER - 1 AS record, *
		FROM read_csv(?, auto_detect=false, header=false, delim=?, quote='"', escape='"',
			new_line='\\n', columns={${columns}}, null_padding=true, parallel=false,
			store_rejects=true, rejects_table='${tables.rejects}',
			rejects_scan='${tables.rejectsScan}')`;
	// Most rows start with a visible character; only the others are searched for one (\S: not
	// tab, line feed, form feed, carriage return or space).
	const notBlank = `(NOT list_contains([9, 10, 12, 13, 32], ord(c0))
		OR regexp_matches(concat(${names.join(', ')}), '\\S'))`;
	const select = `CREATE OR REPLACE TEMP TABLE ${tables.staged} AS WITH raw AS (${read})`;
	const [first] = source.segments;
	if (source.segments.length === 1 && first) {
		return {
			sql: `${select}, wide AS (SELECT (record + ?)::INTEGER AS line, ${names.join(', ')}
				FROM raw WHERE ${notBlank})
				${long.sql}`,
			params: [source.path, source.delimiter, first[1] - first[0], ...long.params]
		};
	}
	return {
		sql: `${select}, segment AS (
				SELECT split_part(p, ':', 1)::INTEGER AS record, split_part(p, ':', 2)::INTEGER AS line
				FROM unnest(string_split(?, ',')) AS t(p)),
			wide AS (SELECT (g.line + r.record - g.record)::INTEGER AS line, ${names.join(', ')}
			FROM raw r ASOF JOIN segment g ON r.record >= g.record
			WHERE ${notBlank})
			${long.sql}`,
		params: [source.path, source.delimiter, encodeSegments(source.segments), ...long.params]
	};
}

/**
 * The staged rows from the `wide` ones: as they are (`slot` 0) for the long layout; with the
 * sources side by side, one row per source cell that holds a score (`slot`: the source column's
 * place in `sources`), unpivoted by DuckDB. The source, the evaluator named in its header and
 * the score then stand in three columns past the file's own ({@link sourceFieldIndexes}), so
 * every later step reads a long row. A cell left blank (or written -) is a source that did not
 * score that row.
 */
function sourcesToRows(names: readonly string[], sources: readonly SourceColumn[]): BoundSql {
	if (sources.length === 0)
		return { sql: `SELECT line, 0 AS slot, * EXCLUDE (line) FROM wide`, params: [] };
	const at = sourceFieldIndexes(names.length);
	const fields = {
		evaluator_type: columnName(at.evaluator_type),
		evaluator_id: columnName(at.evaluator_id),
		score: columnName(at.score)
	};
	const unpivoted = sources.map(({ index }) => columnName(index));
	const kept = names.filter((name) => !unpivoted.includes(name));
	const slotOf = `CASE source_column ${unpivoted.map((name, slot) => `WHEN '${name}' THEN ${slot}`).join(' ')} END`;
	// The source is one of EVALUATOR_TYPES (an allowlist); the evaluator comes from the header,
	// so it is bound.
	const typeOf = `CASE source_column ${sources
		.map(({ source }, slot) => `WHEN '${unpivoted[slot]}' THEN '${source}'`)
		.join(' ')} END`;
	const evaluatorOf = `CASE source_column ${unpivoted.map((name) => `WHEN '${name}' THEN ?::VARCHAR`).join(' ')} END`;
	return {
		sql: `SELECT line, (${slotOf})::INTEGER AS slot, ${kept.map((name) => `${name}, `).join('')}
				${typeOf} AS ${fields.evaluator_type}, ${evaluatorOf} AS ${fields.evaluator_id},
				score_cell AS ${fields.score}
			FROM (UNPIVOT wide ON ${unpivoted.join(', ')} INTO NAME source_column VALUE score_cell)
			WHERE clean_cell(score_cell) IS NOT NULL`,
		params: sources.map(({ evaluatorId }) => evaluatorId)
	};
}

/** Where the fields of an unpivoted row stand: column indexes just past the file's own. */
function sourceFieldIndexes(columnCount: number): Record<SourceField, number> {
	return Object.fromEntries(
		SOURCE_FIELDS.map((field, offset) => [field, columnCount + offset])
	) as Record<SourceField, number>;
}

/**
 * The mapping the typed step reads: with the sources side by side, the source, evaluator and
 * score fields point at the unpivoted columns.
 */
export function readMapping(mapping: ColumnMapping, columnCount: number): ColumnMapping {
	if (mapping.sources.length === 0) return mapping;
	return { ...mapping, columns: { ...mapping.columns, ...sourceFieldIndexes(columnCount) } };
}

/** Where DuckDB found each problem it rejected a row for: `position`, a byte offset. */
export function buildRejectPositionsSql(tables: ImportTables): string {
	return `SELECT DISTINCT byte_position::DOUBLE AS position FROM ${tables.rejects}`;
}

/**
 * Rows DuckDB rejected, in file order, with the first problem of each (DuckDB's own `line`
 * tells its records apart, though it is not the line in the file). Returns `position` (byte),
 * `error_type`, `text`. Param: how many.
 */
export function buildRejectsSql(tables: ImportTables): string {
	return `SELECT min(byte_position)::DOUBLE AS position,
			arg_min(error_type, byte_position)::VARCHAR AS error_type,
			left(ltrim(arg_min(csv_line, byte_position), chr(10)), 200) AS text
		FROM ${tables.rejects} GROUP BY line ORDER BY position LIMIT ?`;
}

/** Expression reading one field's raw text from the staged row; NULL when the file lacks it. */
function raw(mapping: ColumnMapping, field: Field): string {
	const index = mapping.columns[field];
	return index === undefined ? 'NULL::VARCHAR' : columnName(index);
}

/** Fields whose value is their clean text; the others are parsed from `<field>_text`. */
const TEXT_FIELDS: ReadonlySet<Field> = new Set<Field>([
	'evaluator_id',
	'area',
	'indicator',
	'program',
	'item',
	'budget_code',
	'basis'
]);

/**
 * Each field's clean text (trimmed, NULL for -, #N/A, …), computed once per cell: as the field
 * itself for text fields, as `<field>_text` for those parsed further. The raw text is not kept
 * (a narrower typed table is written faster); messages read it from the staged table.
 */
function cellsSql(staged: string, mapping: ColumnMapping, shape: TableShape): string {
	const cells = (Object.keys(FIELD_SPECS[mapping.kind]) as Field[]).map((field) => {
		const name = TEXT_FIELDS.has(field) ? field : `${field}_text`;
		return `clean_cell(${raw(mapping, field)}) AS ${name}`;
	});
	return `SELECT line, slot, ${cells.join(', ')}, ${overflowSql(shape)} AS overflow FROM ${staged}`;
}

/** How many cells the header has, and how many columns were read. */
export interface TableShape {
	headerWidth: number;
	columnCount: number;
}

/** The cells past the header's last column, joined; NULL when there are none or all are empty. */
function overflowSql({ headerWidth, columnCount }: TableShape): string {
	if (columnCount <= headerWidth) return 'NULL::VARCHAR';
	const extra = Array.from({ length: columnCount - headerWidth }, (_, i) =>
		columnName(headerWidth + i)
	);
	return `nullif(trim(concat_ws(' ', ${extra.join(', ')})), '')`;
}

/**
 * Joins the alias table that names a field's value (`${as}.code`, `${as}.evaluator_type`). A
 * file writes a few dozen distinct names a million times: each distinct cell is cleaned and
 * keyed once, and the rows are joined by their clean text (four times faster than keying
 * every row).
 */
function aliasJoin(
	staged: string,
	mapping: ColumnMapping,
	field: 'district' | 'evaluator_type',
	aliases: 'district_aliases' | 'evaluator_type_aliases',
	as: string
): string {
	const written = `SELECT DISTINCT clean_cell(v) AS text
		FROM (SELECT DISTINCT ${raw(mapping, field)} AS v FROM ${staged})`;
	return `LEFT JOIN (SELECT w.text, a.* FROM (${written}) w
		JOIN ${aliases} a ON a.alias = cell_key(w.text)) ${as} ON ${as}.text = c.${field}_text`;
}

// A year is a whole number: 2019.5 is not rounded to 2020.
const YEAR = `TRY_CAST(CASE WHEN parse_number(year_text) % 1 = 0 THEN parse_number(year_text) END
	AS INTEGER) AS year`;

/** The typed projection of an evaluations file, with the clean text of the parsed fields. */
export function buildEvaluationTypedSql(
	staged: string,
	mapping: ColumnMapping,
	shape: TableShape
): string {
	return `SELECT c.*, ${YEAR}, da.code AS district_code, ta.evaluator_type AS evaluator_type,
		parse_number(score_text) AS score, parse_number(max_score_text) AS max_score
	FROM (${cellsSql(staged, mapping, shape)}) c
	${aliasJoin(staged, mapping, 'district', 'district_aliases', 'da')}
	${aliasJoin(staged, mapping, 'evaluator_type', 'evaluator_type_aliases', 'ta')}`;
}

/** The typed projection of a budget file. */
export function buildBudgetTypedSql(
	staged: string,
	mapping: ColumnMapping,
	shape: TableShape
): string {
	return `SELECT c.*, ${YEAR}, da.code AS district_code, parse_won(planned_text) AS planned,
		parse_won(spent_text) AS spent
	FROM (${cellsSql(staged, mapping, shape)}) c
	${aliasJoin(staged, mapping, 'district', 'district_aliases', 'da')}`;
}

/** One check: the field it is about, an error code, and the SQL condition that flags a row. */
interface Check {
	/** The field it is about; null for a check on the whole row. */
	field: Field | null;
	code: IssueCode;
	when: string;
	/** The text shown as the value; the field's raw text by default. */
	value?: string;
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
	| 'score-above-max'
	| 'duplicate-row'
	| 'already-loaded'
	| 'too-many-columns';

/** What makes two rows of one file the same observation; optional parts may be NULL. */
const DUPLICATE_KEYS: Record<FileKind, { required: string[]; optional: string[] }> = {
	evaluations: {
		required: ['year', 'district_code', 'evaluator_type', 'indicator'],
		optional: ['evaluator_id']
	},
	budget: { required: ['year', 'district_code', 'program', 'item'], optional: ['budget_code'] }
};

const YEAR_CHECKS: Check[] = [
	{ field: 'year', code: 'missing', when: 'year_text IS NULL' },
	{
		field: 'year',
		code: 'invalid-year',
		when: 'year_text IS NOT NULL AND (year IS NULL OR year NOT BETWEEN 2000 AND 2100)'
	},
	{ field: 'district', code: 'missing', when: 'district_text IS NULL' },
	{
		field: 'district',
		code: 'unknown-district',
		when: 'district_text IS NOT NULL AND district_code IS NULL'
	}
];

function requiredText(field: Field): Check {
	return { field, code: 'missing', when: `${field} IS NULL` };
}

function numberChecks(field: Field, { positive }: { positive: boolean }): Check[] {
	return [
		{ field, code: 'missing', when: `${field}_text IS NULL` },
		{
			field,
			code: 'invalid-number',
			when: `${field}_text IS NOT NULL AND ${field} IS NULL`
		},
		positive
			? { field, code: 'not-positive', when: `${field} <= 0` }
			: { field, code: 'negative', when: `${field} < 0` }
	];
}

/** A later row with the key of an earlier one; the detail names the first row's line. */
function duplicateCheck(field: Field): Check {
	return {
		field,
		code: 'duplicate-row',
		when: 'first_line < line',
		detail: 'first_line::VARCHAR'
	};
}

/** Cells past the header's last column: the row does not fit the header. */
const OVERFLOW_CHECK: Check = {
	field: null,
	code: 'too-many-columns',
	when: 'overflow IS NOT NULL',
	value: 'overflow'
};

const CHECKS: Record<FileKind, Check[]> = {
	evaluations: [
		OVERFLOW_CHECK,
		...YEAR_CHECKS,
		{ field: 'evaluator_type', code: 'missing', when: 'evaluator_type_text IS NULL' },
		{
			field: 'evaluator_type',
			code: 'unknown-evaluator-type',
			when: 'evaluator_type_text IS NOT NULL AND evaluator_type IS NULL'
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
		},
		duplicateCheck('indicator')
	],
	budget: [
		OVERFLOW_CHECK,
		...YEAR_CHECKS,
		requiredText('program'),
		requiredText('item'),
		...numberChecks('planned', { positive: false }),
		...numberChecks('spent', { positive: false }),
		duplicateCheck('item')
	]
};

/**
 * Creates the typed table: the typed projection, the line of the first row with the same key
 * when there is more than one (`first_line`), and `invalid`, true when any check flags the row.
 * Duplicates are found by grouping and joining back: a window over the key sorts the whole file
 * and took ten times as long.
 */
export function buildTypedTableSql(
	tables: ImportTables,
	mapping: ColumnMapping,
	shape: TableShape
): string {
	const kind = mapping.kind;
	const projection =
		kind === 'evaluations'
			? buildEvaluationTypedSql(tables.staged, mapping, shape)
			: buildBudgetTypedSql(tables.staged, mapping, shape);
	const { required, optional } = DUPLICATE_KEYS[kind];
	const key = [...required, ...optional].join(', ');
	const complete = required.map((column) => `${column} IS NOT NULL`).join(' AND ');
	const invalid = CHECKS[kind].map((check) => `(${check.when})`).join(' OR ');
	return `CREATE OR REPLACE TEMP TABLE ${tables.typed} AS
		WITH t AS (${projection}),
		d AS (SELECT ${key}, min(line) AS first_line FROM t WHERE ${complete}
			GROUP BY ${key} HAVING count(*) > 1)
		SELECT *, coalesce(${invalid}, false) AS invalid
		FROM (SELECT t.*, d.first_line FROM t LEFT JOIN d ON ${sameKey(kind)})`;
}

/** Rows read and rows flagged: `rows`, `invalid`. */
export function buildCountsSql(tables: ImportTables): string {
	return `SELECT count(*)::INTEGER AS rows, count(*) FILTER (WHERE invalid)::INTEGER AS invalid
		FROM ${tables.typed}`;
}

/**
 * Every problem in the typed rows, one row per (line, field, code), in file order, with the
 * cell as written (`<field>_raw`, from the staged table). Returns `line, field, value, code,
 * detail`. Param: how many to list.
 */
export function buildIssuesSql(tables: ImportTables, mapping: ColumnMapping): string {
	const rawCells = Object.keys(FIELD_SPECS[mapping.kind])
		.map((field) => `${raw(mapping, field as Field)} AS ${field}_raw`)
		.join(', ');
	const parts = CHECKS[mapping.kind].map(
		(check) =>
			`SELECT line, slot, ${check.field ? `'${check.field}'` : 'NULL::VARCHAR'} AS field,
				${check.value ?? `${check.field}_raw`} AS value,
				'${check.code}' AS code, ${check.detail ?? 'NULL::VARCHAR'} AS detail
			FROM bad WHERE ${check.when}`
	);
	return `WITH bad AS (
			SELECT t.*, ${rawCells} FROM ${tables.typed} t
			JOIN ${tables.staged} s ON s.line = t.line AND s.slot = t.slot
			WHERE t.invalid)
		SELECT * FROM (${parts.join('\nUNION ALL\n')}) ORDER BY line, slot, field NULLS FIRST LIMIT ?`;
}

/**
 * Removes the rows an import replaces, or null when it adds: every row of the kind, or those
 * of the years the imported rows have.
 */
export function buildDeleteSql(kind: FileKind, mode: ImportMode, typed: string): string | null {
	const table = DATASET_TABLES[kind];
	if (mode === 'replace-all') return `DELETE FROM ${table}`;
	if (mode === 'replace-years') {
		return `DELETE FROM ${table} WHERE year IN (SELECT DISTINCT year FROM ${typed} WHERE NOT invalid)`;
	}
	return null;
}

/** The condition that row `d` has the key of row `t` (DUPLICATE_KEYS); optional parts may be NULL. */
function sameKey(kind: FileKind): string {
	const { required, optional } = DUPLICATE_KEYS[kind];
	return [
		...required.map((column) => `d.${column} = t.${column}`),
		...optional.map((column) => `d.${column} IS NOT DISTINCT FROM t.${column}`)
	].join(' AND ');
}

/** The field an overlap is reported on: the last part of the key staff recognise a row by. */
export const OVERLAP_FIELD: Record<FileKind, 'indicator' | 'item'> = {
	evaluations: 'indicator',
	budget: 'item'
};

/**
 * Valid rows of the file whose key a loaded row already has: added on top they would count twice.
 * Each with the line of the first such loaded row, in file order; `total` counts them all.
 * Param: the largest number of rows to list.
 */
export function buildOverlapSql(kind: FileKind, typed: string, setAsideSample: boolean): string {
	const table = DATASET_TABLES[kind];
	const field = OVERLAP_FIELD[kind];
	// The sample's rows, when set aside, are deleted before the insert: they overlap nothing.
	const kept = `${sameKey(kind)}${setAsideSample ? ` AND d.file_id NOT IN (${SAMPLE_FILE_IDS})` : ''}`;
	return `SELECT t.line::INTEGER AS line, t.${field} AS value,
			(SELECT min(d.line) FROM ${table} d WHERE ${kept})::INTEGER AS loaded_line,
			count(*) OVER ()::INTEGER AS total
		FROM ${typed} t
		WHERE NOT t.invalid AND EXISTS (SELECT 1 FROM ${table} d WHERE ${kept})
		ORDER BY t.line
		LIMIT ?`;
}

/** The ids of the shipped sample's files, as `importSample` records them. */
const SAMPLE_FILE_IDS = 'SELECT file_id FROM sample_files';

/** Deletes the sample's rows of this kind, to make way for staff's own file. */
export function buildDeleteSampleSql(kind: FileKind): string {
	return `DELETE FROM ${DATASET_TABLES[kind]} WHERE file_id IN (${SAMPLE_FILE_IDS})`;
}

/** Deletes the loaded rows a file's valid rows replace (its overlaps), before they are inserted. */
export function buildDeleteOverlapsSql(kind: FileKind, typed: string): string {
	const table = DATASET_TABLES[kind];
	return `DELETE FROM ${table} d
		WHERE EXISTS (SELECT 1 FROM ${typed} t WHERE NOT t.invalid AND ${sameKey(kind)})`;
}

/** Moves the valid rows into the dataset table. Param: the file id. */
export function buildInsertSql(kind: FileKind, typed: string): string {
	return kind === 'evaluations'
		? `INSERT INTO evaluations SELECT ?, line, year, district_code, evaluator_type,
			evaluator_id, area, indicator, score, max_score FROM ${typed} WHERE NOT invalid`
		: `INSERT INTO budget SELECT ?, line, year, district_code, program, item, budget_code,
			planned, spent, basis FROM ${typed} WHERE NOT invalid`;
}

/** Drops the temporary tables of one import. */
export function buildDropSql(tables: ImportTables): string[] {
	return [tables.typed, tables.staged, tables.rejects, tables.rejectsScan].map(
		(table) => `DROP TABLE IF EXISTS ${table}`
	);
}

/**
 * The first rows of the typed table in file order, each field as the file wrote it (cleaned),
 * for a preview. Param: how many.
 */
export function buildPreviewSql(tables: ImportTables): string {
	return `SELECT line, year_text AS year, district_text AS district,
			evaluator_type, evaluator_id, area, indicator, score_text AS score,
			max_score_text AS max_score
		FROM ${tables.typed} ORDER BY line, slot LIMIT ?`;
}
