// Shared by the benchmarks: starting the production server, waiting for it and stopping it.
import { spawn } from 'node:child_process';

/** The editor token bench/run.mjs and bench/preload-check.mjs start the server with. */
const BENCH_TOKEN = 'bench-editor-token-0123456789abcdefghijkl';

export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `node build` from `root` on 127.0.0.1:`port`, with no body size limit, its datasets in `store`
 * and editor `token`. `nodeArgs` go before `build` (bench/load.mjs opens an inspector port);
 * `stdio` defaults to the server's stderr going to ours. The caller stops it (`.kill()` or
 * stopServer).
 */
export function startServer({
	root,
	port,
	store,
	token = BENCH_TOKEN,
	nodeArgs = [],
	stdio = ['ignore', 'ignore', 'inherit']
}) {
	return spawn(process.execPath, [...nodeArgs, 'build'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			BODY_SIZE_LIMIT: 'Infinity',
			STORE_DIR: store,
			EDITOR_TOKEN: token
		},
		stdio
	});
}

/**
 * Resolves once `url` answers 2xx, asking every `everyMs`; throws after `ms` without one, or at
 * once if `child` (the server's process, where given) has exited.
 */
export async function waitForServer(url, ms, { child = null, everyMs = 200 } = {}) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		if (child && child.exitCode !== null) {
			throw new Error(`the server exited on start (${child.exitCode})`);
		}
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// Not listening yet: ask again.
		}
		await delay(everyMs);
	}
	throw new Error(`the server did not answer at ${url}`);
}

/** Throws if anything answers at one of `urls`: another server would be measured instead. */
export async function assertNothingAnswers(urls) {
	for (const url of urls) {
		const taken = await fetch(url).then(
			() => true,
			() => false
		);
		if (taken) throw new Error(`Something already answers on ${url}.`);
	}
}

/**
 * Stops the server's process: SIGTERM, then SIGKILL if it has not exited within `graceMs`.
 * Resolves once it has exited.
 */
export async function stopServer(child, graceMs = 5000) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const stopped = await Promise.race([exited.then(() => true), delay(graceMs).then(() => false)]);
	if (!stopped) {
		child.kill('SIGKILL');
		await exited;
	}
}
