import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What a sign-in gives the browser: the session id for its cookie, and how long it lasts. */
export interface EditorSession {
	id: string;
	maxAgeSeconds: number;
}

export interface EditorSessions {
	/** A new session for the editor token in force. */
	create(): Promise<EditorSession>;
	/** Whether the id names a live session of the token in force. */
	valid(id: string | null | undefined): Promise<boolean>;
	/** Ends the session (sign-out); unknown ids are ignored. */
	end(id: string | null | undefined): Promise<void>;
}

export interface EditorSessionOptions {
	/** Lifetime of a session from its sign-in, in ms. */
	lifetimeMs: number;
	now?: () => number;
}

export const DEFAULT_SESSION_HOURS = 8;
// 32 random bytes in base64url: 43 characters, 256 bits.
const ID_BYTES = 32;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * Editor sessions, kept as files in `folder` so every server process on the same store knows
 * them (behind a load balancer, a sign-in on one is honoured by the others):
 * `<sha256 of the id>.json` holding its expiry and a fingerprint of the editor token it was made
 * under. The browser's cookie holds only the random id, never the token; a listing of the
 * folder gives no usable id; a changed token ends every session made under the old one;
 * sign-out deletes the file.
 */
export function createSessionStore(
	folder: string,
	token: string,
	options: EditorSessionOptions
): EditorSessions {
	const now = options.now ?? Date.now;
	const fingerprint = sha256(`editor-token:${token}`);
	const fileOf = (id: string) => path.join(folder, `${sha256(id)}.json`);

	async function read(id: string): Promise<{ expiresAt: number; token: string } | null> {
		try {
			const parsed = JSON.parse(await readFile(fileOf(id), 'utf8')) as unknown;
			const record = parsed as { expiresAt?: unknown; token?: unknown };
			if (typeof record.expiresAt !== 'number' || typeof record.token !== 'string') return null;
			return { expiresAt: record.expiresAt, token: record.token };
		} catch {
			return null;
		}
	}

	/** Deletes expired sessions and those of another token: a sign-in's small chore. */
	async function sweep(): Promise<void> {
		const names = await readdir(folder).catch(() => [] as string[]);
		await Promise.all(
			names
				.filter((name) => /^[0-9a-f]{64}\.json$/.test(name))
				.map(async (name) => {
					const file = path.join(folder, name);
					try {
						const record = JSON.parse(await readFile(file, 'utf8')) as {
							expiresAt: number;
							token: string;
						};
						if (record.expiresAt > now() && record.token === fingerprint) return;
					} catch {
						// Unreadable: as good as expired.
					}
					await rm(file, { force: true });
				})
		);
	}

	return {
		async create() {
			await mkdir(folder, { recursive: true, mode: 0o700 });
			await sweep();
			const id = randomBytes(ID_BYTES).toString('base64url');
			const record = { expiresAt: now() + options.lifetimeMs, token: fingerprint };
			// Whole or not at all: a second process reading it mid-write sees no session, not half.
			const temp = path.join(folder, `.tmp-${randomBytes(8).toString('hex')}`);
			await writeFile(temp, JSON.stringify(record), { mode: 0o600 });
			await rename(temp, fileOf(id));
			return { id, maxAgeSeconds: Math.floor(options.lifetimeMs / 1000) };
		},

		async valid(id) {
			if (!id || !SESSION_ID.test(id)) return false;
			const record = await read(id);
			return record !== null && record.token === fingerprint && record.expiresAt > now();
		},

		async end(id) {
			if (!id || !SESSION_ID.test(id)) return;
			await rm(fileOf(id), { force: true });
		}
	};
}

function sha256(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}
