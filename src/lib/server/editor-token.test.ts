import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_TOKEN_LENGTH, loadEditorToken, tokenMatches } from './editor-token';

const GOOD = 'x'.repeat(MIN_TOKEN_LENGTH);

let dataRoot: string;

beforeEach(async () => {
	dataRoot = await mkdtemp(path.join(tmpdir(), 'editor-token-'));
});

afterEach(async () => {
	await rm(dataRoot, { recursive: true, force: true });
});

describe('loadEditorToken', () => {
	it('uses EDITOR_TOKEN and writes nothing', async () => {
		const token = 'an-editor-token-of-forty-characters-long';
		const setup = await loadEditorToken({ EDITOR_TOKEN: `  ${token}\n` }, dataRoot);
		expect(setup).toEqual({ token, source: 'env', file: null });
		await expect(stat(path.join(dataRoot, 'editor-token'))).rejects.toThrow(/ENOENT/);
	});

	it('refuses a short EDITOR_TOKEN with a clear message that does not echo it', async () => {
		const short = 'secret-but-short';
		const error = await loadEditorToken({ EDITOR_TOKEN: short }, dataRoot).catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toContain(
			'EDITOR_TOKEN is 16 characters long; an editor token needs at least 32.'
		);
		expect((error as Error).message).not.toContain(short);
	});

	it('accepts a token of exactly the minimum length', async () => {
		expect((await loadEditorToken({ EDITOR_TOKEN: GOOD }, dataRoot)).token).toBe(GOOD);
	});

	it('generates a 256-bit token, keeps it with mode 0600 and reuses it on the next load', async () => {
		const first = await loadEditorToken({}, dataRoot);
		const file = path.join(dataRoot, 'editor-token');
		expect(first.source).toBe('generated');
		expect(first.file).toBe(file);
		expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect((await stat(file)).mode & 0o777).toBe(0o600);
		expect((await readFile(file, 'utf8')).trim()).toBe(first.token);

		const second = await loadEditorToken({ EDITOR_TOKEN: '' }, dataRoot);
		expect(second).toEqual({ token: first.token, source: 'file', file });
	});

	it('creates the data folder when it does not exist yet', async () => {
		const nested = path.join(dataRoot, 'not', 'yet');
		const setup = await loadEditorToken({}, nested);
		expect(setup.file).toBe(path.join(nested, 'editor-token'));
		expect((await stat(path.join(nested, 'editor-token'))).mode & 0o777).toBe(0o600);
	});

	it('gives concurrent first starts one and the same token', async () => {
		const setups = await Promise.all(
			Array.from({ length: 8 }, () => loadEditorToken({}, dataRoot))
		);
		expect(new Set(setups.map((setup) => setup.token)).size).toBe(1);
		expect(setups.filter((setup) => setup.source === 'generated')).toHaveLength(1);
	});

	it('reads the file EDITOR_TOKEN_FILE names, writing nothing in the store', async () => {
		const secret = path.join(dataRoot, 'mounted-secret');
		await writeFile(secret, `${GOOD}\n`, { mode: 0o600 });
		const setup = await loadEditorToken(
			{ EDITOR_TOKEN_FILE: secret },
			path.join(dataRoot, 'store')
		);
		expect(setup).toEqual({ token: GOOD, source: 'operator-file', file: secret });
		await expect(stat(path.join(dataRoot, 'store', 'editor-token'))).rejects.toThrow(/ENOENT/);
	});

	it('refuses a missing or short EDITOR_TOKEN_FILE, naming it', async () => {
		const missing = path.join(dataRoot, 'nowhere');
		await expect(loadEditorToken({ EDITOR_TOKEN_FILE: missing }, dataRoot)).rejects.toThrow(
			`EDITOR_TOKEN_FILE names ${missing}, which does not exist.`
		);
		const short = path.join(dataRoot, 'short-secret');
		await writeFile(short, 'short\n');
		await expect(loadEditorToken({ EDITOR_TOKEN_FILE: short }, dataRoot)).rejects.toThrow(
			`EDITOR_TOKEN_FILE (${short}) is 5 characters long`
		);
	});

	it('refuses a short token file and says how to recover', async () => {
		await writeFile(path.join(dataRoot, 'editor-token'), 'short\n', { mode: 0o600 });
		await expect(loadEditorToken({}, dataRoot)).rejects.toThrow(
			/editor-token \(delete it to have a new one generated\) is 5 characters long/
		);
	});
});

describe('tokenMatches', () => {
	it.each([
		['the same token', GOOD, GOOD, true],
		['a different token of the same length', GOOD, 'y'.repeat(MIN_TOKEN_LENGTH), false],
		['a prefix of the token', GOOD, GOOD.slice(0, -1), false],
		['a longer token', GOOD, `${GOOD}x`, false],
		['a very different length', GOOD, 'x', false],
		['null', GOOD, null, false],
		['undefined', GOOD, undefined, false],
		['an empty string', GOOD, '', false],
		['an empty expected token', '', '', false],
		['an expected token below the minimum', 'short', 'short', false]
	] as const)('%s → %s', (_, expected, given, result) => {
		expect(tokenMatches(expected, given)).toBe(result);
	});
});
