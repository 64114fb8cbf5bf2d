import { importCsv, type ImportResult } from '$lib/csv/import';
import type { Cp949Decoder } from '$lib/csv/decode';
import { uploadPath, type Engine } from '$lib/engine/types';
import { createSchema } from '$lib/query/schema';

/** Fetches one shipped file by name (`districts.csv`, …) as raw bytes. */
export type FetchBytes = (name: string) => Promise<Uint8Array>;

/** The shipped exports, in import order. */
export const SAMPLE_EXPORTS = ['evaluations.csv', 'budget.csv'] as const;

/** Creates the schema and loads the district reference list into a fresh engine. */
export async function prepareEngine(engine: Engine, fetchBytes: FetchBytes): Promise<void> {
	const districts = uploadPath('districts.csv');
	await engine.registerFile(districts, await fetchBytes('districts.csv'));
	await createSchema(engine, districts);
}

/**
 * Imports the shipped exports. Throws if one does not import cleanly: that is a bug in the
 * release, not bad input.
 */
export async function importSample(
	engine: Engine,
	fetchBytes: FetchBytes,
	options: { decodeCp949?: Cp949Decoder } = {}
): Promise<ImportResult[]> {
	const results: ImportResult[] = [];
	for (const name of SAMPLE_EXPORTS) {
		const result = await importCsv(engine, { name, bytes: await fetchBytes(name) }, options);
		if (!result.imported) {
			const first = result.issues[0];
			throw new Error(`${name}: ${first?.code ?? 'not imported'} at line ${first?.line ?? '?'}`);
		}
		await engine.query('INSERT INTO sample_files VALUES (?, ?) ON CONFLICT DO NOTHING', [
			result.hash,
			name
		]);
		results.push(result);
	}
	return results;
}

/** A fresh engine ready to use: schema, districts, then the shipped exports. */
export async function loadSampleDataset(
	engine: Engine,
	fetchBytes: FetchBytes,
	options: { decodeCp949?: Cp949Decoder } = {}
): Promise<ImportResult[]> {
	await prepareEngine(engine, fetchBytes);
	return importSample(engine, fetchBytes, options);
}
