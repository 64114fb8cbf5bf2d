import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Engine } from '$lib/engine/types';
import { uploadPath } from '$lib/engine/types';
import type { Field, FileKind } from './columns';
import { decodeText, type Cp949Decoder, type TextEncodingName } from './decode';
import {
	buildBudgetTypedSql,
	buildEvaluationTypedSql,
	buildInsertSql,
	buildIssueCountSql,
	buildIssuesSql,
	buildStageSql,
	stagedTableName,
	type IssueCode
} from './import-sql';
import { sniffLayout } from './sniff';

/** One refused value: where it is, what it was, and why (a code the i18n layer words). */
export interface ImportIssue {
	file: string;
	/** 1-based line in the file as a text editor counts it. */
	line: number;
	field: Field | null;
	/** The header cell of that column in the file, as written there. */
	column: string;
	value: string;
	code: IssueCode | 'unknown-headers' | 'empty-file';
	detail: string | null;
}

export interface ImportResult {
	file: string;
	/** SHA-256 of the raw bytes, hex: the key the upload is kept and registered under. */
	hash: string;
	kind: FileKind | null;
	encoding: TextEncodingName;
	rowCount: number;
	issues: ImportIssue[];
	issueCount: number;
	imported: boolean;
}

const MAX_LISTED_ISSUES = 1000;
let serial = 0;

/** Hex SHA-256 of a file's raw bytes. */
export function hashBytes(bytes: Uint8Array): string {
	return bytesToHex(sha256(bytes));
}

/**
 * Decodes, checks and imports one CSV export. Nothing is written unless every row passes;
 * the insert is one transaction, so a failure leaves the loaded data as it was.
 */
export async function importCsv(
	engine: Engine,
	file: { name: string; bytes: Uint8Array },
	options: { decodeCp949?: Cp949Decoder } = {}
): Promise<ImportResult> {
	const hash = hashBytes(file.bytes);
	const decoded = decodeText(file.bytes, options.decodeCp949);
	const base = { file: file.name, hash, encoding: decoded.encoding };
	const refuse = (code: ImportIssue['code']): ImportResult => ({
		...base,
		kind: null,
		rowCount: 0,
		imported: false,
		issueCount: 1,
		issues: [{ file: file.name, line: 1, field: null, column: '', value: '', code, detail: null }]
	});

	if (decoded.text.trim() === '') return refuse('empty-file');
	const layout = sniffLayout(decoded.text);
	if (!layout) return refuse('unknown-headers');

	// DuckDB reads UTF-8; the decoded text is registered, not the original bytes.
	const path = uploadPath(`${hash}.csv`);
	await engine.registerFile(path, new TextEncoder().encode(decoded.text));
	const staged = stagedTableName(serial++);
	const typed = `${staged}_typed`;
	try {
		const firstDataLine = layout.headerLine + 1;
		await engine.query(buildStageSql(staged, layout.header.length), [
			firstDataLine,
			path,
			firstDataLine,
			layout.delimiter
		]);
		const typedSql =
			layout.mapping.kind === 'evaluations'
				? buildEvaluationTypedSql(staged, layout.mapping)
				: buildBudgetTypedSql(staged, layout.mapping);
		await engine.query(`CREATE OR REPLACE TEMP TABLE ${typed} AS ${typedSql}`);

		const [{ n: rowCount } = { n: 0 }] = await engine.query<{ n: number }>(
			`SELECT count(*)::INTEGER AS n FROM ${typed}`
		);
		const [{ n: issueCount } = { n: 0 }] = await engine.query<{ n: number }>(
			buildIssueCountSql(layout.mapping.kind, typed)
		);
		const issueRows = await engine.query<{
			line: number;
			field: Field;
			value: string | null;
			code: IssueCode;
			detail: string | null;
		}>(buildIssuesSql(layout.mapping.kind, typed), [MAX_LISTED_ISSUES]);
		const issues = issueRows.map((row) => ({
			file: file.name,
			line: row.line,
			field: row.field,
			column: layout.header[layout.mapping.columns[row.field] ?? -1] ?? row.field,
			value: row.value ?? '',
			code: row.code,
			detail: row.detail
		}));

		const imported = issueCount === 0 && rowCount > 0;
		if (imported) {
			await engine.query('BEGIN TRANSACTION');
			try {
				await engine.query(buildInsertSql(layout.mapping.kind, typed), [hash]);
				await engine.query('COMMIT');
			} catch (error) {
				await engine.query('ROLLBACK');
				throw error;
			}
		}
		return { ...base, kind: layout.mapping.kind, rowCount, issues, issueCount, imported };
	} finally {
		await engine.query(`DROP TABLE IF EXISTS ${typed}`);
		await engine.query(`DROP TABLE IF EXISTS ${staged}`);
		await engine.dropFile(path);
	}
}
