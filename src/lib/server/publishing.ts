import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createFolderStore, type DatasetStore } from './dataset-store';
import { loadEditorToken, tokenMatches, type EditorTokenSetup } from './editor-token';

/** Everything publishing needs on the server, set up once from the environment. */
export interface Publishing {
	store: DatasetStore;
	editor: EditorTokenSetup;
	/** Largest publish request body accepted, in bytes. */
	maxBytes: number;
	root: string;
}

export const EDITOR_COOKIE = 'editor_token';
const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/**
 * Reads `STORE_DIR` (default `var/datasets`), `EDITOR_TOKEN` and `PUBLISH_MAX_BYTES`
 * (default 100 MiB), creates the folder and the editor token if needed.
 */
export async function setUpPublishing(
	env: Record<string, string | undefined>
): Promise<Publishing> {
	const root = storeRoot(env);
	await mkdir(root, { recursive: true });
	const editor = await loadEditorToken(env, root);
	const configured = Number(env.PUBLISH_MAX_BYTES);
	const maxBytes = Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_MAX_BYTES;
	return { store: createFolderStore(root), editor, maxBytes, root };
}

/** The folder published datasets are kept in: `STORE_DIR`, or `var/datasets` in the working directory. */
export function storeRoot(env: Record<string, string | undefined>): string {
	return path.resolve(env.STORE_DIR || 'var/datasets');
}

/** Whether a request carries the editor token, in the `Authorization: Bearer` header or the cookie. */
export function isEditor(
	publishing: Publishing,
	request: Request,
	cookie: string | undefined
): boolean {
	const header = request.headers.get('authorization');
	const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
	return (
		tokenMatches(publishing.editor.token, bearer) || tokenMatches(publishing.editor.token, cookie)
	);
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
