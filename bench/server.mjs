// Shared by the benchmarks: starting the production server and waiting for it.
import { spawn } from 'node:child_process';

/**
 * `node build` from `root` on 127.0.0.1:`port`, with no body size limit, its datasets in `store`
 * and a fixed editor token; its stderr goes to ours. The caller stops it (`.kill()`).
 */
export function startServer({ root, port, store }) {
	return spawn(process.execPath, ['build'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			BODY_SIZE_LIMIT: 'Infinity',
			STORE_DIR: store,
			EDITOR_TOKEN: 'bench-editor-token-0123456789abcdefghijkl'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
}

/** Resolves once `url` answers 2xx; throws after `ms` without one. */
export async function waitForServer(url, ms) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server did not answer at ${url}`);
}
