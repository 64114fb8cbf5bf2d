import type { Engine, UploadPath } from '$lib/engine/types';
import { NO_VALUE_CELLS } from '$lib/query/schema';
import { timedStep } from '$lib/timing/step';
import { FIELD_SPECS, type ColumnMapping, type Field } from './columns';
import { TOTAL_LABELS } from './headers';
import {
	AMOUNT_FIELDS,
	buildDropSql,
	buildInsertSql,
	changedRowCount,
	columnName,
	DATASET_TABLES,
	DUPLICATE_KEYS,
	LABEL_FIELDS,
	linedReadSql,
	scaleOf,
	TEXT_FIELDS,
	type BoundSql,
	type ImportTables
} from './import-sql';
import type { PreparedText } from './prepare';

/**
 * The fast path for a clean file, which is what staff almost always upload. One statement reads
 * it straight into the typed table: DuckDB's reader parses the numbers itself (as fast as reading
 * them as text) and each name is coded as it is read. One query then asks whether anything in
 * it would need cleaning or be refused; if nothing would, the typed rows are the ones the checked
 * path would have made. Anything else (a cell the reader cannot cast, a blank or a marker, a
 * space around a name, a total row, an unknown district, a duplicate, a number out of range)
 * sends the file down the checked path (`stageAndCheck`), which reads it again as text and
 * reports every problem by line.
 *
 * What "the same rows" rests on, cell by cell (`clean-file.test.ts` imports files both ways):
 * - a text cell is taken as read only when it equals its trimmed self and is no "no value"
 *   marker, which is when `clean_cell` returns it unchanged;
 * - a number is what `parse_number` reads: the reader's cast is DuckDB's cast to DOUBLE, and its
 *   thousands separator drops commas as `parse_number`'s regular expression does; a cell the
 *   reader refuses (a unit, a full-width digit) or reads as nothing (`nan`, `inf`) is not clean;
 * - the year must be whole and fit, as the checked path's `YEAR` requires;
 * - a name's code comes from the same alias tables by the same key: `cell_key` drops the spaces
 *   `clean_cell` would trim, and a marker or a total's label is no alias, so it finds no code.
 *
 * Names are coded in one of two ways. First as read: each name cell is cast to the ENUM of its
 * alias keys (`district_key`, made with the schema) and its code found by the key's position. A
 * cell the cast takes is spelled as its key (no space, lower case), which `clean_cell` and
 * `cell_key` return unchanged, so its code is the one the key join would find; the cast takes no
 * other spelling (`성북 구`, `Seongbuk-gu`, a marker), and such a row is marked `unkeyed`. If
 * names were unkeyed and nothing else was amiss, the file is read again with each name's key
 * joined to the alias table. Coding as read made a million-row read take 1.22 s instead of 1.64 s
 * (medians of five, side by side in Node; the bench's figures are in bench/README.md).
 */

/** Fields read as numbers by the reader; every other column is read as text. */
const NUMBER_FIELDS: ReadonlySet<Field> = new Set<Field>([
	'year',
	'score',
	'max_score',
	'planned',
	'spent'
]);

/**
 * The alias table a name field's code comes from, the column that holds it, its name in the typed
 * table, and the ENUM of its alias keys (`schema.ts`).
 */
const CODED_FIELDS = {
	district: { table: 'district_aliases', value: 'code', as: 'district_code', key: 'district_key' },
	evaluator_type: {
		table: 'evaluator_type_aliases',
		value: 'evaluator_type',
		as: 'evaluator_type',
		key: 'evaluator_type_key'
	}
} as const;

/**
 * How a read codes the names: `as-read` casts them to their alias keys' ENUM (a cell not spelled
 * as a key is left without a code and its row marked `unkeyed`), `by-key` joins each cell's
 * `cell_key` to the alias table.
 */
export type NameCoding = 'as-read' | 'by-key';

type CodedField = keyof typeof CODED_FIELDS;
const isCoded = (field: Field): field is CodedField => field in CODED_FIELDS;

/** A field's column in the typed table: a name's code, or the field itself. */
const columnAs = (field: Field): string => (isCoded(field) ? CODED_FIELDS[field].as : field);

/** Whether a file can take the fast path at all: the long layout, every field in a column. */
export function mayBeClean(prepared: PreparedText): boolean {
	const { mapping } = prepared.layout;
	return mapping.wide === null && Object.keys(mapping.given).length === 0;
}

/** A field's column as read, as SQL (`r.c3`); NULL for an optional field the file lacks. */
function cellOf(mapping: ColumnMapping, field: Field): string {
	const index = mapping.columns[field];
	return index === undefined ? 'NULL' : `r.${columnName(index)}`;
}

/** Columns read past the header (a line may be wider; a quoted comma counts too): `x0`, `x1`, … */
function pastHeader(prepared: PreparedText): { read: string; as: string }[] {
	const width = prepared.layout.header.length;
	return Array.from({ length: prepared.columnCount - width }, (_, i) => ({
		read: `r.${columnName(width + i)}`,
		as: `x${i}`
	}));
}

/** A name cell's alias key as SQL: the cell as its field's ENUM, NULL unless spelled as a key. */
const keyOf = (cell: string, field: CodedField): string =>
	`TRY_CAST(${cell} AS ${CODED_FIELDS[field].key})`;

/** Each field of the kind's typed table, as SQL over the read row `r` and its codes. */
function typedValue(mapping: ColumnMapping, field: Field, coding: NameCoding): string {
	const cell = cellOf(mapping, field);
	if (isCoded(field)) {
		const { table, value, key } = CODED_FIELDS[field];
		if (coding === 'by-key') return `${field}_alias.${value}`;
		// The codes in the order of the keys' ENUM, and the one at the cell's key. A cast in the
		// read itself (read_csv's `types`) is no faster, and DuckDB 1.4.3 fails a read whose row
		// has such a cast refused and a later cell refused too, when a column follows that one.
		const codes = `(SELECT list(${value} ORDER BY enum_code(alias::${key})) FROM ${table})`;
		return `${codes}[enum_code(${keyOf(cell, field)}) + 1]`;
	}
	// As the checked path's YEAR: a whole number that fits, else NULL (never rounded).
	if (field === 'year') return `TRY_CAST(CASE WHEN ${cell} % 1 = 0 THEN ${cell} END AS INTEGER)`;
	if ((AMOUNT_FIELDS as readonly string[]).includes(field)) {
		return `${cell} * ${scaleOf(mapping, mapping.columns[field])}`;
	}
	return NUMBER_FIELDS.has(field) ? cell : `${cell}::VARCHAR`;
}

/**
 * The file read with its fields' types, as the rows of the typed table: `line`, `slot` 0, each
 * field under the name the later steps read (names coded: `district_code`, `evaluator_type`,
 * NULL for a name no alias names, or, coded as read, not spelled as a key), amounts in won,
 * `invalid` false, and for the probe `unkeyed` (a name not spelled as a key, when coded as read)
 * and the cells past the header (`x0`, …).
 */
export function buildCleanSelectSql(
	tables: ImportTables,
	prepared: PreparedText,
	path: UploadPath,
	coding: NameCoding
): BoundSql {
	const { mapping, delimiter } = prepared.layout;
	const numbers = new Set([...NUMBER_FIELDS].flatMap((field) => mapping.columns[field] ?? []));
	const types = Array.from({ length: prepared.columnCount }, (_, index) =>
		numbers.has(index) ? 'DOUBLE' : 'VARCHAR'
	);
	const read = linedReadSql(tables, {
		path,
		delimiter,
		segments: prepared.segments,
		types,
		columns: types.map((_, index) => columnName(index)).join(', '),
		thousands: true
	});
	const fields = Object.keys(FIELD_SPECS[mapping.kind]) as Field[];
	const columns = fields.map(
		(field) => `${typedValue(mapping, field, coding)} AS ${columnAs(field)}`
	);
	const joined = coding === 'by-key' ? fields.filter(isCoded) : [];
	const joins = joined.map((field) => {
		const { table } = CODED_FIELDS[field];
		return `LEFT JOIN ${table} ${field}_alias ON ${field}_alias.alias = cell_key(${cellOf(mapping, field)})`;
	});
	// A name the cast did not take: a cell, and no key.
	const cast = coding === 'as-read' ? fields.filter(isCoded) : [];
	const unkeyed = cast.map((field) => {
		const cell = cellOf(mapping, field);
		return `(${cell} IS NOT NULL AND ${keyOf(cell, field)} IS NULL)`;
	});
	const past = pastHeader(prepared).map(({ read: column, as }) => `, ${column} AS ${as}`);
	return {
		sql: `SELECT r.line, 0 AS slot, ${columns.join(', ')}, false AS invalid,
				${unkeyed.join(' OR ') || 'false'} AS unkeyed${past.join('')}
			FROM (${read.sql}) r ${joins.join(' ')}`,
		params: read.params
	};
}

/** Reads the file with its fields' types straight into the typed table (see above). */
export function buildCleanReadSql(
	tables: ImportTables,
	prepared: PreparedText,
	path: UploadPath,
	coding: NameCoding
): BoundSql {
	const select = buildCleanSelectSql(tables, prepared, path, coding);
	return {
		sql: `CREATE OR REPLACE TEMP TABLE ${tables.typed} AS ${select.sql}`,
		params: select.params
	};
}

/** Whether a typed row is one the checked path would take without an issue, but for its text. */
function rowHolds(prepared: PreparedText): string {
	const { mapping } = prepared.layout;
	const spec: Record<string, { required: boolean }> = FIELD_SPECS[mapping.kind];
	const held = ['year BETWEEN 2000 AND 2100'];
	if (mapping.kind === 'evaluations') {
		held.push(
			'isfinite(score) AND score >= 0',
			'isfinite(max_score) AND max_score > 0',
			'score <= max_score'
		);
	} else {
		for (const field of AMOUNT_FIELDS) held.push(`isfinite(${field}) AND ${field} >= 0`);
	}
	for (const [field, { required }] of Object.entries(spec) as [Field, { required: boolean }][]) {
		if (!required || NUMBER_FIELDS.has(field)) continue;
		// A name not spelled as a key has no code yet: the read by key finds it, or not.
		held.push(`${isCoded(field) ? 'unkeyed OR ' : ''}${columnAs(field)} IS NOT NULL`);
	}
	for (const { as } of pastHeader(prepared)) held.push(`${as} IS NULL`);
	return held.map((test) => `(${test})`).join(' AND ');
}

/** SQL list of the total labels as `cell_key` writes them. */
const TOTAL_KEYS = `[${TOTAL_LABELS.map((label) => `'${label}'`).join(', ')}]`;

/**
 * Whether a distinct value `v` of a text field kept as written is not clean: a space around it,
 * a "no value" marker, or a total's label (합계, 소계) in a label column.
 */
function uncleanValueSql(field: Field): string {
	const unclean = [
		'v <> trim(v)',
		`list_contains(${NO_VALUE_CELLS}, v)`,
		...(LABEL_FIELDS.includes(field) ? [`list_contains(${TOTAL_KEYS}, cell_key(v))`] : [])
	];
	return unclean.map((test) => `coalesce(${test}, false)`).join(' OR ');
}

/**
 * One row: the rows read (`rows`), those with a name the ENUM cast did not take (`unkeyed`),
 * those the checked path would refuse for a number, a blank required field, an unknown name
 * (unless unkeyed) or a cell past the header (`bad`), the records the reader rejected
 * (`rejected`), the distinct kept text values that are not clean (`unclean`), and how many keyed
 * rows repeat the hash of an earlier one's key (`duplicates`). The file is clean when all but the
 * first are 0. One pass collects each kept text column's distinct values; only those are looked
 * at. Every duplicate key repeats a hash; a repeat of two keys with one hash (about 1 in 4·10⁷ for
 * a million rows) only sends the file down the checked path, which decides. The hashes are
 * counted in two thirds of the time of grouping by the keys (0.16 against 0.25 s at 1M, Node).
 */
export function buildCleanProbeSql(
	tables: ImportTables,
	prepared: PreparedText,
	/** The rows to probe: the typed table by default, or a relation of the same columns. */
	rows: string = tables.typed
): string {
	const { mapping } = prepared.layout;
	const kept = (Object.keys(FIELD_SPECS[mapping.kind]) as Field[]).filter(
		(field) => TEXT_FIELDS.has(field) && mapping.columns[field] !== undefined
	);
	const lists = kept.map((field, i) => `, list(DISTINCT ${field}) AS d${i}`);
	// A lambda over each list, not a subquery that unnests it: with those correlated subqueries
	// the probe of a 10,000-row file took 10.1 ms, with lambdas 5.2 ms (the same page, warm).
	const unclean = kept.map(
		(field, i) => `coalesce(len(list_filter(d${i}, lambda v: ${uncleanValueSql(field)})), 0)`
	);
	const { required, optional } = DUPLICATE_KEYS[mapping.kind];
	return `WITH seen AS (SELECT count(*)::INTEGER AS rows,
			count(*) FILTER (WHERE unkeyed)::INTEGER AS unkeyed,
			count(*) FILTER (WHERE NOT coalesce(${rowHolds(prepared)}, false))::INTEGER AS bad
			${lists.join('')}
		FROM ${rows})
		SELECT rows, unkeyed, bad, (SELECT count(*) FROM ${tables.rejects})::INTEGER AS rejected,
			(${unclean.join(' + ') || '0'})::INTEGER AS unclean,
			(SELECT count(*) - count(DISTINCT hash(${[...required, ...optional].join(', ')}))
				FROM ${rows} WHERE NOT unkeyed)::INTEGER AS duplicates
		FROM seen`;
}

export type Probe = Record<
	'rows' | 'bad' | 'rejected' | 'unkeyed' | 'unclean' | 'duplicates',
	number
>;

/**
 * Reads a clean file the fast way into the typed table, and returns its row count; or null
 * when it is not clean, with the tables it made dropped, so that the checked path starts over.
 * Names are coded as read first; by key only when some were not spelled as keys and nothing
 * else was amiss.
 */
export async function readCleanFile(
	engine: Engine,
	tables: ImportTables,
	path: UploadPath,
	prepared: PreparedText
): Promise<number | null> {
	for (const coding of ['as-read', 'by-key'] as const) {
		const step = coding === 'as-read' ? '' : '-by-key';
		const read = buildCleanReadSql(tables, prepared, path, coding);
		await timedStep(`import:clean-read${step}`, () => engine.query(read.sql, read.params));
		const [probe] = await timedStep(`import:clean-probe${step}`, () =>
			engine.query<Probe>(buildCleanProbeSql(tables, prepared))
		);
		if (!probe || probe.bad + probe.rejected + probe.unclean + probe.duplicates > 0) break;
		if (probe.unkeyed === 0) {
			if (probe.rows > 0) return probe.rows;
			break;
		}
		await engine.query(buildDropSql(tables));
	}
	await engine.query(buildDropSql(tables));
	return null;
}

/** Whether a probe found nothing to clean or refuse, and no name to look up by key. */
const allClean = (probe: Probe): boolean =>
	probe.unkeyed + probe.bad + probe.rejected + probe.unclean + probe.duplicates === 0;

/**
 * Straight in: inserts a clean file's rows into its dataset table under `hash`, inside the
 * import's open transaction, and probes them there, so that a million rows are not written to
 * the typed table first and copied from it (about 0.4 s; bench/README.md). Returns the rows
 * inserted; or, for the caller to roll back, `refused` when the insert failed (the typed read
 * then codes the names by key if that was all, or finds and reports whatever it was), or
 * `unclean` when the probe found the file not clean (as the typed read's probe would: the names
 * all had codes), for the checked path.
 *
 * The caller makes sure the table holds no other rows: every loaded row of the kind is deleted
 * in the same transaction, or none is loaded. The probe reads the whole table, and checks that
 * it found only the rows inserted. Names are coded as read: a cell not spelled as its key leaves
 * a NULL code, which the table's NOT NULL refuses, as it refuses a blank required field or a year
 * that is not whole; that ends the insert at once, as does a cell past the header (by `error`:
 * the table has no column to keep it in for the probe).
 */
export async function insertCleanFile(
	engine: Engine,
	tables: ImportTables,
	path: UploadPath,
	prepared: PreparedText,
	hash: string
): Promise<number | 'refused' | 'unclean'> {
	const { kind } = prepared.layout.mapping;
	const select = buildCleanSelectSql(tables, prepared, path, 'as-read');
	const pastCells = pastHeader(prepared);
	const past = pastCells.map(({ as }) => `${as} IS NULL`);
	const read = past.length
		? `(SELECT * FROM (${select.sql})
			WHERE CASE WHEN ${past.join(' AND ')} THEN true ELSE error('a cell past the header') END)`
		: `(${select.sql})`;
	let inserted: number;
	try {
		inserted = changedRowCount(
			await timedStep('import:straight-in', () =>
				engine.query(buildInsertSql(kind, read), [hash, ...select.params])
			)
		);
	} catch {
		// Refused (a NULL the table does not take), or a read DuckDB could not make: the typed
		// read that follows meets the same cells and reports them, or the same failure.
		return 'refused';
	}
	// The table's rows, as the typed table would hold them: every name keyed, no cell past the
	// header. They are the file's alone (no filter by file id to pay for), which the count checks.
	const empty = pastCells.map(({ as }) => `, NULL AS ${as}`);
	const fileRows = `(SELECT *, false AS unkeyed${empty.join('')} FROM ${DATASET_TABLES[kind]})`;
	const [probe] = await timedStep('import:straight-in-probe', () =>
		engine.query<Probe>(buildCleanProbeSql(tables, prepared, fileRows))
	);
	// Other rows in the table would be a caller's mistake: read the file the typed way.
	if (!probe || probe.rows !== inserted) return 'refused';
	return inserted > 0 && allClean(probe) ? inserted : 'unclean';
}
