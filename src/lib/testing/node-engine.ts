// Test helpers: a locked Node engine with the schema and the shipped district list loaded.
import { readFileSync } from 'node:fs';
import { createNodeEngine } from '$lib/engine/node';
import { uploadPath, type Engine } from '$lib/engine/types';
import { createSchema } from '$lib/query/schema';

export { nodeCp949 } from '$lib/server/cp949';

/** Reads a file of the repository (path relative to its root) as bytes. */
export function repoFile(path: string): Uint8Array {
	return new Uint8Array(readFileSync(new URL(`../../../${path}`, import.meta.url)));
}

/** A fresh engine with the schema created and `data/districts.csv` loaded. */
export async function engineWithSchema(): Promise<Engine> {
	const engine = await createNodeEngine();
	const districts = uploadPath('districts.csv');
	await engine.registerFile(districts, repoFile('data/districts.csv'));
	await createSchema(engine, districts);
	return engine;
}

/** UTF-8 bytes of a CSV written inline in a test. */
export function csvBytes(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}
