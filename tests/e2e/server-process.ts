// A production server of our own, started by a test (`node build` on a port and a store folder
// of the test's choosing), for what the shared test server cannot show: a crash, a restart, a
// second process, another configuration.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { TEST_EDITOR_TOKEN } from '../../playwright.config';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Large enough for the 40 MB publishes of faults.spec.ts; adapter-node's own limit is lifted by
// BODY_SIZE_LIMIT.
const SERVER_PUBLISH_MAX_BYTES = 256 * 1024 * 1024;

export interface Server {
	child: ChildProcess;
	base: string;
	exited: Promise<void>;
	stdout: () => string;
	stderr: () => string;
	/** Set when the test kills it, so that any other death is reported as such. */
	killedByTest: boolean;
}

/** Every server a test started and has not seen exit; `killAllServers` kills what is left. */
const running = new Set<Server>();
/** How each server ended, attached to a failed test. */
const serverHistory: string[] = [];

/**
 * Starts `node build` on `port` (4190–4199 are the tests' own) and waits until it answers.
 * `build` is the folder to run: the shared build, or a test's own copy (`copyBuild`).
 */
export async function startServer(
	store: string,
	env: Record<string, string> = {},
	port = 4191,
	build = 'build'
): Promise<Server> {
	const child = spawn(process.execPath, [build], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			STORE_DIR: store,
			EDITOR_TOKEN: TEST_EDITOR_TOKEN,
			PUBLISH_MAX_BYTES: String(SERVER_PUBLISH_MAX_BYTES),
			BODY_SIZE_LIMIT: 'Infinity',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const server: Server = {
		child,
		base: `http://127.0.0.1:${port}`,
		exited: new Promise((resolve) => child.once('exit', () => resolve())),
		stdout: () => stdout,
		stderr: () => stderr,
		killedByTest: false
	};
	running.add(server);
	void server.exited.then(() => {
		running.delete(server);
		serverHistory.push(
			`server ${child.pid} on ${server.base} ended (code ${child.exitCode}, signal ` +
				`${child.signalCode}, ${server.killedByTest ? 'killed by the test' : 'NOT killed by the test'})` +
				(stderr ? `; stderr:\n${stderr}` : '')
		);
	});

	// Ready when it answers; fail at once (with its output) if it dies instead.
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`The server exited on start (${child.exitCode}):\n${stdout}\n${stderr}`);
		}
		try {
			const response = await fetch(`${server.base}/api/editor`);
			if (response.ok) return server;
		} catch {
			// Not listening yet: ask again.
		}
		if (Date.now() > deadline) throw new Error(`The server did not answer:\n${stdout}\n${stderr}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/**
 * A private copy of the build, for a test that changes files under a running server: the
 * shared build is served to the tests running beside it (in the other worker) all along. The
 * copy sits in a temp folder beside this project's package.json (the build is ES modules) and
 * a link to its node_modules (the packages the build leaves external). Run it with
 * `startServer(…, copy.build)`; `copy.remove()` when done.
 */
export async function copyBuild(): Promise<{ build: string; remove: () => Promise<void> }> {
	const folder = await mkdtemp(path.join(tmpdir(), 'e2e-build-'));
	const build = path.join(folder, 'build');
	await cp(path.join(ROOT, 'build'), build, { recursive: true });
	await cp(path.join(ROOT, 'package.json'), path.join(folder, 'package.json'));
	await symlink(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
	return { build, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** SIGKILL now, as a crash or a power cut would; `await server.exited` to see it gone. */
export function killNow(server: Server): void {
	if (server.child.exitCode !== null || server.child.signalCode !== null) return;
	server.killedByTest = true;
	server.child.kill('SIGKILL');
}

export async function kill(server: Server): Promise<void> {
	killNow(server);
	await server.exited;
}

/** Registers, in the calling spec, the report of servers' ends on failure and the final cleanup. */
export function manageServers(): void {
	test.afterEach(async () => {
		const testInfo = test.info();
		if (testInfo.status !== testInfo.expectedStatus && serverHistory.length) {
			await testInfo.attach('servers', {
				body: serverHistory.join('\n'),
				contentType: 'text/plain'
			});
			console.log(serverHistory.join('\n'));
		}
	});
	test.afterAll(async () => {
		await Promise.all([...running].map(kill));
	});
}

export type Upload = { name: string; bytes: Buffer; choices?: Record<string, unknown> };

/** The publish request as a browser sends it: multipart form data, the editor token, our Origin. */
export async function publishBody(base: string, files: Upload[]) {
	const form = new FormData();
	for (const file of files) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
	form.append(
		'manifest',
		JSON.stringify(files.map((file) => ({ name: file.name, choices: file.choices ?? {} })))
	);
	const request = new Request(`${base}/api/datasets`, { method: 'POST', body: form });
	return {
		body: Buffer.from(await request.arrayBuffer()),
		headers: {
			origin: base,
			authorization: `Bearer ${TEST_EDITOR_TOKEN}`,
			'content-type': request.headers.get('content-type')!
		}
	};
}

/** Publishes through the API, expecting 201; the new id. */
export async function publish(base: string, files: Upload[]): Promise<string> {
	const { body, headers } = await publishBody(base, files);
	const response = await fetch(`${base}/api/datasets`, { method: 'POST', headers, body });
	expect(response.status, await response.clone().text()).toBe(201);
	const { id } = (await response.json()) as { id: string };
	expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
	return id;
}
