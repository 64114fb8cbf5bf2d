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
const SCHEMA_STATEMENTS: readonly string[] = [
	// Text as Excel writes it: trimmed, NFC, and the usual "no value" markers made NULL.
	`CREATE MACRO clean_text(v) AS
		CASE WHEN trim(nfc_normalize(v)) IN ('', '-', '#N/A', 'N/A', '#VALUE!') THEN NULL
		ELSE trim(nfc_normalize(v)) END`,
	// Matching key for names: no spaces, lower case.
	`CREATE MACRO match_key(v) AS lower(replace(clean_text(v), ' ', ''))`,
	// Full-width digits (０-９) as Korean IMEs type them, read as ASCII.
	`CREATE MACRO ascii_digits(v) AS translate(v, '０１２３４５６７８９．，－％', '0123456789.,-%')`,
	// A number with thousands separators and a unit in the cell: 1,456,200원, 78.5점, 92.1%.
	`CREATE MACRO clean_number(v) AS TRY_CAST(
		regexp_replace(ascii_digits(clean_text(v)), '[,\\s]|(천원|원|점|%)$', '', 'g') AS DOUBLE)`,
	// An amount in won; 천원 (thousand won) is multiplied out.
	`CREATE MACRO clean_won(v) AS clean_number(v) *
		CASE WHEN ends_with(replace(clean_text(v), ' ', ''), '천원') THEN 1000 ELSE 1 END`,
	`CREATE TABLE districts (code VARCHAR PRIMARY KEY, name_ko VARCHAR NOT NULL, name_en VARCHAR NOT NULL)`,
	`CREATE TABLE district_aliases (alias VARCHAR PRIMARY KEY, code VARCHAR NOT NULL)`,
	`CREATE TABLE evaluator_type_aliases (alias VARCHAR PRIMARY KEY, evaluator_type VARCHAR NOT NULL)`,
	`CREATE TABLE evaluations (
		file_id VARCHAR NOT NULL, line INTEGER NOT NULL,
		year INTEGER NOT NULL, district_code VARCHAR NOT NULL,
		evaluator_type VARCHAR NOT NULL, evaluator_id VARCHAR,
		area VARCHAR NOT NULL, indicator VARCHAR NOT NULL,
		score DOUBLE NOT NULL, max_score DOUBLE NOT NULL)`,
	`CREATE TABLE budget (
		file_id VARCHAR NOT NULL, line INTEGER NOT NULL,
		year INTEGER NOT NULL, district_code VARCHAR NOT NULL,
		program VARCHAR NOT NULL, item VARCHAR NOT NULL, budget_code VARCHAR,
		planned DOUBLE NOT NULL, spent DOUBLE NOT NULL, basis VARCHAR)`
];

/** Creates the schema and loads the district reference list from a registered CSV file. */
export async function createSchema(engine: Engine, districtsCsv: UploadPath): Promise<void> {
	for (const statement of SCHEMA_STATEMENTS) await engine.query(statement);
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
	for (const alias of CITY_ALIASES) {
		await engine.query(
			`INSERT INTO district_aliases VALUES (match_key(?), ?) ON CONFLICT DO NOTHING`,
			[alias, CITY_CODE]
		);
	}
	for (const type of EVALUATOR_TYPES) {
		for (const alias of EVALUATOR_TYPE_ALIASES[type]) {
			await engine.query(`INSERT INTO evaluator_type_aliases VALUES (match_key(?), ?)`, [
				alias,
				type
			]);
		}
	}
}
