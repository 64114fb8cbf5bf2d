import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The shipped sample exports the app serves; nothing else in the folder is reachable. */
export const SAMPLE_FILES = ['districts.csv', 'evaluations.csv', 'budget.csv'] as const;
export type SampleFile = (typeof SAMPLE_FILES)[number];

export function isSampleFile(name: string): name is SampleFile {
	return (SAMPLE_FILES as readonly string[]).includes(name);
}

/** The folder the sample CSV files are read from: `DATA_DIR`, or `data/` in the working directory. */
export function dataDirectory(env: Record<string, string | undefined>): string {
	return path.resolve(env.DATA_DIR || 'data');
}

/** Reads one allow-listed sample file. */
export async function readSampleFile(directory: string, name: SampleFile): Promise<Buffer> {
	return readFile(path.join(directory, name));
}
