import type { SqlParam } from '$lib/engine/types';
import { FIELD_SPECS, type ColumnMapping, type Field, type FileKind } from './columns';
import { SUBTOTAL_LABELS, TOTAL_LABELS } from './headers';
import { encodeSegments, type LineSegments } from './records';

/**
 * Pure SQL builders for one import. Table and column names are generated here (`staged_3`,
 * `c0`, `c1`, …) or come from the allowlists below, never from a CSV header; every value from
 * the file or the person is bound with `?`.
 */

/** The dataset table each kind of file goes into. */
export const DATASET_TABLES: Record<FileKind, string> = {
	evaluations: 'evaluations',
	budget: 'budget'
};

/** How an import treats the rows already loaded. */
export type ImportMode = 'add' | 'replace-years' | 'replace-all';

/** The temporary tables of one import, named after a counter the importer owns. */
export interface ImportTables {
	/** The file's cells as text, with the line each row is on; long rows, one value each. */
	staged: string;
	/** A wide layout's rows as the file has them, before they are unpivoted into `staged`. */
	wide: string;
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
		wide: `${staged}_wide`,
		rejects: `${staged}_rejects`,
		rejectsScan: `${staged}_rejects_scan`,
		typed: `${staged}_typed`
	};
}

export function columnName(index: number): string {
	if (!Number.isSafeInteger(index) || index < 0) throw new Error('bad column index');
	return `c${index}`;
}

/** A statement and the values for its `?` placeholders, in order. */
export interface BoundSql {
	sql: string;
	params: SqlParam[];
}

/**
 * Reads the registered data as text ({@link linedReadSql}), one VARCHAR column per column to
 * read (the header's, and any past it that some line fills), with each row's line in the file
 * and whether it is a total (`total`: 'sub' for 소계, 'grand' for 합계, NULL for data). Rows with
 * every cell blank (Excel writes `,,,,` for formatted empty rows) are left out.
 *
 * The long layout is staged as read (`slot` 0). A wide one is read into `wide` first, as the
 * file has it (totals are checked there), then unpivoted by DuckDB into one staged row per
 * group of each data row ({@link groupsToRows}). Either way, the values a whole table takes
 * (a crosstab's year and source) and every field a group gives stand in columns past the file's
 * own ({@link readMapping}), and for budget files `scale_planned`, `scale_spent` say what a bare
 * amount is worth.
 */
export function buildStageSql(
	tables: ImportTables,
	columnCount: number,
	source: {
		path: string;
		delimiter: string;
		segments: LineSegments;
		mapping: ColumnMapping;
	}
): BoundSql[] {
	const names = Array.from({ length: columnCount }, (_, i) => columnName(i));
	// Most rows start with a visible character; only the others are searched for one (\S: not
	// tab, line feed, form feed, carriage return or space).
	const notBlank = `(NOT list_contains([9, 10, 12, 13, 32], ord(c0))
		OR regexp_matches(concat(${names.join(', ')}), '\\S'))`;
	const { mapping } = source;
	const given = givenSql(mapping, columnCount);
	const long = mapping.wide === null;
	// The long layout's rows are staged as read; a wide layout's are unpivoted from `wide`.
	const extra = long ? `, 0 AS slot${given.sql}${longScalesSql(mapping)}` : '';
	const read = linedReadSql(tables, {
		...source,
		types: names.map(() => 'VARCHAR'),
		columns: `${totalSql(mapping)} AS total, ${names.join(', ')}${extra}`,
		where: notBlank,
		params: long ? given.params : []
	});
	const readSql: BoundSql = {
		sql: `CREATE OR REPLACE TEMP TABLE ${long ? tables.staged : tables.wide} AS ${read.sql}`,
		params: read.params
	};
	if (long) return [readSql];
	return [readSql, groupsToRows(tables, names, mapping, given)];
}

/**
 * A query of the registered data (the lines after the header) read with the given type per
 * column (`c0`, `c1`, …), each row with its line in the file: `SELECT line, <columns> FROM …
 * WHERE <where>`, where `columns` and `where` name the read columns bare. The dialect is given,
 * not sniffed: DuckDB's sniffer refuses some files papaparse already read (a line of spaces). A
 * row DuckDB cannot read (or cast) goes to the rejects table instead of failing the read. Lines
 * come from the segments of `mapRecordLines`; with one segment, a sum does. `thousands` reads
 * `1,456,200` as a number, as the regular expression of `parse_number` does.
 */
export function linedReadSql(
	tables: ImportTables,
	read: {
		path: string;
		delimiter: string;
		segments: LineSegments;
		types: readonly string[];
		columns: string;
		where?: string;
		thousands?: boolean;
		/** Values for placeholders in `columns`, in order. */
		params?: readonly SqlParam[];
	}
): BoundSql {
	const columns = read.types
		.map((type, index) => {
			if (!/^[A-Z]+$/.test(type)) throw new Error('bad column type');
			return `'${columnName(index)}': '${type}'`;
		})
		.join(', ');
	const raw = `SELECT (row_number() OVER ())::INTEGER - 1 AS record, *
		FROM read_csv(?, auto_detect=false, header=false, delim=?, quote='"', escape='"',
			new_line='\\n', columns={${columns}}, null_padding=true, parallel=false,
			${read.thousands ? "thousands=',', " : ''}store_rejects=true,
			rejects_table='${tables.rejects}', rejects_scan='${tables.rejectsScan}')`;
	const where = read.where ? `WHERE ${read.where}` : '';
	const params = read.params ?? [];
	const [first] = read.segments;
	if (read.segments.length === 1 && first) {
		return {
			sql: `WITH raw AS (${raw})
				SELECT (record + ?)::INTEGER AS line, ${read.columns} FROM raw ${where}`,
			params: [read.path, read.delimiter, first[1] - first[0], ...params]
		};
	}
	return {
		sql: `WITH raw AS (${raw}), segment AS (
				SELECT split_part(p, ':', 1)::INTEGER AS record,
					split_part(p, ':', 2)::INTEGER AS line
				FROM unnest(string_split(?, ',')) AS t(p))
			SELECT (g.line + r.record - g.record)::INTEGER AS line, ${read.columns}
			FROM raw r ASOF JOIN segment g ON r.record >= g.record ${where}`,
		params: [read.path, read.delimiter, encodeSegments(read.segments), ...params]
	};
}

/**
 * The cells a total's label is written in: the first columns (연도, 자치구) and the names
 * (영역, 지표, 사업명, 세부항목). Not the source, evaluator or 예산과목, which no export seen puts
 * one in: every column tested costs a little on every row.
 */
export const LABEL_FIELDS: readonly Field[] = [
	'year',
	'district',
	'area',
	'indicator',
	'program',
	'item'
];

/**
 * Whether a row sums others (`'sub'`, `'grand'`) or holds data (NULL): one of its label cells
 * reads 소계, or 합계/계/Total. The labels are an allowlist, written into the SQL. Every total
 * label is short and has 계 or otal in it, so a row is keyed only when a short label cell has
 * either: that test finds no match in almost every row and costs little, where keying every cell
 * doubled the read.
 */
function totalSql(mapping: ColumnMapping): string {
	const cells = LABEL_FIELDS.flatMap((field) => {
		const index = mapping.columns[field];
		return index === undefined ? [] : [columnName(index)];
	});
	if (cells.length === 0) return 'NULL::VARCHAR';
	// strlen is the stored length: a long name (사업계획 수립의 적정성) is passed over at once.
	const maybe = cells
		.map(
			(cell) =>
				`(strlen(${cell}) <= 12 AND (contains(${cell}, '계') OR contains(${cell}, 'otal') OR contains(${cell}, 'OTAL')))`
		)
		.join(' OR ');
	const list = (words: readonly string[]) => `[${words.map((word) => `'${word}'`).join(', ')}]`;
	const keys = `[${cells.map((cell) => `cell_key(trim(${cell}))`).join(', ')}]`;
	return `CASE WHEN NOT (${maybe}) THEN NULL
		WHEN list_has_any(${list(SUBTOTAL_LABELS)}, ${keys}) THEN 'sub'
		WHEN list_has_any(${list(TOTAL_LABELS)}, ${keys}) THEN 'grand' END`;
}

/** The values the whole table takes (a crosstab's year and source), bound, past the file's own columns. */
function givenSql(mapping: ColumnMapping, columnCount: number): BoundSql {
	const fields = Object.keys(mapping.given) as Field[];
	return {
		sql: fields.map((_, offset) => `, ?::VARCHAR AS ${columnName(columnCount + offset)}`).join(''),
		params: fields.map((field) => mapping.given[field]?.value ?? null)
	};
}

/**
 * What a bare amount is worth in each amount column of the long layout; budget files only, as
 * only they read it (a column written for every row of every file costs on every import).
 */
function longScalesSql(mapping: ColumnMapping): string {
	if (mapping.kind !== 'budget') return '';
	return AMOUNT_FIELDS.map(
		(field) => `, ${scaleOf(mapping, mapping.columns[field])}::DOUBLE AS scale_${field}`
	).join('');
}

export const AMOUNT_FIELDS = ['planned', 'spent'] as const;

/**
 * The fields a staged row holds past the file's own columns, in order: those the whole table
 * takes (given), then for a wide layout those each group gives, then those its cells hold.
 */
function appendedFields(mapping: ColumnMapping): Field[] {
	const given = Object.keys(mapping.given) as Field[];
	const group = mapping.wide?.groups[0];
	if (!group) return given;
	return [
		...given,
		...(Object.keys(group.given) as Field[]),
		...(Object.keys(group.cells) as Field[])
	];
}

/**
 * A wide layout's staged rows: one per group of each data row in which the group has a value
 * (a blank or `-` cell is a source that did not score, a district without the indicator, a
 * year without the line), unpivoted by DuckDB. `slot` is the group's place in the mapping.
 * What a group gives from its header (the source and evaluator, the district, the year) is
 * bound; which column each group reads is written as generated column names.
 */
function groupsToRows(
	tables: ImportTables,
	names: readonly string[],
	mapping: ColumnMapping,
	fileGiven: BoundSql
): BoundSql {
	const wide = mapping.wide!;
	const cellFields = Object.keys(wide.groups[0]!.cells) as Field[];
	const givenFields = Object.keys(wide.groups[0]!.given) as Field[];
	const unpivoted = new Set(wide.groups.flatMap((group) => Object.values(group.cells)));
	const kept = names.filter((_, index) => !unpivoted.has(index));
	const on = wide.groups
		.map(
			(group, slot) =>
				`(${cellFields.map((field) => columnName(group.cells[field]!)).join(', ')}) AS g${slot}`
		)
		.join(', ');
	const values = cellFields.map((_, offset) => `v${offset}`);
	const slotOf = `CAST(substr(grp, 2) AS INTEGER)`;
	const params: SqlParam[] = [...fileGiven.params];
	const givenCount = Object.keys(mapping.given).length;
	const groupGiven = givenFields.map((field, offset) => {
		const cases = wide.groups.map((group, slot) => {
			params.push(group.given[field] ?? null);
			return `WHEN ${slot} THEN ?::VARCHAR`;
		});
		return `CASE slot ${cases.join(' ')} END AS ${columnName(names.length + givenCount + offset)}`;
	});
	const cells = values.map(
		(value, offset) =>
			`${value} AS ${columnName(names.length + givenCount + givenFields.length + offset)}`
	);
	// What a bare amount is worth: budget files only, as only they read it.
	const scales = (mapping.kind === 'budget' ? AMOUNT_FIELDS : []).map((field) => {
		if (!cellFields.includes(field)) {
			return `${scaleOf(mapping, mapping.columns[field])}::DOUBLE AS scale_${field}`;
		}
		const cases = wide.groups.map(
			(group, slot) => `WHEN ${slot} THEN ${scaleOf(mapping, group.cells[field])}`
		);
		return `(CASE slot ${cases.join(' ')} END)::DOUBLE AS scale_${field}`;
	});
	const anyValue = values.map((value) => `clean_cell(${value}) IS NOT NULL`).join(' OR ');
	return {
		sql: `CREATE OR REPLACE TEMP TABLE ${tables.staged} AS
			SELECT ${['line', 'slot', 'total', ...kept].join(', ')}${fileGiven.sql},
				${[...groupGiven, ...cells, ...scales].join(', ')}
			FROM (SELECT *, ${slotOf} AS slot FROM (UNPIVOT (SELECT * FROM ${tables.wide} WHERE total IS NULL)
				ON ${on} INTO NAME grp VALUE ${values.join(', ')}))
			WHERE ${anyValue}`,
		params
	};
}

/** What a bare amount in a column is worth in won (1 unless its header or title gives a unit). */
export function scaleOf(mapping: ColumnMapping, index: number | undefined): number {
	const scale = index === undefined ? 1 : (mapping.scales[index] ?? 1);
	if (!Number.isFinite(scale) || scale <= 0) throw new Error('bad scale');
	return scale;
}

/**
 * The mapping the typed step reads: each field the table takes as a whole or a wide layout's
 * groups give points at its column past the file's own ({@link appendedFields}).
 */
export function readMapping(mapping: ColumnMapping, columnCount: number): ColumnMapping {
	const appended = appendedFields(mapping);
	if (appended.length === 0) return mapping;
	const columns = { ...mapping.columns };
	appended.forEach((field, offset) => {
		columns[field] = columnCount + offset;
	});
	return { ...mapping, columns };
}

/** The table a file's rows stand in as the file has them: `wide` for a wide layout, else `staged`. */
function asRead(tables: ImportTables, mapping: ColumnMapping): string {
	return mapping.wide ? tables.wide : tables.staged;
}

/** Columns whose cells a total row sums: every number the file holds in a column. */
function summedColumns(mapping: ColumnMapping): number[] {
	const own: readonly Field[] =
		mapping.kind === 'evaluations' ? ['score', 'max_score'] : ['planned', 'spent'];
	const columns = own.flatMap((field) => {
		const index = mapping.columns[field];
		return index === undefined ? [] : [index];
	});
	const grouped = mapping.wide?.groups.flatMap((group) => Object.values(group.cells)) ?? [];
	return [...new Set([...columns, ...grouped])].sort((a, b) => a - b);
}

/** The number a cell holds, without any unit scaling (a total and its parts share their column's). */
const cellNumber = (column: string) => `parse_amount(clean_cell(${column}), 1)`;

/**
 * Total rows and columns that do not equal the sum of their parts, in file order: `line`,
 * `col` (column index), `value` (the cell as written), `expected`. A 소계 sums the data rows
 * since the previous total row; a 합계 those since the previous 합계; a total column the groups'
 * cells of its field in its row. A blank total cell is not checked. Param: how many to list.
 */
export function buildTotalMismatchSql(tables: ImportTables, mapping: ColumnMapping): string {
	const source = asRead(tables, mapping);
	const summed = summedColumns(mapping).map(columnName);
	const differs = (value: string, expected: string) =>
		`abs((${value}) - (${expected})) > 1e-6 * greatest(1, abs(${expected}))`;
	const before = 'OVER (ORDER BY line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)';
	const rowChecks =
		summed.length === 0
			? []
			: [
					`SELECT * FROM (SELECT t.line, t.col, t.raw AS value,
						coalesce(CASE WHEN t.total = 'sub' THEN sb.s ELSE gb.s END, 0) AS expected, t.v
					FROM cells t
					LEFT JOIN (SELECT sub_block, col, sum(v) AS s FROM cells WHERE total IS NULL
						GROUP BY ALL) sb ON sb.sub_block = t.sub_block AND sb.col = t.col
					LEFT JOIN (SELECT grand_block, col, sum(v) AS s FROM cells WHERE total IS NULL
						GROUP BY ALL) gb ON gb.grand_block = t.grand_block AND gb.col = t.col
					WHERE t.total IS NOT NULL)
					WHERE v IS NULL OR ${differs('v', 'expected')}`
				];
	const columnChecks = (mapping.wide?.totals ?? []).map(({ index, field }) => {
		const parts = mapping.wide!.groups.flatMap((group) => {
			const at = group.cells[field];
			return at === undefined ? [] : [`coalesce(${cellNumber(columnName(at))}, 0)`];
		});
		const total = columnName(index);
		return `SELECT line, '${total}' AS col, ${total} AS value, ${parts.join(' + ') || '0'} AS expected,
				${cellNumber(total)} AS v
			FROM ${source}
			WHERE clean_cell(${total}) IS NOT NULL
				AND (v IS NULL OR ${differs(cellNumber(total), parts.join(' + ') || '0')})`;
	});
	const cells =
		summed.length === 0
			? ''
			: `WITH w AS (SELECT line, total,
					count(*) FILTER (WHERE total IS NOT NULL) ${before} AS sub_block,
					count(*) FILTER (WHERE total = 'grand') ${before} AS grand_block,
					${summed.join(', ')}
				FROM ${source}),
			cells AS (SELECT *, ${cellNumber('raw')} AS v FROM (UNPIVOT w ON ${summed.join(', ')}
				INTO NAME col VALUE raw) WHERE clean_cell(raw) IS NOT NULL)`;
	const checks = [...rowChecks, ...columnChecks];
	if (checks.length === 0) return `SELECT NULL::INTEGER AS line WHERE false`;
	return `${cells}
		SELECT line::INTEGER AS line, CAST(substr(col, 2) AS INTEGER) AS col, value,
			expected::DOUBLE AS expected
		FROM (${checks.join(' UNION ALL ')}) ORDER BY line, col LIMIT ?`;
}

/**
 * Deletes the long layout's total rows from the staged table once they are checked (a wide
 * layout never stages them): typing the rows then needs no filter, which made DuckDB plan the
 * alias joins worse and cost more than the delete.
 */
export function buildDeleteTotalRowsSql(tables: ImportTables): string {
	return `DELETE FROM ${tables.staged} WHERE total IS NOT NULL`;
}

/** How many rows of the file are totals (`totals`), read and left out of the data. */
export function buildTotalRowsSql(tables: ImportTables, mapping: ColumnMapping): string {
	return `SELECT count(*)::INTEGER AS totals FROM ${asRead(tables, mapping)} WHERE total IS NOT NULL`;
}

/**
 * The first row below the header that repeats it (two or more of its cells as the header has
 * them): a second table under the first on one sheet. Returns `line` (NULL when none). Params:
 * the header's cells in `columns`, as {@link repeatedHeaderColumns}; compared as written, which
 * a copied header is, and which costs a fraction of keying every cell.
 */
export function buildRepeatedHeaderSql(
	tables: ImportTables,
	mapping: ColumnMapping,
	columns: readonly number[]
): string {
	const hits = columns.map((index) => `(${columnName(index)} = ?)::INTEGER`);
	return `SELECT min(line)::INTEGER AS line FROM ${asRead(tables, mapping)}
		WHERE coalesce(${hits.join(' + ')}, 0) >= 2`;
}

/** The columns a repeated header is looked for in: the file's own, named by a field. */
export function repeatedHeaderColumns(mapping: ColumnMapping, headerWidth: number): number[] {
	return Object.values(mapping.columns).filter((index) => index < headerWidth);
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
export const TEXT_FIELDS: ReadonlySet<Field> = new Set<Field>([
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
	// What a bare amount is worth: budget only (each column read costs a little on every row).
	const scales = mapping.kind === 'budget' ? ', scale_planned, scale_spent' : '';
	return `SELECT line, slot, ${cells.join(', ')}, ${overflowSql(shape)} AS overflow${scales}
	FROM ${staged}`;
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
	return `SELECT c.*, ${YEAR}, da.code AS district_code,
		parse_amount(planned_text, scale_planned) AS planned,
		parse_amount(spent_text, scale_spent) AS spent
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
export const DUPLICATE_KEYS: Record<FileKind, { required: string[]; optional: string[] }> = {
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

/**
 * Whether any loaded row of the kind would stay through the import (the sample's do not when it
 * is set aside): when none would, no row of the file can repeat one, and the overlap query,
 * a join of every row of the file, need not run. Returns `loaded` (a boolean).
 */
export function buildAnyKeptRowSql(kind: FileKind, setAsideSample: boolean): string {
	const kept = setAsideSample ? ` WHERE file_id NOT IN (${SAMPLE_FILE_IDS})` : '';
	return `SELECT EXISTS (SELECT 1 FROM ${DATASET_TABLES[kind]}${kept}) AS loaded`;
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

/** The row count DuckDB returns for a DELETE or INSERT (a BigInt in Arrow). */
export function changedRowCount(rows: readonly Record<string, unknown>[]): number {
	return Number(rows[0]?.['Count'] ?? 0);
}

/** Moves the valid rows into the dataset table. Param: the file id. */
export function buildInsertSql(kind: FileKind, typed: string): string {
	return kind === 'evaluations'
		? `INSERT INTO evaluations SELECT ?, line, year, district_code, evaluator_type,
			evaluator_id, area, indicator, score, max_score FROM ${typed} WHERE NOT invalid`
		: `INSERT INTO budget SELECT ?, line, year, district_code, program, item, budget_code,
			planned, spent, basis FROM ${typed} WHERE NOT invalid`;
}

/** Drops the temporary tables of one import, in one round trip (several statements). */
export function buildDropSql(tables: ImportTables): string {
	return [tables.typed, tables.staged, tables.wide, tables.rejects, tables.rejectsScan]
		.map((table) => `DROP TABLE IF EXISTS ${table}`)
		.join(';\n');
}

/**
 * The first rows of the typed table in file order, each field as it will be read, for a
 * preview: text as the file wrote it (cleaned), a budget amount in won after its unit. Param:
 * how many.
 */
export function buildPreviewSql(tables: ImportTables, kind: FileKind): string {
	const fields =
		kind === 'evaluations'
			? `year_text AS year, district_text AS district, evaluator_type, evaluator_id, area,
				indicator, score_text AS score, max_score_text AS max_score`
			: `year_text AS year, district_text AS district, program, item, budget_code, planned,
				spent, basis`;
	return `SELECT line, ${fields} FROM ${tables.typed} ORDER BY line, slot LIMIT ?`;
}
