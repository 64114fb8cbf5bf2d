import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionStore } from './editor-sessions';

const TOKEN = 'an-editor-token-of-forty-characters-long';
const HOUR = 60 * 60 * 1000;

let folder: string;
beforeEach(async () => {
	folder = path.join(await mkdtemp(path.join(tmpdir(), 'sessions-')), 'sessions');
});
afterEach(async () => {
	await rm(path.dirname(folder), { recursive: true, force: true });
});

describe('editor sessions', () => {
	it('gives a random id that is not the token and keeps neither in the clear', async () => {
		const sessions = createSessionStore(folder, TOKEN, { lifetimeMs: 8 * HOUR });
		const a = await sessions.create();
		const b = await sessions.create();
		expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(a.id).not.toBe(b.id);
		expect(a.id).not.toContain(TOKEN);
		expect(a.maxAgeSeconds).toBe(8 * 60 * 60);
		expect(await sessions.valid(a.id)).toBe(true);
		const names = await readdir(folder);
		expect(names).toHaveLength(2);
		for (const name of names) {
			expect(name).not.toContain(a.id);
			const text = await readFile(path.join(folder, name), 'utf8');
			expect(text).not.toContain(a.id);
			expect(text).not.toContain(TOKEN);
		}
	});

	it('ends a session at sign-out, leaving the others', async () => {
		const sessions = createSessionStore(folder, TOKEN, { lifetimeMs: HOUR });
		const a = await sessions.create();
		const b = await sessions.create();
		await sessions.end(a.id);
		expect(await sessions.valid(a.id)).toBe(false);
		expect(await sessions.valid(b.id)).toBe(true);
	});

	it('expires a session after its lifetime', async () => {
		let clock = 1_000;
		const sessions = createSessionStore(folder, TOKEN, { lifetimeMs: HOUR, now: () => clock });
		const { id } = await sessions.create();
		clock += HOUR - 1;
		expect(await sessions.valid(id)).toBe(true);
		clock += 1;
		expect(await sessions.valid(id)).toBe(false);
	});

	it('ends every session when the token changes, and another process sees the same sessions', async () => {
		const first = createSessionStore(folder, TOKEN, { lifetimeMs: HOUR });
		const { id } = await first.create();
		const otherProcess = createSessionStore(folder, TOKEN, { lifetimeMs: HOUR });
		expect(await otherProcess.valid(id)).toBe(true);
		const rotated = createSessionStore(folder, `${TOKEN}-rotated`, { lifetimeMs: HOUR });
		expect(await rotated.valid(id)).toBe(false);
		// The next sign-in under the new token clears the old token's sessions away.
		await rotated.create();
		expect(await readdir(folder)).toHaveLength(1);
	});

	it.each([undefined, null, '', 'short', TOKEN, '../../editor-token', 'x'.repeat(43) + '/'])(
		'refuses %s without touching a file',
		async (id) => {
			const sessions = createSessionStore(folder, TOKEN, { lifetimeMs: HOUR });
			expect(await sessions.valid(id)).toBe(false);
			await sessions.end(id);
		}
	);
});
