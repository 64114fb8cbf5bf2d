import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Shortest editor token the server accepts, in characters. */
export const MIN_TOKEN_LENGTH = 32;

/** The editor token in force and where it came from (`file` is null for the environment). */
export interface EditorTokenSetup {
	token: string;
	/**
	 * `env`: EDITOR_TOKEN; `operator-file`: the file EDITOR_TOKEN_FILE names (a secret mounted
	 * by the operator); `file`: the store's own token file; `generated`: made at this start.
	 */
	source: 'env' | 'operator-file' | 'file' | 'generated';
	file: string | null;
}

const TOKEN_FILE_NAME = 'editor-token';
// 32 bytes = 256 bits, 43 base64url characters.
const GENERATED_TOKEN_BYTES = 32;

/**
 * Reads EDITOR_TOKEN, or the file EDITOR_TOKEN_FILE names, or the token file in the data
 * folder, or makes a random one (≥ 256 bits, base64url) and writes it there with mode 0600.
 * Throws if a configured token is shorter than 32 characters or a named file is missing.
 */
export async function loadEditorToken(
	env: Record<string, string | undefined>,
	dataRoot: string
): Promise<EditorTokenSetup> {
	// Surrounding whitespace is a copy-and-paste accident, not part of a secret; an empty
	// variable (as `EDITOR_TOKEN=` in a compose file leaves it) counts as not configured.
	const configured = env.EDITOR_TOKEN?.trim();
	if (configured) {
		checkLength(configured, 'EDITOR_TOKEN');
		return { token: configured, source: 'env', file: null };
	}
	const operatorFile = env.EDITOR_TOKEN_FILE?.trim();
	if (operatorFile) {
		const file = path.resolve(operatorFile);
		const token = await readTokenFile(file, `EDITOR_TOKEN_FILE (${file})`);
		if (token === null) throw new Error(`EDITOR_TOKEN_FILE names ${file}, which does not exist.`);
		return { token, source: 'operator-file', file };
	}
	const file = path.join(path.resolve(dataRoot), TOKEN_FILE_NAME);
	const stored = await readTokenFile(
		file,
		`The editor token file ${file} (delete it to have a new one generated)`
	);
	if (stored !== null) return { token: stored, source: 'file', file };
	return createTokenFile(file);
}

/** Constant-time comparison (crypto.timingSafeEqual over SHA-256 digests of both, so lengths don't leak). */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
	// A missing or too-short expected token must never let an empty or guessed one through.
	if (!given || expected.length < MIN_TOKEN_LENGTH) return false;
	return timingSafeEqual(digest(expected), digest(given));
}

function digest(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}

function checkLength(token: string, origin: string): void {
	if (token.length >= MIN_TOKEN_LENGTH) return;
	// The token itself stays out of the message: it would end up in logs.
	throw new Error(
		`${origin} is ${token.length} characters long; an editor token needs at least ` +
			`${MIN_TOKEN_LENGTH}. Make one with: ` +
			`node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`
	);
}

async function readTokenFile(file: string, origin: string): Promise<string | null> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
	const token = text.trim();
	checkLength(token, origin);
	return token;
}

async function createTokenFile(file: string): Promise<EditorTokenSetup> {
	const folder = path.dirname(file);
	await mkdir(folder, { recursive: true });
	const token = randomBytes(GENERATED_TOKEN_BYTES).toString('base64url');
	const temp = path.join(folder, `.tmp-${TOKEN_FILE_NAME}-${randomBytes(8).toString('hex')}`);
	try {
		const handle = await open(temp, 'wx', 0o600);
		try {
			// The umask can only narrow the mode; chmod makes it exactly 0600 whatever it is.
			await handle.chmod(0o600);
			await handle.writeFile(`${token}\n`, 'utf8');
			await handle.sync();
		} finally {
			await handle.close();
		}
		// A complete file appears at once (a crash never leaves a half-written token), and link
		// refuses to replace one: when two servers start together, both end up with the first.
		try {
			await link(temp, file);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'EEXIST') {
				const winner = await readTokenFile(file, `The editor token file ${file}`);
				if (winner !== null) return { token: winner, source: 'file', file };
			}
			// Filesystems without hard links: rename is still atomic, only not exclusive.
			if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
			await rename(temp, file);
		}
	} finally {
		await rm(temp, { force: true });
	}
	return { token, source: 'generated', file };
}
