import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/types';
import { engineWithSchema, nodeCp949 } from '$lib/testing/node-engine';
import { importCsv, type ImportOptions, type ImportResult } from './import';

/**
 * Every file of DuckDB's own CSV test corpus (1,010 real and malformed files, MIT, vendored in
 * tests/fixtures/duckdb-csv-corpus) goes through the importer: each must end in an import or a
 * result with a clear issue code, never an exception, each within a bound. Most have headers
 * the importer does not know, so a second pass assigns the first seven columns to the
 * evaluation fields by hand, which sends every file with that many columns through DuckDB.
 */

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = join(REPO_ROOT, 'tests/fixtures/duckdb-csv-corpus');
/** The corpus as vendored (tests/fixtures/README.md): a file lost or added fails the walk. */
const CORPUS_FILES = 1_010;
const PER_FILE_MS = 5_000;
const FORCED: ImportOptions = {
	decodeCp949: nodeCp949,
	columnOverrides: {
		year: 0,
		district: 1,
		evaluator_type: 2,
		area: 3,
		indicator: 4,
		score: 5,
		max_score: 6
	}
};

const KNOWN_CODES = new Set([
	'missing',
	'invalid-year',
	'unknown-district',
	'unknown-evaluator-type',
	'invalid-number',
	'negative',
	'not-positive',
	'score-above-max',
	'duplicate-row',
	'too-many-columns',
	'stray-quote',
	'line-too-long',
	'malformed-row',
	'empty-file',
	'binary-file',
	'spreadsheet-file',
	'unknown-headers',
	'missing-columns',
	'no-data-rows',
	'two-tables',
	'missing-given',
	'unterminated-quote',
	'unreadable-file',
	'import-failed',
	'cancelled'
]);

function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
}

interface Outcome {
	file: string;
	pass: 'as-is' | 'forced';
	ms: number;
	outcome: string;
}

/** What a result ended in: 'imported', or the code of its first issue. */
function outcomeOf(result: ImportResult): string {
	if (result.imported) return 'imported';
	const code = result.issues[0]?.code;
	return code && KNOWN_CODES.has(code) ? code : `UNCLEAR ${String(code)}`;
}

async function isHealthy(engine: Engine): Promise<boolean> {
	try {
		await engine.query('SELECT 1');
		return true;
	} catch {
		return false;
	}
}

function tally(outcomes: readonly Outcome[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const { outcome } of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
	return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
}

describe('the DuckDB CSV corpus', () => {
	it('is in the repository, every file of it', () => {
		expect(existsSync(CORPUS), `${CORPUS} is missing`).toBe(true);
		expect(listFiles(CORPUS)).toHaveLength(CORPUS_FILES);
	});

	it('every file ends in an import or a clear issue, in bounded time', async () => {
		expect(existsSync(CORPUS), `${CORPUS} is missing`).toBe(true);
		const files = listFiles(CORPUS);
		expect(files).toHaveLength(CORPUS_FILES);
		let engine = await engineWithSchema();
		let restarts = 0;
		const outcomes: Outcome[] = [];
		const escaped: string[] = [];
		const started = performance.now();
		for (const path of files) {
			const name = relative(CORPUS, path);
			const bytes = new Uint8Array(readFileSync(path));
			for (const pass of ['as-is', 'forced'] as const) {
				const options = pass === 'forced' ? FORCED : { decodeCp949: nodeCp949 };
				const t0 = performance.now();
				try {
					const result = await importCsv(engine, { name, bytes }, options);
					outcomes.push({
						file: name,
						pass,
						ms: performance.now() - t0,
						outcome: outcomeOf(result)
					});
				} catch (error) {
					escaped.push(`${name} (${pass}): ${String(error)}`);
				}
				if (!(await isHealthy(engine))) {
					engine = await engineWithSchema();
					restarts++;
				}
			}
		}
		const totalMs = performance.now() - started;
		const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
		console.log(
			[
				`corpus: ${files.length} files, ${outcomes.length} imports in ${(totalMs / 1000).toFixed(1)} s,`,
				`engine restarts ${restarts}`,
				`as-is: ${JSON.stringify(tally(outcomes.filter((o) => o.pass === 'as-is')))}`,
				`forced: ${JSON.stringify(tally(outcomes.filter((o) => o.pass === 'forced')))}`,
				'slowest:',
				...slowest.map((o) => `  ${o.ms.toFixed(0)} ms ${o.file} (${o.pass}) → ${o.outcome}`)
			].join('\n')
		);
		expect(escaped).toEqual([]);
		expect(outcomes.filter((o) => o.outcome.startsWith('UNCLEAR'))).toEqual([]);
		expect(outcomes.filter((o) => o.ms > PER_FILE_MS)).toEqual([]);
	}, 180_000);
});
