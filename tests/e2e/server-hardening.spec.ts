// The server under load it did not ask for: DuckDB work that holds a worker, views of datasets
// far larger than the sample, and its own static files removed under it.
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { evaluations, HEADER } from './generated-evaluations';
import { kill, manageServers, publish, ROOT, startServer, type Server } from './server-process';

const PORT = 4192;
manageServers();

let store: string;
let server: Server;
test.beforeEach(async () => {
	store = await mkdtemp(path.join(tmpdir(), 'hardening-store-'));
});
test.afterEach(async () => {
	if (server) await kill(server);
	await rm(store, { recursive: true, force: true });
});

/** Waits until the server's sample figures are ready; its DuckDB load from then on. */
async function ready(base: string) {
	await expect
		.poll(async () => (await fetch(`${base}/api/health`)).status, { timeout: 30_000 })
		.toBe(200);
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

test('a page never waits on another page’s DuckDB work', async () => {
	test.setTimeout(120_000);
	server = await startServer(store, { FIGURE_WORKERS: '1', FIGURES_BUDGET_MS: '300' }, PORT);
	await ready(server.base);
	// 300,000 rows: the publish's import check holds the one worker for seconds.
	const big = evaluations(300_000, 2030);
	let publishedAt = Infinity;
	const publishing = publish(server.base, [{ name: 'big.csv', bytes: big.bytes }]).then((id) => {
		publishedAt = performance.now();
		return id;
	});
	await expect.poll(async () => (await workLoad(server.base)).running, { timeout: 30_000 }).toBe(1);
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
	await expect.poll(async () => (await workLoad(server.base)).running, { timeout: 30_000 }).toBe(1);
	expect((await page(server.base, '/')).charts).toBe(true);
	await firstView;
	// Once the worker is done, its figures are kept: the same view now comes with them.
	await expect.poll(async () => (await workLoad(server.base)).running, { timeout: 60_000 }).toBe(0);
	expect((await page(server.base, `/?ds=${id}`)).charts).toBe(true);
});

test('no page is much over a megabyte, whatever the dataset', async () => {
	test.setTimeout(120_000);
	server = await startServer(store, { FIGURE_WORKERS: '1', FIGURES_BUDGET_MS: '60000' }, PORT);
	await ready(server.base);
	// 4,000 indicators, each scored by all three sources in one district: every per-indicator
	// table and chart of this dataset is 4,000 rows long.
	const lines = ['\uFEFF' + HEADER];
	for (let i = 0; i < 4_000; i++) {
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
		sizes[address] = (await page(server.base, address)).bytes;
	}
	console.log('page sizes (bytes):', JSON.stringify(sizes));
	for (const [address, bytes] of Object.entries(sizes)) {
		expect(bytes, address).toBeLessThan(1_100_000);
	}
	// The sample's own pages still come with their figures.
	expect((await page(server.base, '/?lv=indicator')).charts).toBe(true);
});

test('a precompressed static file deleted under a running server is a 404, and the server stays up', async () => {
	server = await startServer(store, {}, PORT);
	const assets = path.join(ROOT, 'build/client/_app/immutable/chunks');
	const compressed = readdirSync(assets).find((name) => name.endsWith('.js.br'))!;
	const address = `/_app/immutable/chunks/${compressed.slice(0, -'.br'.length)}`;
	// Moved aside, not deleted, and put back: the shared test server serves the same build.
	const aside = path.join(assets, `.aside-${compressed}`);
	await rename(path.join(assets, compressed), aside);
	try {
		const gone = await fetch(server.base + address, { headers: { 'accept-encoding': 'br' } });
		expect(gone.status).toBe(404);
		expect(gone.headers.get('x-content-type-options')).toBe('nosniff');
		expect(server.child.exitCode).toBeNull();
		expect((await fetch(server.base + '/')).status).toBe(200);
		expect(server.stderr()).toContain(`static file gone since start: ${address}`);
	} finally {
		await rename(aside, path.join(assets, compressed));
	}
	const back = await fetch(server.base + address, { headers: { 'accept-encoding': 'br' } });
	expect(back.status).toBe(200);
});
