import type { Engine, UploadPath } from '$lib/engine/types';
import {
	CITY_ALIASES,
	CITY_CODE,
	EVALUATOR_TYPE_ALIASES,
	EVALUATOR_TYPES
} from '$lib/domain/evaluation';

/**
 * Tables and macros every query relies on. Reference tables hold the 25 districts (shipped as
 * data, `data/districts.csv`) and every alias by which a district or evaluator type appears.
 */
/**
 * The tables imports fill (everything else comes from the schema and the district list): what a
 * published dataset's snapshot holds.
 */
export const DATA_TABLES = ['evaluations', 'evaluation_units', 'sample_files', 'budget'] as const;

/** What a trimmed cell holds when it holds no value, as Excel and staff write it: an SQL list. */
export const NO_VALUE_CELLS = "['', '-', '#N/A', 'N/A', '#VALUE!']";

const SCHEMA_STATEMENTS: readonly string[] = [
	// A cell as Excel writes it, already NFC: trimmed, and the usual "no value" markers made NULL.
	// The importer NFC-normalizes a file's text before DuckDB reads it (far cheaper in JS).
	// list_contains, not IN: DuckDB plans an IN list as a join, one per cell of every row.
	`CREATE MACRO clean_cell(v) AS CASE
		WHEN list_contains(${NO_VALUE_CELLS}, trim(v)) THEN NULL ELSE trim(v) END`,
	// The same for text of any origin: NFC first.
	`CREATE MACRO clean_text(v) AS clean_cell(nfc_normalize(v))`,
	// Matching key for names: no spaces, lower case. cell_key takes an already clean cell.
	`CREATE MACRO cell_key(t) AS lower(replace(t, ' ', ''))`,
	`CREATE MACRO match_key(v) AS cell_key(clean_text(v))`,
	// Full-width digits (０-９) as Korean IMEs type them, read as ASCII. translate() is slow, so
	// only cells that have one go through it.
	`CREATE MACRO ascii_digits(v) AS CASE WHEN regexp_matches(v, '[０-９．，－％]')
		THEN translate(v, '０１２３４５６７８９．，－％', '0123456789.,-%') ELSE v END`,
	// A number with thousands separators and a unit in the cell: 1,456,200원, 78.5점, 92.1%.
	// Most cells are plain numbers, which the cast alone reads; only the others (a cast fails on
	// every character the regular expression removes) pay for it: twice as fast on a big file.
	`CREATE MACRO parse_number(t) AS coalesce(TRY_CAST(t AS DOUBLE), TRY_CAST(
		regexp_replace(ascii_digits(t), '[,\\s]|(백만원|천원|원|점|%)$', '', 'g') AS DOUBLE))`,
	// An amount in won. A unit in the cell wins (1,456천원, 1,456,000원); a bare number is worth
	// `scale` won, the unit its column's header or the table's title gives (1 when none does).
	`CREATE MACRO parse_amount(t, scale) AS parse_number(t) * CASE
		WHEN ends_with(replace(t, ' ', ''), '백만원') THEN 1000000
		WHEN ends_with(replace(t, ' ', ''), '천원') THEN 1000
		WHEN ends_with(replace(t, ' ', ''), '원') THEN 1 ELSE scale END`,
	`CREATE MACRO parse_won(t) AS parse_amount(t, 1)`,
	`CREATE MACRO clean_number(v) AS parse_number(clean_text(v))`,
	`CREATE MACRO clean_won(v) AS parse_won(clean_text(v))`,
	`CREATE TABLE districts (code VARCHAR PRIMARY KEY, name_ko VARCHAR NOT NULL, name_en VARCHAR NOT NULL)`,
	`CREATE TABLE district_aliases (alias VARCHAR PRIMARY KEY, code VARCHAR NOT NULL)`,
	`CREATE TABLE evaluator_type_aliases (alias VARCHAR PRIMARY KEY, evaluator_type VARCHAR NOT NULL)`,
	`CREATE TABLE evaluations (
		file_id VARCHAR NOT NULL, line INTEGER NOT NULL,
		year INTEGER NOT NULL, district_code VARCHAR NOT NULL,
		evaluator_type VARCHAR NOT NULL, evaluator_id VARCHAR,
		area VARCHAR NOT NULL, indicator VARCHAR NOT NULL,
		score DOUBLE NOT NULL, max_score DOUBLE NOT NULL)`,
	// The evaluations summed per unit and source: every figure but the evaluator agreement is a
	// sum over these, and every filter is one of its keys. A million scores make a few thousand
	// of these rows, so a filter change reads those instead of aggregating the raw rows again.
	`CREATE TABLE evaluation_units (
		year INTEGER NOT NULL, district_code VARCHAR NOT NULL, evaluator_type VARCHAR NOT NULL,
		area VARCHAR NOT NULL, indicator VARCHAR NOT NULL,
		score_sum DOUBLE NOT NULL, max_score_sum DOUBLE NOT NULL, max_score DOUBLE NOT NULL,
		row_count INTEGER NOT NULL, first_line INTEGER NOT NULL)`,
	// The shipped sample's files (their SHA-256 and name), so staff's own files can take their
	// place, the page can say whether any made-up rows are still shown, and 출처 can name them.
	`CREATE TABLE sample_files (file_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL)`,
	`CREATE TABLE budget (
		file_id VARCHAR NOT NULL, line INTEGER NOT NULL,
		year INTEGER NOT NULL, district_code VARCHAR NOT NULL,
		program VARCHAR NOT NULL, item VARCHAR NOT NULL, budget_code VARCHAR,
		planned DOUBLE NOT NULL, spent DOUBLE NOT NULL, basis VARCHAR)`
];

/**
 * Makes `evaluation_units` match `evaluations` again. Every statement that changes evaluations
 * runs this before its transaction commits, so the two never disagree.
 */
export async function refreshEvaluationUnits(engine: Engine): Promise<void> {
	// Both statements in one round trip to DuckDB's worker.
	await engine.query(
		`DELETE FROM evaluation_units;
		INSERT INTO evaluation_units
		SELECT year, district_code, evaluator_type, area, indicator,
			sum(score), sum(max_score), max(max_score), count(*), min(line)
		FROM evaluations GROUP BY year, district_code, evaluator_type, area, indicator`
	);
}

/** Empties every data table (the reference tables stay). */
export async function clearData(engine: Engine): Promise<void> {
	for (const table of ['evaluations', 'evaluation_units', 'budget', 'sample_files']) {
		await engine.query(`DELETE FROM ${table}`);
	}
}

/** Creates the schema and loads the district reference list from a registered CSV file. */
export async function createSchema(engine: Engine, districtsCsv: UploadPath): Promise<void> {
	// One round trip to DuckDB's worker for the whole schema: one each made starting slower.
	await engine.query(SCHEMA_STATEMENTS.join(';\n'));
	await engine.query(
		`INSERT INTO districts
		SELECT clean_text(code), clean_text(name_ko), clean_text(name_en)
		FROM read_csv(?, header=true, all_varchar=true)`,
		[districtsCsv]
	);
	await engine.query(`INSERT INTO districts VALUES (?, ?, ?)`, [CITY_CODE, '서울시', 'Seoul City']);
	// Every way a district is written: 11290, 성북구, 성북, Seongbuk-gu, seongbuk gu, Seongbuk.
	await engine.query(
		`INSERT INTO district_aliases
		SELECT DISTINCT alias, code FROM (
			SELECT code, match_key(code) AS alias FROM districts
			UNION ALL SELECT code, match_key(name_ko) FROM districts
			UNION ALL SELECT code, match_key(regexp_replace(name_ko, '구$', '')) FROM districts
				WHERE length(name_ko) > 2
			UNION ALL SELECT code, match_key(name_en) FROM districts
			UNION ALL SELECT code, match_key(replace(name_en, '-', '')) FROM districts
			UNION ALL SELECT code, match_key(regexp_replace(name_en, '-gu$', '')) FROM districts
		) WHERE alias IS NOT NULL
		ON CONFLICT DO NOTHING`
	);
	const cityAliases = CITY_ALIASES.map((alias): [string, string] => [alias, CITY_CODE]);
	await insertAliases(engine, 'district_aliases', cityAliases, { onConflict: 'ignore' });
	const typeAliases = EVALUATOR_TYPES.flatMap((type) =>
		EVALUATOR_TYPE_ALIASES[type].map((alias): [string, string] => [alias, type])
	);
	await insertAliases(engine, 'evaluator_type_aliases', typeAliases, { onConflict: 'fail' });
	// The alias keys as types: the import's fast path casts a clean file's names to these, and the
	// key's position finds each name's code (`clean-file.ts`); joining on the key took a quarter
	// of the time of reading a million rows.
	await engine.query(
		`CREATE TYPE district_key AS ENUM (SELECT alias FROM district_aliases ORDER BY alias);
		CREATE TYPE evaluator_type_key AS ENUM (
			SELECT alias FROM evaluator_type_aliases ORDER BY alias)`
	);
}

/** Inserts `[alias, value]` pairs, keyed by `match_key`, in one statement with every value bound. */
async function insertAliases(
	engine: Engine,
	table: 'district_aliases' | 'evaluator_type_aliases',
	pairs: readonly [string, string][],
	{ onConflict }: { onConflict: 'ignore' | 'fail' }
): Promise<void> {
	const rows = pairs.map(() => '(?, ?)').join(', ');
	await engine.query(
		`INSERT INTO ${table} SELECT match_key(alias), value FROM (VALUES ${rows}) AS v(alias, value)
		${onConflict === 'ignore' ? 'ON CONFLICT DO NOTHING' : ''}`,
		pairs.flat()
	);
}
