// The layer between Node's HTTP server and adapter-node's handler, installed by `build/index.js`
// (written by svelte.config.js). It sees every request first, static files included, which
// adapter-node serves (with sirv) before SvelteKit's hooks could add a header or catch an error.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Headers every answer carries: the browser never guesses a type other than the one sent (a
 * JSON manifest holds file names staff chose), and a link followed out of the dashboard never
 * tells the other site which view, filters or dataset id it came from.
 */
export const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin'
};

/**
 * The policy of the app's Web Workers (DuckDB's, and the upload scanner). A worker takes its
 * policy from its own script's response, not from the page.
 */
const WORKER_CSP =
	"default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; worker-src 'none'";
const WORKER_SCRIPT =
	/^\/_app\/immutable\/(workers\/[^/?]+\.js|assets\/duckdb-browser-[^/?]+\.worker\.[^/?]+\.js)(\?|$)/;

/**
 * @typedef {object} HardenOptions
 * @property {string[]} staticRoots Folders adapter-node serves files from (build/client, …).
 * @property {number} [socketTimeoutSeconds] Silence after which a connection is closed (60).
 * @property {(message: string) => void} [log]
 */

/**
 * Puts the guard in front of the server's request handler:
 * - closes a connection silent for `socketTimeoutSeconds`, so a body that stalls cannot hold
 *   it open (Node's own `requestTimeout` stops counting once the request reached its handler);
 * - adds the security headers to every answer, and the workers' policy to their scripts;
 * - answers 404 for a static file that was there at start and is gone now (a redeploy that
 *   replaces `build/`): sirv lists the files once at start and would send its headers, then
 *   fail to open the file with nothing to catch the error, and Node would exit. A file that
 *   vanishes in the instant between this check and sirv's open cuts that one response short
 *   instead of the process.
 * @param {import('node:http').Server} server
 * @param {HardenOptions} options
 */
export function hardenServer(server, options) {
	const log = options.log ?? ((message) => console.error(message));
	server.setTimeout((options.socketTimeoutSeconds || 60) * 1000);
	const listed = options.staticRoots.map((root) => ({ root, files: listFiles(root) }));
	const handlers = server.listeners('request');
	server.removeAllListeners('request');

	server.on('request', (request, response) => {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
		const url = request.url ?? '/';
		if (WORKER_SCRIPT.test(url)) response.setHeader('content-security-policy', WORKER_CSP);
		response.on('pipe', (source) => {
			source.once('error', (error) => {
				log(`static file failed while being sent (${url}): ${error.message}`);
				response.destroy();
			});
		});
		if (vanished(listed, url)) {
			log(`static file gone since start: ${url}`);
			response.statusCode = 404;
			response.setHeader('content-type', 'text/plain; charset=utf-8');
			response.end('Not found');
			return;
		}
		for (const handler of handlers) handler.call(server, request, response);
	});
}

/**
 * Whether a file (or one of its precompressed copies) that was listed at start is missing now.
 * @param {{ root: string; files: Set<string> }[]} listed
 * @param {string} url
 */
function vanished(listed, url) {
	let pathname = url.split('?')[0] ?? '/';
	try {
		pathname = decodeURI(pathname);
	} catch {
		return false;
	}
	for (const { root, files } of listed) {
		for (const candidate of [pathname, `${pathname}.br`, `${pathname}.gz`]) {
			// Only names listed at start: nothing the request makes up reaches the file system.
			if (files.has(candidate) && !existsSync(path.join(root, candidate))) return true;
		}
	}
	return false;
}

/**
 * Every file under `root`, as URL paths (`/_app/…`); none if the folder does not exist.
 * @param {string} root
 */
function listFiles(root) {
	if (!existsSync(root)) return new Set();
	const entries = readdirSync(root, { recursive: true, withFileTypes: true });
	return new Set(
		entries
			.filter((entry) => entry.isFile())
			.map((entry) => {
				const relative = path.relative(root, path.join(entry.parentPath, entry.name));
				return `/${relative.split(path.sep).join('/')}`;
			})
	);
}
