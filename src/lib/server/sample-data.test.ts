import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { loadSampleFile, sampleFileResponse } from './sample-data';

// Pass-through spies, so a test can count how often a file is read.
vi.mock('node:fs/promises', async (importOriginal) => {
	const actual = await importOriginal<Record<string, unknown>>();
	return Object.fromEntries(
		Object.entries(actual).map(([key, value]) => [
			key,
			typeof value === 'function' ? vi.fn(value as (...args: unknown[]) => unknown) : value
		])
	);
});

const { mkdtemp, readFile, rm, stat, utimes, writeFile } = fsp;
const reads = () => (readFile as unknown as Mock).mock.calls.length;

const CSV =
	'연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점\n2031,성북구,자체,,추진체계,운영,6,10\n';
const tagOf = (bytes: string | Uint8Array) =>
	`"${createHash('sha256').update(bytes).digest('hex')}"`;
const get = (headers: Record<string, string> = {}) =>
	new Request('http://localhost/data/evaluations.csv', { headers });

let directory: string;

beforeEach(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'sample-data-'));
	await writeFile(path.join(directory, 'evaluations.csv'), CSV);
	vi.clearAllMocks();
});

afterEach(async () => {
	await rm(directory, { recursive: true, force: true });
});

describe('loadSampleFile', () => {
	it('reads and hashes a file once, then only looks at it', async () => {
		const first = await loadSampleFile(directory, 'evaluations.csv');
		expect(new TextDecoder().decode(first.bytes)).toBe(CSV);
		expect(first.etag).toBe(tagOf(CSV));
		for (let i = 0; i < 5; i++) {
			expect(await loadSampleFile(directory, 'evaluations.csv')).toBe(first);
		}
		expect(reads()).toBe(1);
		expect((stat as unknown as Mock).mock.calls.length).toBe(6);
	});

	it('reads again when the file changes, even to the same size and with its mtime put back', async () => {
		const file = path.join(directory, 'evaluations.csv');
		// A whole second, so putting it back below restores it exactly.
		const release = new Date('2031-03-01T09:00:00Z');
		await utimes(file, release, release);
		const first = await loadSampleFile(directory, 'evaluations.csv');

		const sameSize = CSV.replace('6,10', '7,10');
		await writeFile(file, sameSize);
		// A copy that keeps the old mtime (cp -p, rsync -t): only ctime tells.
		await utimes(file, release, release);
		expect((await stat(file)).mtimeMs).toBe(release.getTime());
		const second = await loadSampleFile(directory, 'evaluations.csv');
		expect(second.etag).toBe(tagOf(sameSize));
		expect(second.etag).not.toBe(first.etag);

		const longer = CSV + '2031,마포구,자체,,추진체계,운영,5,10\n';
		await writeFile(file, longer);
		expect((await loadSampleFile(directory, 'evaluations.csv')).etag).toBe(tagOf(longer));
		expect(reads()).toBe(3);
	});

	it('keeps each DATA_DIR apart', async () => {
		const other = await mkdtemp(path.join(tmpdir(), 'sample-data-'));
		try {
			await writeFile(path.join(other, 'evaluations.csv'), 'other');
			expect((await loadSampleFile(directory, 'evaluations.csv')).etag).toBe(tagOf(CSV));
			expect((await loadSampleFile(other, 'evaluations.csv')).etag).toBe(tagOf('other'));
			expect((await loadSampleFile(directory, 'evaluations.csv')).etag).toBe(tagOf(CSV));
		} finally {
			await rm(other, { recursive: true, force: true });
		}
	});

	it('fails for a missing file', async () => {
		await expect(loadSampleFile(directory, 'budget.csv')).rejects.toThrow(/ENOENT/);
	});
});

describe('sampleFileResponse', () => {
	it('sends the bytes with a strong ETag, no-cache and their length', async () => {
		const response = await sampleFileResponse(get(), directory, 'evaluations.csv');
		expect(response.status).toBe(200);
		expect(Object.fromEntries(response.headers)).toEqual({
			'content-type': 'text/csv; charset=utf-8',
			'content-length': String(new TextEncoder().encode(CSV).byteLength),
			'cache-control': 'no-cache',
			etag: tagOf(CSV),
			'x-content-type-options': 'nosniff'
		});
		expect(await response.text()).toBe(CSV);
	});

	it.each([
		['its strong tag', (tag: string) => tag],
		['the weak tag of a gzipped copy', (tag: string) => `W/${tag}`],
		['a list with it', (tag: string) => `"stale", ${tag}`],
		['*', () => '*']
	])('answers 304 with no body to %s', async (_, header) => {
		const response = await sampleFileResponse(
			get({ 'if-none-match': header(tagOf(CSV)) }),
			directory,
			'evaluations.csv'
		);
		expect(response.status).toBe(304);
		expect(response.body).toBeNull();
		expect(response.headers.get('etag')).toBe(tagOf(CSV));
		expect(response.headers.get('cache-control')).toBe('no-cache');
	});

	it('sends the new bytes to a client holding the tag of the old ones', async () => {
		const old = tagOf(CSV);
		const changed = CSV.replace('6,10', '9,10');
		await writeFile(path.join(directory, 'evaluations.csv'), changed);
		const response = await sampleFileResponse(
			get({ 'if-none-match': old }),
			directory,
			'evaluations.csv'
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('etag')).toBe(tagOf(changed));
		expect(await response.text()).toBe(changed);
	});
});
