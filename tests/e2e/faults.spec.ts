// Faults: the server killed in the middle of a publish, and the browser reloaded in the middle of
// an import. Neither may leave half a dataset anywhere, and neither may touch what was there before.
//
// (A full browser storage is tested in upload.spec.ts: "a full browser storage gives a message and
// no half state".)
import { createHash } from 'node:crypto';
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { TEST_EDITOR_TOKEN } from '../../playwright.config';
import { DISTRICTS, evaluations, HEADER, TYPES } from './generated-evaluations';
import { chooseFiles, openDashboard, openOwnData, readScoreTable } from './helpers';
import {
	kill,
	killNow,
	manageServers,
	publish,
	publishBody,
	startServer,
	type Server,
	type Upload
} from './server-process';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The two-row year of publish.spec.ts: 성북구 self 6/10, official 9/10, so 60.0점 and 90.0점. */
const YEAR_2031 = [
	HEADER,
	'2031,성북구,자체,,추진체계,운영,6,10',
	'2031,성북구,공무원,공무원A,추진체계,운영,9,10'
].join('\r\n');
const TABLE_2031 = { 성북구: ['60.0점', '90.0점', '–'] };

manageServers();

/** Every file in the store's two folders, with its size and SHA-256. */
async function storeListing(store: string) {
	const listing: Record<string, { bytes: number; sha256: string }> = {};
	for (const folder of ['blobs', 'datasets']) {
		for (const name of await readdir(path.join(store, folder))) {
			const bytes = await readFile(path.join(store, folder, name));
			listing[`${folder}/${name}`] = { bytes: bytes.byteLength, sha256: sha256(bytes) };
		}
	}
	return listing;
}

type Manifest = {
	id: string;
	createdAt: string;
	files: { hash: string; name: string; bytes: number; choices: Record<string, unknown> }[];
	/** The tables the publish's import made, for the server's first view (never downloadable). */
	snapshot?: { key: string; tables: { table: string; hash: string; bytes: number }[] };
};

/**
 * The store after a crash and a restart, checked through the server and on disk:
 * - every `<id>.json` in datasets/ is a whole dataset: its manifest answers and every file it
 *   lists comes back with exactly the bytes of one of the publishes we sent, in that order; the
 *   snapshot tables it lists are on disk, whole;
 * - the datasets we know of are unchanged (same manifest, same bytes);
 * - nothing else in datasets/ but temp files, and neither temp files nor orphan blobs are
 *   served under any name;
 * - there is no listing of datasets.
 * Returns the ids found, the temp files and the orphan blobs.
 */
async function expectWholeStore(
	server: Server,
	store: string,
	known: Map<string, Manifest>,
	sent: Upload[][]
) {
	const get = (url: string) => fetch(server.base + url);
	const names = await readdir(path.join(store, 'datasets'));
	const ids = names
		.filter((name) => /^[A-Za-z0-9_-]{22}\.json$/.test(name))
		.map((n) => n.slice(0, 22));
	const temps = names.filter((name) => name.startsWith('.tmp-')).map((n) => `datasets/${n}`);
	expect(
		names.filter((name) => !ids.includes(name.slice(0, 22)) && !name.startsWith('.tmp-')),
		'only manifests and temp files in datasets/'
	).toEqual([]);

	const referenced = new Set<string>();
	for (const id of ids) {
		const response = await get(`/api/datasets/${id}`);
		expect(response.status, `manifest of ${id}`).toBe(200);
		const manifest = (await response.json()) as Manifest;
		if (known.has(id)) expect(manifest, `${id} unchanged`).toEqual(known.get(id));
		// Whole: the manifest lists exactly one of the publishes we sent, file by file.
		const hashes = manifest.files.map((file) => file.hash);
		expect(
			sent.map((files) => files.map((file) => sha256(file.bytes)).join()),
			`${id} is one whole publish`
		).toContain(hashes.join());
		for (const file of manifest.files) {
			referenced.add(file.hash);
			const bytes = await get(`/api/datasets/${id}/files/${file.hash}`);
			expect(bytes.status, `${id}/${file.name}`).toBe(200);
			const body = new Uint8Array(await bytes.arrayBuffer());
			expect(body.byteLength).toBe(file.bytes);
			expect(sha256(body), `${id}/${file.name} byte for byte`).toBe(file.hash);
		}
		for (const table of manifest.snapshot?.tables ?? []) {
			referenced.add(table.hash);
			const bytes = await readFile(path.join(store, 'blobs', table.hash));
			expect(sha256(bytes), `${id} snapshot of ${table.table} whole`).toBe(table.hash);
		}
	}
	for (const id of known.keys()) expect(ids, `${id} still there`).toContain(id);

	const blobs = await readdir(path.join(store, 'blobs'));
	temps.push(...blobs.filter((name) => name.startsWith('.tmp-')).map((n) => `blobs/${n}`));
	const orphans = blobs.filter((name) => /^[0-9a-f]{64}$/.test(name) && !referenced.has(name));
	expect(
		blobs.filter((name) => !name.startsWith('.tmp-') && !/^[0-9a-f]{64}$/.test(name)),
		'only blobs and temp files in blobs/'
	).toEqual([]);

	// Neither temp files nor orphan blobs are reachable, however the name is spelled.
	const anyId = ids[0]!;
	for (const temp of temps) {
		const name = path.basename(temp);
		for (const url of [
			`/api/datasets/${name}`,
			`/api/datasets/${name.replace(/\.json$/, '')}`,
			`/api/datasets/${encodeURIComponent(name).replace('.', '%2E')}`,
			`/api/datasets/${anyId}/files/${name}`,
			`/api/datasets/${anyId}/files/..%2Fblobs%2F${name}`,
			`/api/datasets/..%2Fblobs%2F${name}`
		]) {
			const response = await get(url);
			expect(response.status, url).toBe(404);
		}
	}
	for (const orphan of orphans) {
		for (const id of ids) {
			expect((await get(`/api/datasets/${id}/files/${orphan}`)).status, orphan).toBe(404);
		}
	}
	// Ids are the secret: there is no list of them to read.
	const list = await get('/api/datasets');
	expect(list.status).toBe(405);
	const text = await list.text();
	for (const id of ids) expect(text).not.toContain(id);

	return { ids, temps, orphans };
}

/** The score table of a published dataset as a colleague's browser shows it. */
async function publishedTable(browser: Browser, server: Server, id: string) {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`${server.base}/?ds=${id}&y=2031`);
		await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
			timeout: 45_000
		});
		// The banner names what the colleague sees in words (published before titles: no title),
		// not the id, which is in the address.
		await expect(page.getByTestId('published-banner')).toContainText(
			/^게시된 자료: .+, 파일 \d+개/
		);
		expect(new URL(page.url()).searchParams.get('ds')).toBe(id);
		return await readScoreTable(page);
	} finally {
		await context.close();
	}
}

type Outcome = { response: number | null; error: string | null };

/**
 * Sends a publish over a raw socket so the test decides when each byte leaves. `pace` writes the
 * body (and may stop early); `answered()` says whether the server has answered yet. Settles with
 * the server's answer or the socket's error.
 */
function rawPublish(
	server: Server,
	request: { body: Buffer; headers: Record<string, string> },
	pace: (
		write: (chunk: Buffer) => Promise<void>,
		end: () => void,
		answered: () => boolean
	) => Promise<void>
): Promise<Outcome> {
	return new Promise((resolve, reject) => {
		const outgoing = http.request(`${server.base}/api/datasets`, {
			method: 'POST',
			headers: { ...request.headers, 'content-length': String(request.body.byteLength) }
		});
		let settled = false;
		const settle = (outcome: Outcome) => {
			if (!settled) resolve(outcome);
			settled = true;
		};
		outgoing.on('response', (response) => {
			response.resume();
			settle({ response: response.statusCode ?? null, error: null });
		});
		outgoing.on('error', (error: NodeJS.ErrnoException) =>
			settle({ response: null, error: error.code ?? error.message })
		);
		const write = (chunk: Buffer) =>
			new Promise<void>((done, fail) =>
				outgoing.write(chunk, (error) => (error ? fail(error) : done()))
			);
		pace(
			write,
			() => outgoing.end(),
			() => settled
		).catch((error: unknown) => {
			// A write cut short by the kill is expected (the 'error' event reports it); a failed
			// assertion inside `pace` is not.
			const socketError = error instanceof Error && 'code' in error;
			if (!socketError) {
				settled = true;
				reject(error);
			}
		});
	});
}

/** Calls `onFirst` once, as soon as a temp file appears in `folder`. */
function onFirstTemp(folder: string, onFirst: (name: string) => void): FSWatcher {
	let fired = false;
	return watch(folder, (_event, name) => {
		if (fired || !name?.startsWith('.tmp-')) return;
		fired = true;
		onFirst(name);
	});
}

test.describe.serial('the server killed during a publish', () => {
	let store = '';
	let server: Server;
	const known = new Map<string, Manifest>();
	let earlier: Upload[] = [];
	let big: Upload[] = [];
	let sent: Upload[][] = [];
	let earlierId = '';
	let earlierTable: Record<string, string[]> = {};

	test.beforeAll(async () => {
		store = await mkdtemp(path.join(tmpdir(), 'faults-store-'));
		earlier = [
			{
				name: '2031.csv',
				bytes: Buffer.from(YEAR_2031),
				choices: { mode: 'add', validOnly: false }
			},
			{ name: '2032.csv', bytes: evaluations(6_000, 2032, 7).bytes, choices: { mode: 'add' } }
		];
		// Four distinct 9 MB files: writing their blobs takes long enough to be killed in. A long
		// 비고 on each of 12,000 rows makes the size; the publish's import check stays quick.
		const note = '비고'.repeat(110);
		big = [2040, 2041, 2042, 2043].map((year) => ({
			name: `${year}.csv`,
			bytes: evaluations(12_000, year, year, note).bytes
		}));
		sent = [earlier, big];
	});

	test.afterAll(async () => {
		if (server) await kill(server);
		if (store) await rm(store, { recursive: true, force: true });
	});

	test('an earlier dataset is published and opens with its figures', async ({ browser }) => {
		server = await startServer(store);
		earlierId = await publish(server.base, earlier);
		const manifest = (await (
			await fetch(`${server.base}/api/datasets/${earlierId}`)
		).json()) as Manifest;
		expect(manifest.files.map((file) => [file.name, file.hash, file.bytes])).toEqual(
			earlier.map((file) => [file.name, sha256(file.bytes), file.bytes.byteLength])
		);
		known.set(earlierId, manifest);
		earlierTable = await publishedTable(browser, server, earlierId);
		expect(earlierTable).toEqual(TABLE_2031);
		await expectWholeStore(server, store, known, sent);
	});

	test('killed while the body is still arriving: nothing was written', async () => {
		const request = await publishBody(server.base, big);
		const before = await storeListing(store);
		const half = request.body.byteLength / 2;
		const CHUNK = 256 * 1024;
		const outcome = await rawPublish(server, request, async (write, _end, answered) => {
			// A slow uplink: 256 KiB every 10 ms. Halfway through, the server dies.
			for (let offset = 0; offset < half; offset += CHUNK) {
				await write(request.body.subarray(offset, offset + CHUNK));
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			expect(answered(), 'the server is still reading the body').toBe(false);
			await kill(server);
		});
		expect(outcome.response, 'no answer to a half-sent publish').toBeNull();
		expect(outcome.error).toBeTruthy();

		// The store writes nothing until it has the whole body.
		expect(await storeListing(store)).toEqual(before);
		server = await startServer(store);
		const found = await expectWholeStore(server, store, known, sent);
		expect(found.ids).toEqual([earlierId]);
		expect(server.stderr()).toBe('');
	});

	test('killed while the blobs are written, after the whole body was sent', async () => {
		const request = await publishBody(server.base, big);
		let bodySent = false;
		let killedOnTemp = '';
		// Killed the moment the first blob's temp file appears: the body is in, the files are not.
		const watcher = onFirstTemp(path.join(store, 'blobs'), (name) => {
			killedOnTemp = name;
			killNow(server);
		});
		let outcome: Outcome;
		try {
			outcome = await rawPublish(server, request, async (write, end) => {
				await write(request.body);
				bodySent = true;
				end();
			});
			await server.exited;
		} finally {
			watcher.close();
		}
		expect(bodySent).toBe(true);
		expect(killedOnTemp).toMatch(/^\.tmp-/);
		expect(outcome.response, 'killed before it could answer').toBeNull();
		expect(outcome.error).toBeTruthy();

		server = await startServer(store);
		const found = await expectWholeStore(server, store, known, sent);
		expect(found.ids, 'no manifest is written before every blob is').toEqual([earlierId]);
		test.info().annotations.push({
			type: 'crash state',
			description: `${found.temps.length} temp file(s), ${found.orphans.length} orphan blob(s)`
		});
		expect(server.stderr()).toBe('');
	});

	test('killed at the commit point, as the manifest is written', async () => {
		const request = await publishBody(server.base, big);
		const watcher = onFirstTemp(path.join(store, 'datasets'), () => killNow(server));
		let outcome: Outcome;
		try {
			outcome = await rawPublish(server, request, async (write, end) => {
				await write(request.body);
				end();
			});
			await server.exited;
		} finally {
			watcher.close();
		}

		server = await startServer(store);
		const found = await expectWholeStore(server, store, known, sent);
		// Either the rename happened (the dataset is whole, checked above) or the id never existed.
		const committed = found.ids.filter((id) => id !== earlierId);
		expect(committed.length).toBeLessThanOrEqual(1);
		if (outcome.response !== null) {
			// It answered before dying, so the dataset must be there.
			expect(outcome.response).toBe(201);
			expect(committed).toHaveLength(1);
		}
		for (const id of committed)
			known.set(id, await (await fetch(`${server.base}/api/datasets/${id}`)).json());
		// Every blob of the killed publish was durable before the manifest was started.
		const blobs = await readdir(path.join(store, 'blobs'));
		for (const file of big) expect(blobs).toContain(sha256(file.bytes));
		test.info().annotations.push({
			type: 'crash state',
			description: committed.length
				? 'the manifest was renamed into place before the kill: a whole dataset'
				: `no manifest; ${found.temps.length} temp file(s), ${found.orphans.length} orphan blob(s)`
		});
		expect(server.stderr()).toBe('');
	});

	test('after the crashes the store publishes again, clears old temp files, and the earlier dataset shows the same figures', async ({
		browser
	}) => {
		// Age every temp file but one past the hour the store waits before it deletes them.
		const temps: string[] = [];
		for (const folder of ['blobs', 'datasets']) {
			for (const name of await readdir(path.join(store, folder))) {
				if (name.startsWith('.tmp-')) temps.push(path.join(store, folder, name));
			}
		}
		const young = path.join(store, 'datasets', '.tmp-young0000000000000000');
		await writeFile(young, '{');
		const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
		for (const temp of temps) await utimes(temp, old, old);

		// The editor publishes the same files again; blobs a crash left behind are reused.
		const again = await publish(server.base, big);
		known.set(again, await (await fetch(`${server.base}/api/datasets/${again}`)).json());
		for (const temp of temps) {
			await expect(stat(temp), `${temp} removed`).rejects.toMatchObject({ code: 'ENOENT' });
		}
		expect((await stat(young)).isFile(), 'a young temp file may be a running publish').toBe(true);

		const found = await expectWholeStore(server, store, known, sent);
		expect(found.ids).toContain(again);
		expect(found.orphans).toEqual([]);
		expect(await publishedTable(browser, server, earlierId)).toEqual(earlierTable);
		expect(server.stderr()).toBe('');
	});
});

// ---------------------------------------------------------------------------------------------
// The browser reloaded while an import runs.
// ---------------------------------------------------------------------------------------------

const BIG_ROWS = 300_000;

/** What the page keeps in IndexedDB: for each store, its keys, and for bytes, their SHA-256. */
function keptInBrowser(page: Page) {
	return page.evaluate(
		() =>
			new Promise<{ manifest: string[]; bytes: { key: string; sha256: string }[] }>(
				(resolve, reject) => {
					const open = indexedDB.open('seoul-dashboard-uploads');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const db = open.result;
						const tx = db.transaction(['bytes', 'manifest'], 'readonly');
						const manifest = tx.objectStore('manifest').getAllKeys();
						const keys = tx.objectStore('bytes').getAllKeys();
						const values = tx.objectStore('bytes').getAll();
						tx.onerror = () => reject(tx.error);
						tx.oncomplete = async () => {
							db.close();
							// Kept as Blobs (typed arrays by earlier builds).
							const hex = async (value: Blob | Uint8Array<ArrayBuffer>) => {
								const bytes = value instanceof Blob ? await value.arrayBuffer() : value;
								return [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
									.map((byte) => byte.toString(16).padStart(2, '0'))
									.join('');
							};
							resolve({
								manifest: manifest.result.map(String).sort(),
								bytes: (
									await Promise.all(
										keys.result.map(async (key, i) => ({
											key: String(key),
											sha256: await hex(values.result[i] as Blob | Uint8Array<ArrayBuffer>)
										}))
									)
								).sort((a, b) => a.key.localeCompare(b.key))
							});
						};
					};
				}
			)
	);
}

test.describe('the browser reloaded during an import', () => {
	let folder = '';
	let bigFile = '';
	let bigHash = '';
	let bigSums: ReturnType<typeof evaluations>['sums'] = {};
	const earlierHash = sha256(Buffer.from(YEAR_2031));

	test.beforeAll(async () => {
		folder = await mkdtemp(path.join(tmpdir(), 'faults-upload-'));
		const big = evaluations(BIG_ROWS, 2030);
		bigFile = path.join(folder, '2030-large.csv');
		await writeFile(bigFile, big.bytes);
		bigHash = sha256(big.bytes);
		bigSums = big.sums;
	});

	test.afterAll(async () => {
		if (folder) await rm(folder, { recursive: true, force: true });
	});

	/**
	 * An earlier small upload kept in this browser, shown for its year 2031: added over the sample
	 * alone, it took the sample evaluations' place.
	 */
	async function withEarlierUpload(page: Page) {
		await openDashboard(page);
		await chooseFiles(page, {
			name: 'earlier.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(YEAR_2031)
		});
		await expect(page.getByTestId('import-results')).toContainText(
			'earlier.csv: 2행을 가져왔습니다'
		);
		await expect(page.getByTestId('load-status')).toContainText('2개 평가 행과');
		await openDashboard(page, '?y=2031');
		const before = await readScoreTable(page);
		expect(before).toEqual(TABLE_2031);
		return before;
	}

	/**
	 * After the reload: ready, the earlier upload untouched, and the big file either
	 * all there (in the count, the panel, the browser's store and the figures) or not at all.
	 */
	async function expectWholeOrNothing(page: Page, before: Record<string, string[]>) {
		const status = page.getByTestId('load-status');
		await expect(status).toHaveAttribute('data-phase', 'ready', { timeout: 45_000 });
		const kept = await keptInBrowser(page);
		const present = kept.manifest.includes(bigHash);
		test.info().annotations.push({
			type: 'outcome',
			description: present ? 'the upload was kept whole' : 'the upload was not kept'
		});

		// The browser's store: bytes and entries in pairs, each byte for byte what was chosen.
		const hashes = present ? [earlierHash, bigHash].sort() : [earlierHash];
		expect(kept.manifest).toEqual(hashes);
		expect(kept.bytes).toEqual(hashes.map((hash) => ({ key: hash, sha256: hash })));

		const rows = 2 + (present ? BIG_ROWS : 0);
		await expect(status).toContainText(`${rows.toLocaleString('en-US')}개 평가 행`);
		await openOwnData(page);
		const panel = page.getByTestId('datasets-panel');
		await expect(panel.locator('tr[data-hash]')).toHaveCount(hashes.length);
		await expect(panel.locator(`tr[data-hash="${earlierHash}"]`)).toContainText('평가 · 2행');
		if (present) {
			await expect(panel.locator(`tr[data-hash="${bigHash}"]`)).toContainText('평가 · 300,000행');
		}
		await expect(page.getByTestId('storage-notice')).toHaveCount(0);
		const years = page.getByRole('group', { name: '연도' });
		await expect(years.getByRole('checkbox', { name: '2031' })).toHaveCount(1);
		await expect(years.getByRole('checkbox', { name: '2030' })).toHaveCount(present ? 1 : 0);
		expect(await readScoreTable(page)).toEqual(before);

		if (present) {
			// Every row counted: the 2030 totals are Σ점수 ÷ Σ배점 × 100 over all 300,000 rows.
			await openDashboard(page, '?y=2030');
			const table = await readScoreTable(page);
			expect(Object.keys(table).sort()).toEqual([...DISTRICTS].sort());
			for (const district of DISTRICTS) {
				const shown = table[district]!.map((cell) => Number(cell.replace('점', '')));
				const want = TYPES.map((type) => {
					const { tenths, rows } = bigSums[district]![type]!;
					return tenths / rows;
				});
				for (const [i, value] of shown.entries()) {
					expect(Math.abs(value - want[i]!), `${district} ${TYPES[i]}`).toBeLessThanOrEqual(
						0.05 + 1e-9
					);
				}
			}
		}
	}

	test('reloaded while the import is running', async ({ page }) => {
		test.setTimeout(180_000);
		const before = await withEarlierUpload(page);
		await chooseFiles(page, bigFile);
		await expect(page.getByTestId('import-progress')).toContainText('2030-large.csv');
		await page.reload();
		await expectWholeOrNothing(page, before);
	});

	test('reloaded the moment the import reports success, while its bytes are being kept', async ({
		page
	}) => {
		test.setTimeout(180_000);
		const before = await withEarlierUpload(page);
		// The page reloads itself the instant the success message renders: by then the import has
		// committed in DuckDB and the bytes are being written to IndexedDB. (Waiting for the text
		// from the test would land up to a second later, after the write.)
		await page.evaluate((message) => {
			const results = document.querySelector('[data-testid="import-results"]')!;
			const observer = new MutationObserver(() => {
				if (!results.textContent?.includes(message)) return;
				observer.disconnect();
				location.reload();
			});
			observer.observe(results, { childList: true, subtree: true, characterData: true });
		}, '2030-large.csv: 300,000행을 가져왔습니다');
		const reloaded = page.waitForEvent('load', { timeout: 60_000 });
		await chooseFiles(page, bigFile);
		await reloaded;
		await expectWholeOrNothing(page, before);
	});

	test('reloaded the instant the upload is kept, and again while it is imported again on load', async ({
		page
	}) => {
		test.setTimeout(180_000);
		const before = await withEarlierUpload(page);
		// The page reloads itself as soon as a write to the kept bytes commits: from then on the
		// upload must survive whole, even though the page never finished the import's last steps.
		await page.evaluate(() => {
			const transaction = IDBDatabase.prototype.transaction;
			IDBDatabase.prototype.transaction = function (
				this: IDBDatabase,
				...args: Parameters<IDBDatabase['transaction']>
			) {
				const tx = transaction.apply(this, args);
				if (args[1] === 'readwrite' && [args[0]].flat().includes('bytes')) {
					tx.addEventListener('complete', () => location.reload());
				}
				return tx;
			};
		});
		const reloaded = page.waitForEvent('load', { timeout: 60_000 });
		await chooseFiles(page, bigFile);
		await reloaded;

		// Reloaded again while the kept upload is being imported again on load.
		await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'data', {
			timeout: 45_000
		});
		await page.reload();
		await expectWholeOrNothing(page, before);
		expect((await keptInBrowser(page)).manifest, 'committed, so kept').toContain(bigHash);
	});
});

test.describe('the server under oversized and slow requests', () => {
	test('oversized publishes are answered 413 unread, memory stays flat; a stalled body is cut off', async () => {
		test.setTimeout(90_000);
		const store = await mkdtemp(path.join(tmpdir(), 'limits-store-'));
		const server = await startServer(store, {
			PUBLISH_MAX_BYTES: String(1024 * 1024),
			SOCKET_TIMEOUT: '2'
		});
		try {
			const { port } = new URL(server.base);
			// A body that trickles in and then stops: the server must not wait for it forever.
			const slow = net.connect(Number(port), '127.0.0.1');
			const slowEnded = new Promise<{ ms: number; answer: string }>((resolve) => {
				const started = Date.now();
				let answer = '';
				slow.on('data', (chunk) => (answer += chunk.toString()));
				slow.on('close', () => resolve({ ms: Date.now() - started, answer }));
			});
			slow.write(
				`POST /api/datasets HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${server.base}\r\n` +
					`Authorization: Bearer ${TEST_EDITOR_TOKEN}\r\nContent-Type: multipart/form-data; boundary=x\r\n` +
					`Content-Length: 100000\r\n\r\n--x\r\n`
			);

			// Twenty 200 MB publishes at once, twice: each is refused from its headers. The first
			// round, once the sample's first figures are ready (a DuckDB worker loaded it, in this
			// process's memory) and a page was rendered, warms the server up; the second must
			// leave its memory where the first did.
			await expect
				.poll(
					() =>
						fetch(`${server.base}/api/health`).then(
							(r) => r.status,
							() => 0
						),
					{ timeout: 30_000 }
				)
				.toBe(200);
			expect((await fetch(server.base)).status).toBe(200);
			const round = async () => {
				const answers = await Promise.all(
					Array.from({ length: 20 }, () => oversizedPublish(server, 200 * 1024 * 1024))
				);
				expect(answers).toEqual(Array.from({ length: 20 }, () => 413));
				return residentMiB(server);
			};
			const afterFirst = await round();
			const afterSecond = await round();
			console.log(
				`RSS after 20 × 200 MB refused publishes: ${afterFirst}, again: ${afterSecond} MiB`
			);
			expect(afterSecond - afterFirst).toBeLessThan(30);

			// Silent for SOCKET_TIMEOUT (2 s here): the connection is closed, unanswered.
			const { ms, answer } = await slowEnded;
			console.log(`stalled body cut after ${ms} ms`);
			expect(ms).toBeGreaterThanOrEqual(2_000);
			expect(ms).toBeLessThan(15_000);
			expect(answer).toBe('');
		} finally {
			await kill(server);
			await rm(store, { recursive: true, force: true });
		}
	});
});

/** The server's resident memory, from /proc. */
function residentMiB(server: Server): number {
	const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
	return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** Sends a publish declaring `bytes`, streaming its body until the server answers; the status. */
function oversizedPublish(server: Server, bytes: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			`${server.base}/api/datasets`,
			{
				method: 'POST',
				headers: {
					origin: server.base,
					authorization: `Bearer ${TEST_EDITOR_TOKEN}`,
					'content-type': 'multipart/form-data; boundary=x',
					'content-length': String(bytes)
				}
			},
			(response) => {
				response.resume();
				request.destroy();
				resolve(response.statusCode ?? 0);
			}
		);
		request.on('error', (error) => {
			if (!request.destroyed) reject(error);
		});
		const chunk = Buffer.alloc(1024 * 1024);
		const pump = () => {
			while (!request.destroyed && request.write(chunk));
			if (!request.destroyed) request.once('drain', pump);
		};
		pump();
	});
}
