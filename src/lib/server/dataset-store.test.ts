import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { isDatasetId, isSha256Hex } from '$lib/domain/ids';
import { CorruptDatasetError, createFolderStore, type DatasetStore } from './dataset-store';

// Every fs/promises function is wrapped in a pass-through spy, so a test can prove that a
// refused id or hash never reached the disk at all.
vi.mock('node:fs/promises', async (importOriginal) => {
	const actual = await importOriginal<Record<string, unknown>>();
	return Object.fromEntries(
		Object.entries(actual).map(([key, value]) => [
			key,
			typeof value === 'function' ? vi.fn(value as (...args: unknown[]) => unknown) : value
		])
	);
});

const { mkdir, mkdtemp, open, readdir, readFile, rm, stat, utimes, writeFile } = fsp;

function fsCalls(): number {
	return Object.values(fsp)
		.filter((value): value is Mock => vi.isMockFunction(value))
		.reduce((total, mock) => total + mock.mock.calls.length, 0);
}

function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

const encode = (text: string) => new TextEncoder().encode(text);
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, index) => index);
const VALID_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

let workdir: string;
let root: string;
let store: DatasetStore;

beforeEach(async () => {
	workdir = await mkdtemp(path.join(tmpdir(), 'dataset-store-'));
	root = path.join(workdir, 'store');
	store = createFolderStore(root);
});

afterEach(async () => {
	await rm(workdir, { recursive: true, force: true });
});

describe('isDatasetId and isSha256Hex', () => {
	it('accept exactly the formats the store makes', () => {
		expect(isDatasetId(VALID_ID)).toBe(true);
		expect(isDatasetId('aZ09_-aZ09_-aZ09_-aZ09')).toBe(true);
		expect(isSha256Hex(sha256(ALL_BYTES))).toBe(true);
	});

	it.each([
		['a parent folder', '../x'],
		['an encoded slash', '..%2f'],
		['encoded dots and slash', '%2e%2e%2f'],
		['a NUL', 'a\u0000b'],
		['a NUL in a 22-character id', 'AAAAAAAAAAAAAAAAAAAAA\u0000'],
		['21 characters', VALID_ID.slice(1)],
		['23 characters', `${VALID_ID}A`],
		['a slash', 'AAAAAAAAAA/AAAAAAAAAAA'],
		['a backslash', 'AAAAAAAAAA\\AAAAAAAAAAA'],
		['a dot', 'AAAAAAAAAA.AAAAAAAAAAA'],
		['22 dots', '.'.repeat(22)],
		['a traversal padded to 22', '../../../../etc/passwd'], // outside-repo: hostile input
		['base64 padding', 'AAAAAAAAAAAAAAAAAAAAA='],
		['a trailing newline', `${VALID_ID}\n`],
		['a full-width letter', 'ＡAAAAAAAAAAAAAAAAAAAAA'],
		['empty', '']
	])('refuse an id with %s', (_, id) => {
		expect(isDatasetId(id)).toBe(false);
	});

	it.each([
		['upper case', sha256(ALL_BYTES).toUpperCase()],
		['63 characters', sha256(ALL_BYTES).slice(1)],
		['65 characters', `${sha256(ALL_BYTES)}0`],
		['a parent folder', `../${sha256(ALL_BYTES).slice(3)}`],
		['a NUL', `${sha256(ALL_BYTES).slice(1)}\u0000`]
	])('refuse a hash with %s', (_, hash) => {
		expect(isSha256Hex(hash)).toBe(false);
	});
});

describe('publish and read back', () => {
	it('returns every file byte for byte, with names and choices, in order', async () => {
		const files = [
			{
				name: '강남구 평가 결과.csv',
				bytes: ALL_BYTES,
				choices: { encoding: 'cp949', mode: '추가', columns: { 점수: 'score' }, validOnly: true }
			},
			{ name: 'empty.csv', bytes: new Uint8Array(0), choices: {} },
			{
				name: '예산 (천원).csv',
				bytes: encode('구,예산\n종로구,1200\n'),
				choices: { unit: '천원' }
			}
		];
		const before = Date.now();
		const published = await store.publish(files);

		expect(isDatasetId(published.id)).toBe(true);
		expect(Date.parse(published.createdAt)).toBeGreaterThanOrEqual(before - 1000);
		expect(published.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		expect(published.files).toEqual(
			files.map((file) => ({
				hash: sha256(file.bytes),
				name: file.name,
				bytes: file.bytes.byteLength,
				choices: file.choices
			}))
		);
		expect(await store.manifest(published.id)).toEqual(published);
		for (const file of files) {
			expect(await store.file(published.id, sha256(file.bytes))).toEqual(file.bytes);
		}
	});

	it('keeps the title an editor gave, and writes none when none was given', async () => {
		const titled = await store.publish([{ name: 'a.csv', bytes: ALL_BYTES, choices: {} }], {
			title: '2024년 평가 최종본'
		});
		expect(titled.title).toBe('2024년 평가 최종본');
		expect(await createFolderStore(root).manifest(titled.id)).toEqual(titled);
		const untitled = await store.publish([{ name: 'a.csv', bytes: ALL_BYTES, choices: {} }]);
		expect('title' in untitled).toBe(false);
		expect(await store.manifest(untitled.id)).toEqual(untitled);
	});

	it('keeps a snapshot for the server, readable by file() only, never downloadable', async () => {
		const table = encode('arrow bytes of evaluations');
		const published = await store.publish([{ name: 'a.csv', bytes: ALL_BYTES, choices: {} }], {
			snapshot: { key: 'build 1', tables: [{ table: 'evaluations', bytes: table }] }
		});
		expect(published.snapshot).toEqual({
			key: 'build 1',
			tables: [{ table: 'evaluations', hash: sha256(table), bytes: table.byteLength }]
		});
		const reopened = createFolderStore(root);
		expect(await reopened.manifest(published.id)).toEqual(published);
		expect(await reopened.file(published.id, sha256(table))).toEqual(table);
		expect(await reopened.open(published.id, sha256(table))).toBeNull();
		expect(published.files.map((file) => file.hash)).toEqual([sha256(ALL_BYTES)]);
	});

	it('reads through a fresh store on the same folder (as after a restart)', async () => {
		const published = await store.publish([{ name: 'a.csv', bytes: ALL_BYTES, choices: {} }]);
		const reopened = createFolderStore(root);
		expect(await reopened.manifest(published.id)).toEqual(published);
		expect(await reopened.file(published.id, sha256(ALL_BYTES))).toEqual(ALL_BYTES);
	});

	it('makes a new version on every publish and writes a shared blob only once', async () => {
		const file = { name: 'a.csv', bytes: ALL_BYTES, choices: {} };
		const first = await store.publish([file]);
		const blob = path.join(root, 'blobs', sha256(ALL_BYTES));
		const written = await stat(blob);
		const second = await store.publish([{ ...file, choices: { mode: 'replace' } }]);

		expect(second.id).not.toBe(first.id);
		expect((await store.manifest(first.id))?.files[0]?.choices).toEqual({});
		expect((await store.manifest(second.id))?.files[0]?.choices).toEqual({ mode: 'replace' });
		const after = await stat(blob);
		expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs]);
	});

	it('keeps the same file listed twice in one dataset', async () => {
		const bytes = encode('x');
		const published = await store.publish([
			{ name: 'one.csv', bytes, choices: {} },
			{ name: 'two.csv', bytes, choices: {} }
		]);
		expect(published.files.map((file) => file.name)).toEqual(['one.csv', 'two.csv']);
		expect(await readdir(path.join(root, 'blobs'))).toEqual([sha256(bytes)]);
	});

	it('refuses an empty dataset', async () => {
		await expect(store.publish([])).rejects.toThrow('A dataset needs at least one file.');
	});

	it('answers null for an unknown id and for a file the dataset does not list', async () => {
		const one = await store.publish([{ name: 'a.csv', bytes: encode('a'), choices: {} }]);
		const other = await store.publish([{ name: 'b.csv', bytes: encode('b'), choices: {} }]);
		expect(await store.manifest(VALID_ID)).toBeNull();
		expect(await store.file(VALID_ID, sha256(encode('a')))).toBeNull();
		// The blob exists, but only through the dataset that lists it.
		expect(await store.file(one.id, other.files[0]!.hash)).toBeNull();
		expect(await createFolderStore(path.join(workdir, 'nothing')).manifest(VALID_ID)).toBeNull();
	});

	it('keeps 20 concurrent publishes of overlapping files apart', async () => {
		const shared = Array.from({ length: 5 }, (_, index) => encode(`shared ${index}\n`.repeat(500)));
		const inputs = Array.from({ length: 20 }, (_, index) => [
			{ name: `공유-${index % 5}.csv`, bytes: shared[index % 5]!, choices: { index } },
			{ name: `공유-${(index + 1) % 5}.csv`, bytes: shared[(index + 1) % 5]!, choices: {} },
			{ name: `own-${index}.csv`, bytes: encode(`own ${index}`), choices: {} }
		]);
		const published = await Promise.all(inputs.map((files) => store.publish(files)));

		expect(new Set(published.map((manifest) => manifest.id)).size).toBe(20);
		for (const [index, manifest] of published.entries()) {
			expect(await store.manifest(manifest.id)).toEqual(manifest);
			for (const file of inputs[index]!) {
				expect(await store.file(manifest.id, sha256(file.bytes))).toEqual(file.bytes);
			}
		}
		expect(await readdir(path.join(root, 'blobs'))).toHaveLength(25);
		expect(await readdir(path.join(root, 'datasets'))).toHaveLength(20);
	});
});

describe('corruption', () => {
	async function publishTwo() {
		const good = encode('구,점수\n종로구,87.5\n');
		const published = await store.publish([
			{ name: 'all.bin', bytes: ALL_BYTES, choices: {} },
			{ name: 'good.csv', bytes: good, choices: {} }
		]);
		return { published, good, blob: path.join(root, 'blobs', sha256(ALL_BYTES)) };
	}

	it('detects a flipped byte in a file and serves nothing', async () => {
		const { published, good, blob } = await publishTwo();
		const bytes = await readFile(blob);
		bytes[128] = bytes[128]! ^ 0x01;
		await writeFile(blob, bytes);

		const read = store.file(published.id, sha256(ALL_BYTES));
		await expect(read).rejects.toBeInstanceOf(CorruptDatasetError);
		await expect(read).rejects.toThrow(
			`Dataset ${published.id}: file ${sha256(ALL_BYTES)} is damaged (its bytes no longer match their SHA-256).`
		);
		expect(await store.file(published.id, sha256(good))).toEqual(good);
	});

	it('detects a truncated file and a missing one', async () => {
		const { published, blob } = await publishTwo();
		await writeFile(blob, ALL_BYTES.subarray(0, 100));
		await expect(store.file(published.id, sha256(ALL_BYTES))).rejects.toThrow(/is damaged/);
		await rm(blob);
		await expect(store.file(published.id, sha256(ALL_BYTES))).rejects.toThrow(
			`Dataset ${published.id}: file ${sha256(ALL_BYTES)} is missing from the store.`
		);
	});

	it('heals a damaged blob when the same bytes are published again', async () => {
		const { published, blob } = await publishTwo();
		await writeFile(blob, encode('garbage'));
		await store.publish([{ name: 'again.bin', bytes: ALL_BYTES, choices: {} }]);
		expect(await store.file(published.id, sha256(ALL_BYTES))).toEqual(ALL_BYTES);
	});

	it.each([
		[
			'a changed size that is still valid JSON',
			(text: string) => text.replace('"bytes": 256', '"bytes": 257'),
			'checksum mismatch'
		],
		[
			'a renamed file',
			(text: string) => text.replace('"all.bin"', '"all.csv"'),
			'checksum mismatch'
		],
		['a cut-off file', (text: string) => text.slice(0, text.length / 2), 'not readable JSON'],
		['an empty file', () => '', 'not readable JSON'],
		['another layout', () => '{"manifest": []}', 'unexpected layout']
	])('detects a manifest with %s', async (_, damage, why) => {
		const { published } = await publishTwo();
		const file = path.join(root, 'datasets', `${published.id}.json`);
		await writeFile(file, damage(await readFile(file, 'utf8')));

		const read = store.manifest(published.id);
		await expect(read).rejects.toBeInstanceOf(CorruptDatasetError);
		await expect(read).rejects.toThrow(
			`Dataset ${published.id}: the manifest is damaged (${why}).`
		);
		// Files are reached through their manifest, so they are refused too.
		await expect(store.file(published.id, sha256(ALL_BYTES))).rejects.toBeInstanceOf(
			CorruptDatasetError
		);
	});

	it('detects a flipped byte anywhere in a manifest', async () => {
		const { published } = await publishTwo();
		const file = path.join(root, 'datasets', `${published.id}.json`);
		const original = await readFile(file);
		// Whitespace outside the JSON values may change freely; every other byte is guarded.
		const guarded = [...original.keys()].filter(
			(index) => !/\s/.test(String.fromCharCode(original[index]!))
		);
		for (const index of guarded) {
			const damaged = Buffer.from(original);
			damaged[index] = damaged[index]! ^ 0x01;
			await writeFile(file, damaged);
			await expect(store.manifest(published.id), `byte ${index}`).rejects.toBeInstanceOf(
				CorruptDatasetError
			);
		}
	});

	it('still reads a manifest whose JSON was re-indented (the checksum is over canonical JSON)', async () => {
		const { published } = await publishTwo();
		const file = path.join(root, 'datasets', `${published.id}.json`);
		await writeFile(file, JSON.stringify(JSON.parse(await readFile(file, 'utf8'))));
		expect(await store.manifest(published.id)).toEqual(published);
	});

	it('refuses an intact manifest stored under another id', async () => {
		const { published } = await publishTwo();
		const datasets = path.join(root, 'datasets');
		await writeFile(
			path.join(datasets, `${VALID_ID}.json`),
			await readFile(path.join(datasets, `${published.id}.json`))
		);
		await expect(store.manifest(VALID_ID)).rejects.toThrow(
			`Dataset ${VALID_ID}: the manifest is damaged (it belongs to another id).`
		);
	});
});

describe('path traversal', () => {
	const attempts = [
		'../x',
		'..%2f',
		'%2e%2e%2f',
		'a\u0000b',
		VALID_ID.slice(1),
		`${VALID_ID}A`,
		'AAAAAAAAAA/AAAAAAAAAAA',
		'AAAAAAAAAA.AAAAAAAAAAA',
		'../outside',
		'../../outside',
		'../outside.json',
		'..\\outside',
		'%2e%2e/outside',
		'datasets/../../outside'
	];

	it('never reads outside the root, nor anything at all, for a refused id or hash', async () => {
		const published = await store.publish([{ name: 'a.csv', bytes: ALL_BYTES, choices: {} }]);
		const hash = sha256(ALL_BYTES);
		// A perfectly valid manifest and blob planted just outside the root.
		const manifestFile = await readFile(path.join(root, 'datasets', `${published.id}.json`));
		await writeFile(path.join(workdir, 'outside.json'), manifestFile);
		await writeFile(path.join(workdir, 'outside'), manifestFile);
		await mkdir(path.join(workdir, 'blobs'));
		await writeFile(path.join(workdir, 'blobs', hash), ALL_BYTES);

		vi.clearAllMocks();
		for (const id of attempts) {
			expect(await store.manifest(id), id).toBeNull();
			expect(await store.file(id, hash), id).toBeNull();
			expect(await store.open(id, hash), id).toBeNull();
		}
		for (const bad of ['../outside', `../blobs/${hash}`, hash.toUpperCase(), `${hash}\u0000`]) {
			expect(await store.file(published.id, bad), bad).toBeNull();
			expect(await store.open(published.id, bad), bad).toBeNull();
		}
		expect(fsCalls()).toBe(0);
		// The spies do see a legitimate read, so the zero above means something.
		await store.manifest(published.id);
		expect(fsCalls()).toBeGreaterThan(0);
	});

	it('does not even create the root for a refused id', async () => {
		const untouched = createFolderStore(path.join(workdir, 'never'));
		expect(await untouched.manifest('../x')).toBeNull();
		await expect(stat(path.join(workdir, 'never'))).rejects.toThrow(/ENOENT/);
	});
});

describe('crash safety', () => {
	it('leaves no visible dataset when a publish dies before its manifest is written', async () => {
		const earlier = await store.publish([{ name: 'earlier.csv', bytes: encode('1'), choices: {} }]);
		let doomed = '';
		const crashing = createFolderStore(root, {
			beforeManifestCommit: (id) => {
				doomed = id;
				throw new Error('simulated crash');
			}
		});

		await expect(
			crashing.publish([{ name: 'later.csv', bytes: ALL_BYTES, choices: {} }])
		).rejects.toThrow('simulated crash');

		expect(isDatasetId(doomed)).toBe(true);
		expect(await store.manifest(doomed)).toBeNull();
		expect(await store.file(doomed, sha256(ALL_BYTES))).toBeNull();
		expect(await readdir(path.join(root, 'datasets'))).toEqual([`${earlier.id}.json`]);
		expect(await store.manifest(earlier.id)).toEqual(earlier);
		expect(await store.file(earlier.id, sha256(encode('1')))).toEqual(encode('1'));
	});

	it('ignores a half-written temp file and removes stale ones on start', async () => {
		const earlier = await store.publish([{ name: 'earlier.csv', bytes: encode('1'), choices: {} }]);
		const datasets = path.join(root, 'datasets');
		const blobs = path.join(root, 'blobs');
		const stale = [path.join(datasets, '.tmp-stale'), path.join(blobs, '.tmp-stale')];
		const fresh = [path.join(datasets, '.tmp-fresh'), path.join(blobs, '.tmp-fresh')];
		const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
		for (const file of [...stale, ...fresh]) await writeFile(file, '{"manifest":');
		for (const file of stale) await utimes(file, twoHoursAgo, twoHoursAgo);

		const restarted = createFolderStore(root);
		expect(await restarted.manifest(earlier.id)).toEqual(earlier);
		await restarted.publish([{ name: 'later.csv', bytes: encode('2'), choices: {} }]);

		for (const file of stale) await expect(stat(file)).rejects.toThrow(/ENOENT/);
		for (const file of fresh) expect((await stat(file)).isFile()).toBe(true);
	});
});

/** Reads a stream to its end or its error, keeping what arrived before an error. */
async function drain(body: ReadableStream<Uint8Array>) {
	const chunks: Uint8Array[] = [];
	let error: unknown = null;
	try {
		for await (const chunk of body) chunks.push(chunk);
	} catch (caught) {
		error = caught;
	}
	return { bytes: new Uint8Array(Buffer.concat(chunks)), error };
}

/** Length and SHA-256: as strict as toEqual, and fast on big arrays (toEqual takes ~1 s per 300 KB). */
const fingerprint = (bytes: Uint8Array) => `${bytes.byteLength} bytes, ${sha256(bytes)}`;

/** What a download of the file delivers, as a fingerprint. */
async function served(from: DatasetStore, id: string, hash: string): Promise<string> {
	const opened = await from.open(id, hash);
	if (!opened) throw new Error(`not found: ${id} ${hash}`);
	const { bytes, error } = await drain(opened.body);
	if (error) throw error;
	return fingerprint(bytes);
}

/** Bytes that differ from chunk to chunk (the stream reads 64 KiB at a time). */
function patterned(length: number): Uint8Array {
	return Uint8Array.from({ length }, (_, index) => (index * 31 + (index >> 16)) & 0xff);
}

/** Flips one byte in place, through the same inode (as a disk or a stray write would). */
async function flipInPlace(file: string, position: number): Promise<void> {
	const handle = await open(file, 'r+');
	try {
		const byte = new Uint8Array(1);
		await handle.read(byte, 0, 1, position);
		byte[0] = byte[0]! ^ 0x01;
		await handle.write(byte, 0, 1, position);
	} finally {
		await handle.close();
	}
}

describe('open: streaming a file', () => {
	let checks: string[];

	beforeEach(() => {
		checks = [];
		store = createFolderStore(root, { onVerify: (hash) => checks.push(hash) });
	});

	it('streams every file byte for byte, with its size, and null for what the dataset does not list', async () => {
		const files = [ALL_BYTES, new Uint8Array(0), patterned(64 * 1024), patterned(200_001)];
		const published = await store.publish(
			files.map((bytes, index) => ({ name: `${index}.bin`, bytes, choices: {} }))
		);
		for (const bytes of files) {
			const opened = await store.open(published.id, sha256(bytes));
			expect(opened?.bytes).toBe(bytes.byteLength);
			const { bytes: read, error } = await drain(opened!.body);
			expect(error).toBeNull();
			expect(fingerprint(read)).toBe(fingerprint(bytes));
		}
		const other = await store.publish([{ name: 'b.csv', bytes: encode('b'), choices: {} }]);
		expect(await store.open(published.id, other.files[0]!.hash)).toBeNull();
		expect(await store.open(VALID_ID, sha256(ALL_BYTES))).toBeNull();
	});

	it('hashes a file in full once per process, however often and however many at once it is opened', async () => {
		const bytes = patterned(300_000);
		const hash = sha256(bytes);
		const published = await store.publish([{ name: 'a.csv', bytes, choices: {} }]);

		const opened = await Promise.all(
			Array.from({ length: 10 }, () => store.open(published.id, hash))
		);
		for (const file of opened)
			expect(fingerprint((await drain(file!.body)).bytes)).toBe(fingerprint(bytes));
		for (let i = 0; i < 3; i++)
			expect(await served(store, published.id, hash)).toBe(fingerprint(bytes));
		expect(checks).toEqual([hash]);

		// A restart forgets: the new process checks again.
		const restarted = createFolderStore(root, { onVerify: (h) => checks.push(h) });
		expect(await served(restarted, published.id, hash)).toBe(fingerprint(bytes));
		expect(checks).toEqual([hash, hash]);
	});

	it('refuses a damaged, truncated or missing file before sending anything', async () => {
		const published = await store.publish([{ name: 'all.bin', bytes: ALL_BYTES, choices: {} }]);
		const hash = sha256(ALL_BYTES);
		const blob = path.join(root, 'blobs', hash);
		await flipInPlace(blob, 200);
		const read = store.open(published.id, hash);
		await expect(read).rejects.toBeInstanceOf(CorruptDatasetError);
		await expect(read).rejects.toThrow(
			`Dataset ${published.id}: file ${hash} is damaged (its bytes no longer match their SHA-256).`
		);
		await writeFile(blob, ALL_BYTES.subarray(0, 100));
		await expect(store.open(published.id, hash)).rejects.toThrow(/is damaged/);
		// The wrong size alone refuses it: only the first damage needed a full hash.
		expect(checks).toEqual([hash]);
		await rm(blob);
		await expect(store.open(published.id, hash)).rejects.toThrow(
			`Dataset ${published.id}: file ${hash} is missing from the store.`
		);
	});

	it('checks again when a checked file changes on disk, even with its size and mtime put back', async () => {
		const bytes = patterned(100_000);
		const hash = sha256(bytes);
		const published = await store.publish([{ name: 'a.bin', bytes, choices: {} }]);
		const blob = path.join(root, 'blobs', hash);
		const whole = new Date('2031-03-01T09:00:00Z');
		await utimes(blob, whole, whole);
		expect(await served(store, published.id, hash)).toBe(fingerprint(bytes));
		expect(checks).toHaveLength(1);

		// Same size, same mtime: only the ctime (which cannot be set by hand) moved.
		await flipInPlace(blob, 50_000);
		await utimes(blob, whole, whole);
		expect((await stat(blob)).size).toBe(bytes.byteLength);
		expect((await stat(blob)).mtimeMs).toBe(whole.getTime());
		await expect(store.open(published.id, hash)).rejects.toThrow(/is damaged/);
		expect(checks).toHaveLength(2);

		// A publish of the same bytes heals it (a new inode), which is checked and then served.
		await store.publish([{ name: 'again.bin', bytes, choices: {} }]);
		expect(await served(store, published.id, hash)).toBe(fingerprint(bytes));
		expect(checks).toHaveLength(3);
	});

	it('stops a download before its last chunk when the file is damaged while it is sent', async () => {
		const bytes = patterned(4 * 64 * 1024 + 123);
		const hash = sha256(bytes);
		const published = await store.publish([{ name: 'a.bin', bytes, choices: {} }]);
		const blob = path.join(root, 'blobs', hash);
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});

		const opened = (await store.open(published.id, hash))!;
		const reader = opened.body.getReader();
		const first = await reader.read();
		expect(fingerprint(first.value!)).toBe(fingerprint(bytes.subarray(0, 64 * 1024)));
		// Damage the stream has not read yet, after it checked the file (like bit rot, unseen).
		await flipInPlace(blob, 3 * 64 * 1024);
		const received = [first.value!];
		let failure: unknown = null;
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				received.push(value);
			}
		} catch (error) {
			failure = error;
		}
		expect(failure).toBeInstanceOf(CorruptDatasetError);
		// The client never holds the whole file: the last chunk was kept back.
		const total = received.reduce((sum, chunk) => sum + chunk.byteLength, 0);
		expect(total).toBe(4 * 64 * 1024);
		expect(total).toBeLessThan(bytes.byteLength);
		expect(errors).toHaveBeenCalledWith(
			`Dataset ${published.id}: file ${hash} is damaged (its bytes no longer match their SHA-256). The download was stopped before its end.`
		);
		errors.mockRestore();

		// And it is not trusted any more: the next open checks it and refuses it.
		await expect(store.open(published.id, hash)).rejects.toThrow(/is damaged/);
	});

	it('fails, sending nothing, when the file changed between the check and the first read', async () => {
		const bytes = patterned(100_000);
		const hash = sha256(bytes);
		const published = await store.publish([{ name: 'a.bin', bytes, choices: {} }]);
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		const opened = (await store.open(published.id, hash))!;
		await flipInPlace(path.join(root, 'blobs', hash), 10);
		const { bytes: read, error } = await drain(opened.body);
		expect(read.byteLength).toBe(0);
		expect(error).toBeInstanceOf(CorruptDatasetError);
		expect(String(error)).toContain('changed on disk after it was checked');
		expect(errors).toHaveBeenCalledOnce();
		errors.mockRestore();
	});

	it.skipIf(process.platform !== 'linux')(
		'holds no file open until read, and closes it when the reader cancels',
		async () => {
			const bytes = patterned(500_000);
			const hash = sha256(bytes);
			const published = await store.publish([{ name: 'a.bin', bytes, choices: {} }]);
			// Only descriptors of this test's own files: Vitest runs other files' tests in threads of
			// this process, whose descriptors come and go meanwhile (one made a count 28, not 27).
			const openFiles = async () => {
				const descriptors = await readdir('/proc/self/fd');
				const targets = await Promise.all(
					descriptors.map((fd) => fsp.readlink(`/proc/self/fd/${fd}`).catch(() => ''))
				);
				return targets.filter((target) => target.startsWith(workdir + path.sep)).length;
			};
			const before = await openFiles();

			const unread = await store.open(published.id, hash);
			expect(unread?.bytes).toBe(bytes.byteLength);
			expect(await openFiles()).toBe(before);

			const reading = (await store.open(published.id, hash))!;
			const reader = reading.body.getReader();
			expect((await reader.read()).value?.byteLength).toBe(64 * 1024);
			expect(await openFiles()).toBe(before + 1);
			await reader.cancel();
			expect(await openFiles()).toBe(before);
		}
	);

	it('streams a 50 MB file in bounded memory, where file() holds all of it', async () => {
		setFlagsFromString('--expose-gc');
		const gc = runInNewContext('gc') as () => void;
		const size = 50 * 1024 * 1024;
		// Made in a function of its own, so nothing here keeps the 50 MB once it is published.
		const { published, hash } = await (async () => {
			const bytes = new Uint8Array(size);
			for (let i = 0; i < size; i += 4096) bytes[i] = (i >> 12) & 0xff;
			return {
				published: await store.publish([{ name: 'big.csv', bytes, choices: {} }]),
				hash: sha256(bytes)
			};
		})();

		const used = () => {
			// The second collection waits for the first one's freeing of array buffers to finish.
			gc();
			gc();
			const { heapUsed, arrayBuffers } = process.memoryUsage();
			return heapUsed + arrayBuffers;
		};
		const baseline = used();
		let peak = baseline;
		const digest = createHash('sha256');
		let count = 0;
		const opened = (await store.open(published.id, hash))!;
		for await (const chunk of opened.body) {
			digest.update(chunk);
			if (++count % 32 === 0) {
				// A slow client: anything read ahead of it would pile up here.
				await new Promise((resolve) => setTimeout(resolve, 5));
				peak = Math.max(peak, used());
			}
		}
		expect(digest.digest('hex')).toBe(hash);
		expect(count).toBe(size / (64 * 1024));
		const streamed = peak - baseline;
		expect(streamed).toBeLessThan(4 * 1024 * 1024);

		// The same measure does see a whole file in memory, so the bound above means something.
		const whole = await store.file(published.id, hash);
		const held = used() - baseline;
		expect(whole?.byteLength).toBe(size);
		expect(held).toBeGreaterThan(0.9 * size);
	});
});
