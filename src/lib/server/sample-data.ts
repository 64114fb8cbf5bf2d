import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ifNoneMatchHits, strongEtag } from './http-cache';

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

/** Reads the allow-listed sample files of a folder by name; any other name is refused. */
export function sampleFiles(directory: string): (name: string) => Promise<Uint8Array> {
	return async (name) => {
		if (!isSampleFile(name)) throw new Error(`not a sample file: ${name}`);
		return new Uint8Array(await readFile(path.join(directory, name)));
	};
}

/** One sample file as last read: its bytes and their strong entity tag. */
export interface SampleVersion {
	bytes: Uint8Array;
	/** The SHA-256 of the bytes in hex, quoted. */
	etag: string;
}

interface CachedVersion extends SampleVersion {
	/** What the file looked like on disk just before it was read. */
	identity: string;
}

// By full path, so another DATA_DIR is another entry. Three small files (327 KB in all).
const versions = new Map<string, CachedVersion>();

/**
 * One allow-listed sample file with its entity tag, read and hashed once per process: later
 * calls only `stat` the file and read and hash it again if its inode, size, mtime or ctime
 * changed (a release or a new DATA_DIR). The files are small, so the bytes are kept too.
 */
export async function loadSampleFile(directory: string, name: SampleFile): Promise<SampleVersion> {
	const file = path.join(directory, name);
	// Taken before the read: a change during the read then leaves an identity that no longer
	// matches, so the next call reads again instead of keeping a stale tag for good.
	const { ino, size, mtimeMs, ctimeMs } = await stat(file);
	const identity = `${ino}:${size}:${mtimeMs}:${ctimeMs}`;
	const cached = versions.get(file);
	if (cached?.identity === identity) return cached;
	const bytes = await readFile(file);
	const version = { bytes, etag: strongEtag(bytes), identity };
	versions.set(file, version);
	return version;
}

/**
 * The answer to a GET of a sample file: its bytes exactly as on disk with a strong ETag, or
 * 304 when `If-None-Match` names the current one. `no-cache` keeps browsers asking on every
 * visit (the files change with a release), and the 304 makes asking cost no body.
 */
export async function sampleFileResponse(
	request: Request,
	directory: string,
	name: SampleFile
): Promise<Response> {
	const { bytes, etag } = await loadSampleFile(directory, name);
	// The 304 keeps the type and length of the 200 it stands for: compression.ts makes the same
	// choice (and so sends the same ETag and Vary) for both.
	const headers = {
		'content-type': 'text/csv; charset=utf-8',
		'content-length': String(bytes.byteLength),
		'cache-control': 'no-cache',
		etag,
		'x-content-type-options': 'nosniff'
	};
	if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(new Uint8Array(bytes), { headers });
}
