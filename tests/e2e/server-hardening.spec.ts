// The server under load it did not ask for (DuckDB work that holds a worker, views of datasets
// far larger than the sample, its own static files removed under it), and as more than one
// process on one store.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_EDITOR_TOKEN, TEST_PUBLISH_MAX_BYTES } from '../../playwright.config';
import { evaluations, HEADER } from './generated-evaluations';
import {
	copyBuild,
	kill,
	manageServers,
	publish,
	ROOT,
	startServer,
	type Server
} from './server-process';

const PORT = 4192;
/** The server on a private copy of the build. */
const BUILD_COPY_PORT = 4194;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
manageServers();

/** A store folder of its own, removed after the describe block that made it. */
async function freshStore(): Promise<string> {
	return mkdtemp(path.join(tmpdir(), 'hardening-store-'));
}

/** Waits until the server's sample figures are ready; its DuckDB load from then on. */
async function ready(base: string) {
	await expect
		.poll(async () => (await fetch(`${base}/api/health`)).status, { timeout: 30_000 })
		.toBe(200);
}

/**
 * A page as it is once its figures are computed: asked once, the worker left to finish (a page
 * waits only 300 ms for them here), then asked again.
 */
async function computed(base: string, address: string) {
	await page(base, address);
	await expect
		.poll(async () => Object.values(await workLoad(base)).join(), { timeout: 60_000 })
		.toBe('0,0');
	return page(base, address);
}

async function workLoad(base: string): Promise<{ running: number; waiting: number }> {
	return ((await (await fetch(`${base}/api/health`)).json()) as { figures: never }).figures;
}

/** A page's HTML, when its answer was complete, and whether it came with the server's charts. */
async function page(base: string, address: string) {
	const html = await (await fetch(base + address)).text();
	return {
		at: performance.now(),
		bytes: Buffer.byteLength(html),
		charts: /data-server-chart/.test(html)
	};
}

test.describe.serial('one server, one DuckDB worker', () => {
	let store: string;
	let server: Server;
	let data: string;

	test.beforeAll(async () => {
		store = await freshStore();
		// Its own copy of the sample, so that a test can take a file away.
		data = path.join(store, 'sample');
		await cp(path.join(ROOT, 'data'), data, { recursive: true });
		server = await startServer(
			store,
			{ FIGURE_WORKERS: '1', FIGURES_BUDGET_MS: '300', DATA_DIR: data },
			PORT
		);
		await ready(server.base);
	});
	test.afterAll(async () => {
		await kill(server);
		await rm(store, { recursive: true, force: true });
	});

	test('a page never waits on another page’s DuckDB work', async () => {
		test.setTimeout(120_000);
		// 150,000 rows: the publish's import check holds the one worker for a second or two.
		const big = evaluations(150_000, 2030);
		let publishedAt = Infinity;
		const publishing = publish(server.base, [{ name: 'big.csv', bytes: big.bytes }]).then((id) => {
			publishedAt = performance.now();
			return id;
		});
		await expect
			.poll(async () => (await workLoad(server.base)).running, { timeout: 30_000 })
			.toBe(1);
		const asked = performance.now();
		const [cached, queued] = await Promise.all([
			page(server.base, '/'),
			page(server.base, '/?v=trend&y=2019&lv=area')
		]);
		const id = await publishing;
		console.log(
			`worker busy: cached page in ${Math.round(cached.at - asked)} ms, uncached in ` +
				`${Math.round(queued.at - asked)} ms; the busy work ended after ${Math.round(publishedAt - asked)} ms`
		);
		// Both answered while the worker was still busy, the cached one with its figures.
		expect(cached.at).toBeLessThan(publishedAt);
		expect(queued.at).toBeLessThan(publishedAt);
		expect(cached.charts).toBe(true);
		expect(queued.charts).toBe(false);
		// The first view of the big dataset holds the worker in turn; a sample page still answers.
		const firstView = page(server.base, `/?ds=${id}`);
		await expect
			.poll(async () => (await workLoad(server.base)).running, { timeout: 30_000 })
			.toBe(1);
		expect((await page(server.base, '/')).charts).toBe(true);
		await firstView;
		// Once the worker is done, its figures are kept: the same view now comes with them.
		await expect
			.poll(async () => (await workLoad(server.base)).running, { timeout: 60_000 })
			.toBe(0);
		expect((await page(server.base, `/?ds=${id}`)).charts).toBe(true);
	});

	test('no page is much over a megabyte, whatever the dataset', async () => {
		test.setTimeout(120_000);
		// 3,000 indicators, each scored by all three sources in one district: every per-indicator
		// table and chart of this dataset is 3,000 rows long.
		const lines = ['\uFEFF' + HEADER];
		for (let i = 0; i < 3_000; i++) {
			for (const [type, who] of [
				['자체', ''],
				['공무원', '공무원A'],
				['외부전문가', '전문가A']
			]) {
				lines.push(`2030,성북구,${type},${who},영역${i % 40},지표 ${i},${(i % 10) + 1},10`);
			}
		}
		const id = await publish(server.base, [
			{ name: 'wide.csv', bytes: Buffer.from(lines.join('\r\n')) }
		]);
		const sizes: Record<string, number> = {};
		for (const address of [
			`/?ds=${id}`,
			`/?ds=${id}&lv=area`,
			`/?ds=${id}&lv=indicator`,
			`/?ds=${id}&v=trend`,
			`/?ds=${id}&v=budget`
		]) {
			sizes[address] = (await computed(server.base, address)).bytes;
		}
		console.log('page sizes (bytes):', JSON.stringify(sizes));
		for (const [address, bytes] of Object.entries(sizes)) {
			expect(bytes, address).toBeLessThan(1_100_000);
		}
		// The sample's own pages still come with their figures.
		expect((await computed(server.base, '/?lv=indicator')).charts).toBe(true);
	});

	test('a sample file or a published file gone from disk is a 500, and the server stays up', async () => {
		const id = await publish(server.base, [
			{ name: 'one.csv', bytes: evaluations(100, 2038).bytes }
		]);
		const manifest = (await (await fetch(`${server.base}/api/datasets/${id}`)).json()) as {
			files: { hash: string }[];
		};
		await rm(path.join(data, 'budget.csv'));
		await rm(path.join(store, 'blobs', manifest.files[0]!.hash));
		expect((await fetch(`${server.base}/data/budget.csv`)).status).toBe(500);
		expect(
			(await fetch(`${server.base}/api/datasets/${id}/files/${manifest.files[0]!.hash}`)).status
		).toBe(500);
		expect(server.child.exitCode).toBeNull();
		expect((await fetch(`${server.base}/data/evaluations.csv`)).status).toBe(200);
		expect((await page(server.base, '/')).charts).toBe(true);
	});

	test('a SIGTERM ends the server, DuckDB workers and all', async () => {
		expect((await fetch(`${server.base}/?v=budget`)).status).toBe(200);
		server.child.kill('SIGTERM');
		const ended = await Promise.race([
			server.exited.then(() => 'exited'),
			new Promise((resolve) => setTimeout(() => resolve('still running'), 15_000))
		]);
		expect(ended).toBe('exited');
		expect(server.child.signalCode ?? server.child.exitCode).not.toBe('SIGKILL');
	});
});

test('a precompressed static file deleted under a running server is a 404, and the server stays up', async () => {
	// A server of its own on its own copy of the build: the shared test server serves the shared
	// build to the tests running beside this one, and must never lose a file.
	const copy = await copyBuild();
	const store = await freshStore();
	let server: Server | undefined;
	try {
		const base = `http://127.0.0.1:${BUILD_COPY_PORT}`;
		// As playwright.config.ts's webServer runs the shared build.
		server = await startServer(
			store,
			{
				ORIGIN: base,
				PUBLISH_MAX_BYTES: String(TEST_PUBLISH_MAX_BYTES),
				FIGURES_BUDGET_MS: '30000'
			},
			BUILD_COPY_PORT,
			copy.build
		);
		const assets = path.join(copy.build, 'client/_app/immutable/chunks');
		const compressed = readdirSync(assets).find((name) => name.endsWith('.js.br'))!;
		const address = `/_app/immutable/chunks/${compressed.slice(0, -'.br'.length)}`;
		expect(
			(await fetch(server.base + address, { headers: { 'accept-encoding': 'br' } })).status
		).toBe(200);
		// Moved aside, then put back: a file that returns is served again.
		const aside = path.join(assets, `.aside-${compressed}`);
		await rename(path.join(assets, compressed), aside);
		const gone = await fetch(server.base + address, { headers: { 'accept-encoding': 'br' } });
		expect(gone.status).toBe(404);
		expect(gone.headers.get('x-content-type-options')).toBe('nosniff');
		expect(server.child.exitCode).toBeNull();
		expect((await fetch(server.base + '/')).status).toBe(200);
		expect(server.stderr()).toContain(`static file gone since start: ${address}`);
		await rename(aside, path.join(assets, compressed));
		const back = await fetch(server.base + address, { headers: { 'accept-encoding': 'br' } });
		expect(back.status).toBe(200);
	} finally {
		if (server) await kill(server);
		await copy.remove();
		await rm(store, { recursive: true, force: true });
	}
});

test.describe.serial('two server processes on one store', () => {
	const SECOND_PORT = 4193;
	let store: string;
	let first: Server;
	let second: Server;

	test.beforeAll(async () => {
		store = await freshStore();
		// Pages wait for their figures here: each process computes them on its own.
		const env = { FIGURES_BUDGET_MS: '60000' };
		[first, second] = await Promise.all([
			startServer(store, env, PORT),
			startServer(store, env, SECOND_PORT)
		]);
	});
	test.afterAll(async () => {
		await Promise.all([kill(first), kill(second)]);
		await rm(store, { recursive: true, force: true });
	});

	/** Signs in as a browser does; the session cookie's value. */
	async function signIn(base: string, token: string): Promise<string> {
		const response = await fetch(`${base}/editor/sign-in?token=${token}`, { redirect: 'manual' });
		expect(response.status).toBe(303);
		const cookie = /editor_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
		expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(cookie).not.toBe(token);
		return cookie!;
	}

	async function isEditor(base: string, session: string): Promise<boolean> {
		const response = await fetch(`${base}/api/editor`, {
			headers: { cookie: `editor_session=${session}` }
		});
		return ((await response.json()) as { editor: boolean }).editor;
	}

	test('a publish on one is viewable on the other, and publishes on both at once both land whole', async () => {
		test.setTimeout(120_000);
		const one = evaluations(3_000, 2034, 1);
		const id = await publish(first.base, [{ name: 'one.csv', bytes: one.bytes }]);
		const manifest = await (await fetch(`${second.base}/api/datasets/${id}`)).json();
		expect(manifest.files[0].name).toBe('one.csv');
		const page = await (await fetch(`${second.base}/?ds=${id}&y=2034`)).text();
		expect(page).toContain('data-server-chart');

		// Two different publishes, one on each process, at the same moment.
		const a = evaluations(5_000, 2035, 2);
		const b = evaluations(5_000, 2036, 3);
		const [idA, idB] = await Promise.all([
			publish(first.base, [{ name: 'a.csv', bytes: a.bytes }]),
			publish(second.base, [{ name: 'b.csv', bytes: b.bytes }])
		]);
		for (const [base, dataset, bytes] of [
			[second.base, idA, a.bytes],
			[first.base, idB, b.bytes]
		] as const) {
			const listed = (await (await fetch(`${base}/api/datasets/${dataset}`)).json()) as {
				files: { hash: string }[];
			};
			const file = await fetch(`${base}/api/datasets/${dataset}/files/${listed.files[0]!.hash}`);
			const served = Buffer.from(await file.arrayBuffer());
			expect(sha256(served)).toBe(sha256(bytes));
			expect(listed.files[0]!.hash).toBe(sha256(bytes));
		}
	});

	test('a sign-in on one is honoured by the other; sign-out and a new token end it', async () => {
		const session = await signIn(first.base, TEST_EDITOR_TOKEN);
		expect(await isEditor(second.base, session)).toBe(true);
		const out = await fetch(`${second.base}/api/editor`, {
			method: 'DELETE',
			headers: { cookie: `editor_session=${session}`, origin: second.base }
		});
		expect(out.status).toBe(200);
		expect(await isEditor(first.base, session)).toBe(false);

		// Rotating the token: restarted with the new one, the old sessions are worthless.
		const kept = await signIn(first.base, TEST_EDITOR_TOKEN);
		expect(await isEditor(second.base, kept)).toBe(true);
		await kill(first);
		const rotated = `${TEST_EDITOR_TOKEN}-rotated`;
		first = await startServer(store, { EDITOR_TOKEN: rotated }, PORT);
		expect(await isEditor(first.base, kept)).toBe(false);
		expect(await isEditor(first.base, await signIn(first.base, rotated))).toBe(true);
	});
});

test('a generated editor token is printed once, at the start that made it', async () => {
	const store = await freshStore();
	const env = { EDITOR_TOKEN: '' };
	try {
		let server = await startServer(store, env, PORT);
		const token = (await readFile(path.join(store, 'editor-token'), 'utf8')).trim();
		await expect.poll(() => server.stdout()).toContain(`/editor/sign-in?token=${token}`);
		expect(server.stdout()).toContain('keep it private');
		await kill(server);
		server = await startServer(store, env, PORT);
		await expect.poll(() => server.stdout()).toContain('Editor sign-in:');
		expect(server.stdout()).not.toContain(token);
		await kill(server);
	} finally {
		await rm(store, { recursive: true, force: true });
	}
});
