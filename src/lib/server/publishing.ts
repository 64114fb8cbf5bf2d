import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createFolderStore, type DatasetStore } from './dataset-store';
import { createSessionStore, DEFAULT_SESSION_HOURS, type EditorSessions } from './editor-sessions';
import { loadEditorToken, tokenMatches, type EditorTokenSetup } from './editor-token';

/** Everything publishing needs on the server, set up once from the environment. */
export interface Publishing {
	store: DatasetStore;
	editor: EditorTokenSetup;
	/** Signed-in editors' browsers. */
	sessions: EditorSessions;
	/** Whether cookies are marked Secure: the public address (`ORIGIN`) is https. */
	secureCookies: boolean;
	/** Largest publish request body accepted, in bytes. */
	maxBytes: number;
	root: string;
}

/** The cookie of an editor's session: a random id, never the token. */
export const EDITOR_COOKIE = 'editor_session';
const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/**
 * Reads `STORE_DIR` (default `var/datasets`), `EDITOR_TOKEN` or `EDITOR_TOKEN_FILE`,
 * `EDITOR_SESSION_HOURS` (default 8), `PUBLISH_MAX_BYTES` (default 100 MiB) and `ORIGIN`;
 * creates the folder and the editor token if needed. Sessions are kept in the store folder, so
 * every process on it honours them.
 */
export async function setUpPublishing(
	env: Record<string, string | undefined>
): Promise<Publishing> {
	const root = storeRoot(env);
	await mkdir(root, { recursive: true });
	const editor = await loadEditorToken(env, root);
	const configured = Number(env.PUBLISH_MAX_BYTES);
	const maxBytes = Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_MAX_BYTES;
	const hours = Number(env.EDITOR_SESSION_HOURS);
	const lifetimeHours = Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_SESSION_HOURS;
	const sessions = createSessionStore(path.join(root, 'sessions'), editor.token, {
		lifetimeMs: lifetimeHours * 60 * 60 * 1000
	});
	const secureCookies = (env.ORIGIN ?? '').startsWith('https:');
	return { store: createFolderStore(root), editor, sessions, secureCookies, maxBytes, root };
}

/** The folder published datasets are kept in: `STORE_DIR`, or `var/datasets` in the working directory. */
export function storeRoot(env: Record<string, string | undefined>): string {
	return path.resolve(env.STORE_DIR || 'var/datasets');
}

/**
 * Whether a request comes from an editor: the token in an `Authorization: Bearer` header (for
 * scripts), or the cookie of a live session (for browsers).
 */
export async function isEditor(
	publishing: Publishing,
	request: Request,
	cookie: string | undefined
): Promise<boolean> {
	const header = request.headers.get('authorization');
	const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
	if (tokenMatches(publishing.editor.token, bearer)) return true;
	return publishing.sessions.valid(cookie);
}

/**
 * Whether a state-changing request comes from this app's own pages. Browsers send `Origin` on
 * every cross-site POST, whatever its content type, always as scheme://host[:port], so it is
 * compared as a whole string: a look-alike with a user name (`http://evil@host`) or another
 * port never matches. With `ORIGIN` set (the public address), scheme, host and port must be
 * its own. Without it, behind plain http on an intranet adapter-node cannot know the scheme
 * (it assumes https unless told), so either scheme is taken for this host and port.
 */
export function isSameOrigin(request: Request, url: URL, configuredOrigin?: string): boolean {
	const origin = request.headers.get('origin');
	if (!origin) return false;
	if (configuredOrigin) {
		try {
			return origin === new URL(configuredOrigin).origin;
		} catch {
			return false;
		}
	}
	return origin === `http://${url.host}` || origin === `https://${url.host}`;
}
