// `npm run bench`: builds the app, serves the production build and measures it in headless
// Chromium (issue 6). Writes bench/results.json (raw samples and summaries) and bench/results.md.
// A benchmark, never a test: it reports medians and spread and which targets are met.
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { WIDE_SOURCES, importCsv, wideAndLongCsv } from './fixtures.mjs';
import { abuseMarkdown, runAbuseTest } from './abuse.mjs';
import { launchOptions } from './browser.mjs';
import { coiMarkdown, runCoiBench } from './coi/run.mjs';
import { runLoadTest, toMarkdown as loadMarkdown } from './load.mjs';
import { startServer, waitForServer } from './server.mjs';
import { quantile, round } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const PORT = 4300;
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FILTER_CHANGES = Number(process.env.BENCH_FILTER_CHANGES ?? 30);
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 5);
const COI_RUNS = Number(process.env.BENCH_COI_RUNS ?? 5);
const SIZES = [10_000, 100_000, 1_000_000];
// How long the first visit stays open before the repeat visit: time for Chromium to finish
// compiling the wasm and write its code cache, as it would while staff read the page.
const REPEAT_AFTER_MS = Number(process.env.BENCH_REPEAT_AFTER_MS ?? 5000);

const log = (...args) => console.log('[bench]', ...args);

/** Each value of an object rounded. */
function roundValues(object) {
	return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, round(v)]));
}

/** The median of each named step over runs (`{ read: 12, write: 30 }` per run). */
function stepMedians(runs) {
	const names = [...new Set(runs.flatMap((run) => Object.keys(run)))];
	return Object.fromEntries(
		names.map((name) => [name, summary(runs.map((run) => run[name] ?? 0)).median])
	);
}

/** Median, min and max of ratios, rounded to `digits`. */
function medianOf(values, digits) {
	const sorted = [...values].sort((a, b) => a - b);
	return {
		median: round(quantile(sorted, 0.5), digits),
		min: round(sorted[0], digits),
		max: round(sorted[sorted.length - 1], digits)
	};
}

function summary(samples) {
	const s = samples.filter((x) => x != null).sort((a, b) => a - b);
	return {
		n: s.length,
		median: round(quantile(s, 0.5)),
		p95: round(quantile(s, 0.95)),
		min: round(s[0]),
		max: round(s[s.length - 1])
	};
}

/** Writes `text` to `file`; returns the file's size in bytes. */
function writeCsv(file, text) {
	writeFileSync(file, text);
	return statSync(file).size;
}

/** The evaluations CSVs of SIZES rows in `dir`, as [rows, file, bytes]. */
function writeImportFiles(dir) {
	return SIZES.map((rows) => {
		const file = path.join(dir, `bench-${rows}.csv`);
		return [rows, file, writeCsv(file, importCsv(rows))];
	});
}

/** Rows of the wide file (a score column per source); the long file holds the same scores. */
const WIDE_ROWS = 100_000;

/** The same scores in the wide layout and in the long one (fixtures.mjs); their sizes. */
function writeWideAndLong(wideFile, longFile) {
	const { wide, long } = wideAndLongCsv(WIDE_ROWS);
	return { wideBytes: writeCsv(wideFile, wide), longBytes: writeCsv(longFile, long) };
}

/**
 * Imports the wide file as a user does: upload, the preview shows, confirm. Returns the time to
 * the preview, from the confirm to the result, and the two together.
 */
async function importWideOnce(browser, file, scores) {
	const { context, page } = await openReady(browser);
	const results = page.getByTestId('import-results');
	const t0 = performance.now();
	await page.getByTestId('file-input').setInputFiles(file);
	const confirm = results.getByRole('button', { name: /^이대로 .*가져오기$/ });
	await confirm.waitFor({ timeout: 180_000 });
	const preview = performance.now() - t0;
	const t1 = performance.now();
	await confirm.click();
	const expected = `${path.basename(file)}: ${scores.toLocaleString('en-US')}행을 가져왔습니다`;
	await results.getByText(expected).waitFor({ timeout: 180_000 });
	const imported = performance.now() - t1;
	await context.close();
	return {
		previewMs: round(preview),
		importMs: round(imported),
		totalMs: round(preview + imported)
	};
}

// Records, in page time (ms since navigation start), when the first score-gap chart shows the
// district labels and when DuckDB is ready.
function installMarks() {
	const marks = {};
	window.__benchMarks = marks;
	const check = () => {
		if (marks.chart == null) {
			const svg = document.querySelector('[data-testid=score-gap] .chart svg');
			const text = svg?.textContent ?? '';
			if (text.includes('성북구') && text.includes('마포구')) marks.chart = performance.now();
		}
		if (
			marks.ready == null &&
			document.querySelector('[data-testid=load-status][data-phase=ready]')
		)
			marks.ready = performance.now();
		if (marks.chart == null || marks.ready == null) requestAnimationFrame(check);
	};
	requestAnimationFrame(check);
}

/** The `name: ms` of every measure in the page's timeline whose name starts with `prefix`. */
function measuresOf(page, prefix) {
	return page.evaluate(
		(prefix) =>
			Object.fromEntries(
				performance
					.getEntriesByType('measure')
					.filter((m) => m.name.startsWith(prefix))
					.map((m) => [m.name.slice(prefix.length), m.duration])
			),
		prefix
	);
}

/** One visit in `context`: page time to the first chart and to DuckDB ready, and the engine's steps. */
async function visit(context) {
	const page = await context.newPage();
	await page.addInitScript(installMarks);
	await page.goto(BASE + '/');
	await page.waitForFunction(
		() => window.__benchMarks.chart != null && window.__benchMarks.ready != null,
		null,
		{ timeout: 60_000 }
	);
	const marks = await page.evaluate(() => window.__benchMarks);
	const steps = await measuresOf(page, 'engine:');
	return { page, chartMs: marks.chart, readyMs: marks.ready, steps };
}

/**
 * A first visit in a fresh context (cold HTTP cache), then a repeat visit: a new tab of the same
 * context after the first has settled, so the HTTP cache (and the compiled wasm Chromium keeps
 * with it) is warm, as when staff open the dashboard again the same day.
 */
async function firstLoad(browser, withNetwork) {
	const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
	let bytes = null;
	const pending = [];
	const onRequest = (request) =>
		pending.push(
			request.sizes().then((sizes) => {
				const u = new URL(request.url());
				const type = request.resourceType();
				const kind = /\.wasm$/.test(u.pathname)
					? 'wasm'
					: type === 'script' || /\.m?js$/.test(u.pathname)
						? 'js'
						: /\.csv$/.test(u.pathname) || type === 'fetch' || type === 'xhr'
							? 'data'
							: 'other';
				const size = sizes.responseBodySize + sizes.responseHeadersSize;
				bytes[kind] += size;
				bytes.files.push({ url: u.pathname, kind, type, bytes: size });
			})
		);
	if (withNetwork) {
		// Playwright reports the workers' requests too (the DuckDB worker fetches the wasm).
		bytes = { js: 0, wasm: 0, data: 0, other: 0, files: [] };
		context.on('requestfinished', onRequest);
	}
	const first = await visit(context);
	if (bytes) {
		await first.page.waitForTimeout(1000);
		await Promise.all(pending);
		context.off('requestfinished', onRequest);
	}
	// Chromium writes a module's compiled code to its cache once the module has run a while.
	await first.page.waitForTimeout(REPEAT_AFTER_MS);
	await first.page.close();
	const repeat = await visit(context);
	await context.close();
	return {
		chartMs: first.chartMs,
		readyMs: first.readyMs,
		steps: first.steps,
		repeat: { chartMs: repeat.chartMs, readyMs: repeat.readyMs, steps: repeat.steps },
		bytes
	};
}

// Toggles the 2019 year checkbox and returns, per change, the ms from the click (in page time)
// to the frame where the URL changed, no view is aria-busy and every chart in sight (any part of
// it in the window) differs from before: what staff see change. Charts below the window are
// redrawn when the page is idle (src/lib/charts/draw-queue.ts); the time until every chart of
// the view differs is kept beside it (`allCharts`). Charts that did not change within 5 s are
// counted, not waited for forever.
async function filterChanges(page, count) {
	const box = page
		.getByRole('group', { name: '연도' })
		.getByRole('checkbox', { name: '2019', exact: true });
	const handle = await box.elementHandle();
	const samples = [];
	const allCharts = [];
	let unchanged = 0;
	for (let i = 0; i < count; i++) {
		const r = await page.evaluate(
			(el) =>
				new Promise((resolve) => {
					const charts = [...document.querySelectorAll('main .chart svg')];
					const before = charts.map((svg) => svg.innerHTML);
					const url = location.href;
					const t0 = performance.now();
					let inSight = null;
					el.click();
					const tick = () => {
						const now = performance.now();
						const busy = document.querySelector('main [aria-busy=true]');
						const current = [...document.querySelectorAll('main .chart svg')];
						const same = current.filter((svg, j) => svg.innerHTML === before[j]);
						const seen = (svg) => {
							const box = svg.getBoundingClientRect();
							return box.bottom > 0 && box.top < innerHeight;
						};
						const landed = location.href !== url && !busy;
						if (inSight === null && landed && !same.some(seen)) inSight = now - t0;
						const all = landed && same.length === 0;
						if (all || (now - t0 > 5000 && landed))
							resolve({ inSight: inSight ?? now - t0, all: now - t0, unchanged: same.length });
						else requestAnimationFrame(tick);
					};
					requestAnimationFrame(tick);
				}),
			handle
		);
		samples.push(round(r.inSight));
		allCharts.push(round(r.all));
		unchanged += r.unchanged;
		await page.waitForTimeout(100);
	}
	return {
		samples,
		summary: summary(samples),
		allCharts: { samples: allCharts, summary: summary(allCharts) },
		chartsUnchangedAfter5s: unchanged
	};
}

async function openReady(browser) {
	const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
	const page = await context.newPage();
	await page.goto(BASE + '/');
	await page.locator('[data-testid=load-status][data-phase=ready]').waitFor({ timeout: 60_000 });
	await page.waitForTimeout(500);
	return { context, page };
}

async function importOnce(browser, file, rows, sampleHeap) {
	const { context, page } = await openReady(browser);
	await page.evaluate(() => {
		window.__longtasks = [];
		window.__longtaskObserver = new PerformanceObserver((list) => {
			for (const e of list.getEntries()) window.__longtasks.push(e.duration);
		});
		window.__longtaskObserver.observe({ type: 'longtask', buffered: false });
	});
	let heap = null;
	let timer = null;
	if (sampleHeap) {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		heap = [];
		const sample = async () => {
			try {
				const { metrics } = await cdp.send('Performance.getMetrics');
				heap.push(metrics.find((m) => m.name === 'JSHeapUsedSize').value);
			} catch {
				// page closing
			}
		};
		await sample();
		timer = setInterval(sample, 100);
	}
	const expected = `${path.basename(file)}: ${rows.toLocaleString('en-US')}행을 가져왔습니다`;
	// As staff do: 내 자료 올리기 is opened first, then a file chosen.
	await page.getByTestId('open-upload').click();
	await page.waitForTimeout(500);
	// Opening the section is not the import: what it cost is left out.
	await page.evaluate(() => {
		window.__longtaskObserver.takeRecords();
		window.__longtasks = [];
		performance.clearMeasures();
	});
	// Timed in the page, from the input's change event to the result line in the DOM (a
	// MutationObserver), so that the DevTools protocol's own latency is not counted.
	await page.evaluate((expected) => {
		const times = {};
		window.__importTimes = times;
		document.addEventListener(
			'change',
			(event) => {
				if (event.target?.dataset?.testid === 'file-input') times.start ??= performance.now();
			},
			true
		);
		const observer = new MutationObserver(() => {
			const results = document.querySelector('[data-testid=import-results]');
			if (results?.textContent?.includes(expected)) {
				times.shown = performance.now();
				observer.disconnect();
			}
		});
		observer.observe(document.body, { childList: true, subtree: true, characterData: true });
	}, expected);
	const t0 = performance.now();
	await page.getByTestId('file-input').setInputFiles(file);
	await page.getByTestId('import-results').getByText(expected).waitFor({ timeout: 180_000 });
	const wallMs = performance.now() - t0;
	const times = await page.evaluate(() => window.__importTimes);
	const ms = times.shown - times.start;
	// Long tasks count until the page has settled, not only until the result shows: keeping the
	// upload and redrawing the views with the new rows follow it. Then the observer's entries
	// not yet delivered to its callback are taken too (its callback runs at low priority, so
	// reading only what it had delivered missed a task that ended as the result appeared).
	await page.waitForFunction(
		() =>
			!document.querySelector('main [aria-busy=true]') &&
			document.querySelector('[data-testid=load-status][data-phase=ready]'),
		null,
		{ timeout: 180_000 }
	);
	await page.waitForTimeout(1000);
	if (timer) clearInterval(timer);
	const longtasks = await page.evaluate(() => [
		...window.__longtasks,
		...window.__longtaskObserver.takeRecords().map((e) => e.duration)
	]);
	return {
		ms: round(ms),
		wallMs: round(wallMs),
		steps: roundValues(await measuresOf(page, 'import:')),
		longestTaskMs: round(longtasks.length ? Math.max(...longtasks) : 0),
		longTasks: longtasks.length,
		heapPeakBytes: heap ? Math.max(...heap) : null,
		heapBaselineBytes: heap ? heap[0] : null,
		context,
		page
	};
}

// DuckDB-WASM's own read_csv of the same bytes, in the app's page and on its own engine: the
// engine module is a dynamic-import chunk, so importing its URL (from the build manifest)
// returns the very module instance the app uses. The bytes reach the page as an upload's do,
// through a file input. A fresh page, as each import had.
async function pageReadCsv(browser, file) {
	const { context, page } = await openReady(browser);
	const manifest = JSON.parse(
		readFileSync(path.join(root, '.svelte-kit/output/client/.vite/manifest.json'), 'utf8')
	);
	const chunk = '/' + manifest['src/lib/engine/browser.ts'].file;
	// A file input of the bench's own: Playwright hands the browser the path, as a user's
	// upload does, instead of pushing 96 MB through the DevTools protocol.
	await page.evaluate(() => {
		const input = document.createElement('input');
		input.type = 'file';
		input.id = 'bench-read-csv';
		input.hidden = true;
		document.body.append(input);
	});
	await page.setInputFiles('#bench-read-csv', file);
	// papaparse from the app's own dependency, run in the page through DevTools (the page's CSP
	// rightly refuses an inline script; nothing is fetched). Its UMD wrapper sets window.Papa.
	await page.evaluate(readFileSync(require.resolve('papaparse/papaparse.min.js'), 'utf8'));
	if (!(await page.evaluate(() => typeof window.Papa?.parse === 'function'))) {
		throw new Error('papaparse did not load in the page');
	}
	const samples = await page.evaluate(
		async ({ chunk, runs }) => {
			const input = /** @type {HTMLInputElement} */ (document.getElementById('bench-read-csv'));
			const bytes = new Uint8Array(await input.files[0].arrayBuffer());
			const { browserEngine } = await import(chunk);
			const engine = await browserEngine();
			// The engine takes what it is given (moved to its worker): papaparse reads the bytes after.
			await engine.registerFile('/uploads/bench-read-csv.csv', bytes.slice());
			// The path bound, as the app binds its own: a read DuckDB keeps prepared (the engine keeps
			// the reads it sees twice) holds a file named in its text open, and it could not be dropped.
			const source = 'read_csv(?, header = true, all_varchar = true)';
			const path = ['/uploads/bench-read-csv.csv'];
			const out = { count: [], createTable: [] };
			// First, one CREATE TABLE in the fresh page, as the import meets it: DuckDB's memory
			// not yet grown, which on this VM costs as much as the read (pages touched first).
			let cold = performance.now();
			await engine.query(
				`CREATE OR REPLACE TEMP TABLE bench_read_csv AS SELECT * FROM ${source}`,
				path
			);
			out.coldCreateTable = performance.now() - cold;
			await engine.query('DROP TABLE bench_read_csv');
			for (let i = 0; i < runs; i++) {
				let t = performance.now();
				await engine.query(`SELECT count(*) FROM ${source}`, path);
				out.count.push(performance.now() - t);
				t = performance.now();
				await engine.query(
					`CREATE OR REPLACE TEMP TABLE bench_read_csv AS SELECT * FROM ${source}`,
					path
				);
				out.createTable.push(performance.now() - t);
			}
			await engine.query('DROP TABLE IF EXISTS bench_read_csv');
			await engine.dropFile('/uploads/bench-read-csv.csv');
			// What a typical dashboard does with an upload: decode it and let papaparse make row
			// objects with typed values, on the page's thread.
			out.papaparse = [];
			for (let i = 0; i < runs; i++) {
				const t = performance.now();
				const parsed = window.Papa.parse(new TextDecoder().decode(bytes), {
					header: true,
					dynamicTyping: true,
					skipEmptyLines: true
				});
				if (parsed.data.length === 0) throw new Error('papaparse read no rows');
				out.papaparse.push(performance.now() - t);
			}
			return out;
		},
		{ chunk, runs: IMPORT_RUNS }
	);
	await context.close();
	return {
		countSamples: samples.count.map((x) => round(x)),
		count: summary(samples.count),
		createTableSamples: samples.createTable.map((x) => round(x)),
		createTable: summary(samples.createTable),
		coldCreateTable: round(samples.coldCreateTable),
		papaparseSamples: samples.papaparse.map((x) => round(x)),
		papaparse: summary(samples.papaparse)
	};
}

/**
 * The JavaScript a first visit needs before anything loads on demand: the entry, the layout and
 * page nodes, the open view (the page's load imports it before hydrating; the bench opens the
 * score-gap view) and their static imports (from the build manifest), gzipped as the server
 * sends them. DuckDB's API, ECharts and the other views are loaded on demand, after the
 * server-drawn first paint.
 */
function initialJs() {
	const client = path.join(root, '.svelte-kit/output/client');
	const manifest = JSON.parse(readFileSync(path.join(client, '.vite/manifest.json'), 'utf8'));
	const openView = 'src/lib/components/dashboard/GapView.svelte';
	const roots = Object.keys(manifest).filter(
		(key) => manifest[key].isEntry || /nodes\/[02]\.js$/.test(key) || key === openView
	);
	const seen = new Set();
	const walk = (key) => {
		if (seen.has(key)) return;
		seen.add(key);
		for (const next of manifest[key].imports ?? []) walk(next);
	};
	roots.forEach(walk);
	let raw = 0;
	let gzipped = 0;
	for (const key of seen) {
		const bytes = readFileSync(path.join(client, manifest[key].file));
		raw += bytes.length;
		gzipped += gzipSync(bytes, { level: 9 }).length;
	}
	return { files: seen.size, raw, gzipped };
}

function machine(browserVersion) {
	return {
		nproc: Number(execSync('nproc').toString().trim()),
		cpu: os.cpus()[0]?.model ?? 'unknown',
		memoryGiB: round(os.totalmem() / 2 ** 30),
		node: process.version,
		chromium: browserVersion,
		platform: `${os.type()} ${os.release()}`,
		date: new Date().toISOString()
	};
}

/** The first load RUNS times; the first run also counts the bytes on the wire. */
async function measureFirstLoads(browser) {
	log(`first load × ${RUNS}`);
	const loads = [];
	for (let i = 0; i < RUNS; i++) loads.push(await firstLoad(browser, i === 0));
	const bytes = loads[0].bytes;
	const ratios = loads.map((l) => l.chartMs / l.readyMs);
	const repeatRatios = loads.map((l) => l.repeat.readyMs / l.readyMs);
	const summaryOfLoads = {
		samples: loads.map((l) => ({
			chartMs: round(l.chartMs),
			readyMs: round(l.readyMs),
			ratio: round(l.chartMs / l.readyMs, 3),
			steps: roundValues(l.steps),
			repeat: {
				chartMs: round(l.repeat.chartMs),
				readyMs: round(l.repeat.readyMs),
				steps: roundValues(l.repeat.steps)
			}
		})),
		chart: summary(loads.map((l) => l.chartMs)),
		ready: summary(loads.map((l) => l.readyMs)),
		steps: stepMedians(loads.map((l) => l.steps)),
		repeat: {
			chart: summary(loads.map((l) => l.repeat.chartMs)),
			ready: summary(loads.map((l) => l.repeat.readyMs)),
			steps: stepMedians(loads.map((l) => l.repeat.steps)),
			ratioToFirst: medianOf(repeatRatios, 3)
		},
		ratio: medianOf(ratios, 3)
	};
	log(summaryOfLoads.chart, summaryOfLoads.ready);
	return {
		firstLoad: summaryOfLoads,
		bytes: {
			note: 'Playwright request.sizes(): encoded response body + headers, fresh context (cold cache), page and workers',
			js: bytes.js,
			wasm: bytes.wasm,
			data: bytes.data,
			other: bytes.other,
			files: bytes.files
		}
	};
}

/** Filter changes on the sample, in a fresh page. */
async function measureFilterSample(browser) {
	log(`filter changes on the sample × ${FILTER_CHANGES}`);
	const { context, page } = await openReady(browser);
	const filterSample = await filterChanges(page, FILTER_CHANGES);
	await context.close();
	log({ inSight: filterSample.summary, allCharts: filterSample.allCharts.summary });
	return filterSample;
}

/**
 * IMPORT_RUNS imports of one file. The 1M-row ones also sample the heap, and the page of the
 * last one, with the 1M rows in it, is where the filter changes with 1M rows are measured.
 */
async function importRuns(browser, rows, file) {
	const runs = [];
	let filter1M;
	for (let i = 0; i < IMPORT_RUNS; i++) {
		const last = rows === 1_000_000 && i === IMPORT_RUNS - 1;
		log(`import ${rows} rows, run ${i + 1}`);
		const { context, page, ...sample } = await importOnce(browser, file, rows, rows === 1_000_000);
		runs.push(sample);
		if (last) {
			log(`filter changes with 1M rows × ${FILTER_CHANGES}`);
			filter1M = await filterChanges(page, FILTER_CHANGES);
			log({ inSight: filter1M.summary, allCharts: filter1M.allCharts.summary });
		}
		await context.close();
	}
	return { runs, filter1M };
}

/** One size's entry in results.imports: its imports, DuckDB's read_csv and their ratios. */
function importSummary(rows, fileBytes, runs, readCsv) {
	const entry = {
		fileBytes,
		samples: runs,
		total: summary(runs.map((r) => r.ms)),
		steps: stepMedians(runs.map((r) => r.steps)),
		longestTask: summary(runs.map((r) => r.longestTaskMs)),
		heapPeak: rows === 1_000_000 ? summary(runs.map((r) => r.heapPeakBytes)) : null,
		pageReadCsv: readCsv
	};
	entry.ratioToReadCsvCount = round(entry.total.median / readCsv.count.median, 2);
	entry.ratioToReadCsvCreateTable = round(entry.total.median / readCsv.createTable.median, 2);
	entry.ratioToColdCreateTable = round(entry.total.median / readCsv.coldCreateTable, 2);
	entry.ratioToPapaparse = round(entry.total.median / readCsv.papaparse.median, 2);
	if (rows === 1_000_000) entry.heapPeakToFileSize = round(entry.heapPeak.max / fileBytes, 2);
	return entry;
}

/** Every size: its imports, then DuckDB's read_csv of the same file in the app's page. */
async function measureImports(browser, files) {
	const imports = {};
	let filter1M;
	for (const [rows, file, size] of files) {
		const measured = await importRuns(browser, rows, file);
		filter1M ??= measured.filter1M;
		log(`read_csv of the same ${rows} rows in the app's page`);
		const readCsv = await pageReadCsv(browser, file);
		imports[rows] = importSummary(rows, size, measured.runs, readCsv);
		log(rows, imports[rows].total);
	}
	return { imports, filter1M };
}

/** The same scores in the wide layout and in the long one, side by side in one run. */
async function measureWideVsLong(browser, dir) {
	const wideFile = path.join(dir, 'bench-wide-100k.csv');
	const longFile = path.join(dir, 'bench-wide-100k-as-long.csv');
	const sizes = writeWideAndLong(wideFile, longFile);
	const scores = WIDE_ROWS * WIDE_SOURCES.length;
	const wide = [];
	const long = [];
	for (let i = 0; i < IMPORT_RUNS; i++) {
		log(`wide ${WIDE_ROWS} rows and the same ${scores} scores long, run ${i + 1}`);
		wide.push(await importWideOnce(browser, wideFile, scores));
		const { context, ms } = await importOnce(browser, longFile, scores, false);
		long.push(ms);
		await context.close();
	}
	const v = {
		wideRows: WIDE_ROWS,
		scores,
		...sizes,
		wideSamples: wide,
		longSamples: long,
		widePreview: summary(wide.map((w) => w.previewMs)),
		wideImport: summary(wide.map((w) => w.importMs)),
		wideTotal: summary(wide.map((w) => w.totalMs)),
		long: summary(long)
	};
	v.importRatio = round(v.wideImport.median / v.long.median, 2);
	v.totalRatio = round(v.wideTotal.median / v.long.median, 2);
	log('wide vs long', v.importRatio, v.totalRatio);
	return v;
}

/**
 * Everything measured in Chromium, in this order: 1. first chart and DuckDB ready (4. bytes on
 * the first of those runs), 2. filter changes on the sample, 3. imports per size (with the
 * filter changes with 1M rows and DuckDB's own read_csv), 5. wide against long.
 */
async function measureInBrowser(browser, files, dir) {
	const results = {
		machine: machine(browser.version()),
		config: { RUNS, FILTER_CHANGES, IMPORT_RUNS, COI_RUNS },
		...(await measureFirstLoads(browser))
	};
	results.filterSample = await measureFilterSample(browser);
	const { imports, filter1M } = await measureImports(browser, files);
	results.imports = imports;
	results.filter1M = filter1M;
	results.wideVsLong = await measureWideVsLong(browser, dir);
	log('cross-origin-isolated DuckDB against eh');
	const [, millionFile] = files.find(([rows]) => rows === 1_000_000);
	results.coi = await runCoiBench({ browser, csvFile: millionFile, runs: COI_RUNS });
	return results;
}

async function main() {
	const started = Date.now();
	if (!process.env.BENCH_SKIP_BUILD) {
		log('npm run build');
		execSync('npm run build', { cwd: root, stdio: 'inherit' });
	}
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'dashboard-bench-'));
	const store = path.join(tmp, 'store');
	const server = startServer({ root, port: PORT, store });
	let browser;
	try {
		// Ready once the sample's first figures are: first loads are measured as a visitor meets them.
		await waitForServer(BASE + '/api/health', 60_000);
		log('generating CSVs in', tmp);
		const files = writeImportFiles(tmp);
		browser = await chromium.launch(launchOptions());
		const results = await measureInBrowser(browser, files, tmp);
		await browser.close();
		browser = null;

		results.initialJs = initialJs();
		log('initial JS', results.initialJs);
		// The load test starts a server of its own, on its own port: this one would only compete.
		log('load test');
		server.kill();
		results.load = await runLoadTest({});
		log('abuse test');
		results.abuse = await runAbuseTest({});
		results.durationSeconds = round((Date.now() - started) / 1000);
		writeFileSync(path.join(benchDir, 'results.json'), JSON.stringify(results, null, '\t') + '\n');
		writeFileSync(path.join(benchDir, 'results.md'), markdown(results));
		log(`done in ${results.durationSeconds} s`);
	} finally {
		if (browser) await browser.close();
		server.kill();
		rmSync(tmp, { recursive: true, force: true });
	}
}

const ms = (s) => `${s.median} ms (${s.min}–${s.max})`;
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
const mib = (b) => (b / 2 ** 20).toFixed(1);
const met = (ok) => (ok ? 'met' : '**not met**');
const filterFigure = (s) => `p50 ${s.median} ms, p95 ${s.p95} ms, max ${s.max} ms`;

/** `name ms · name ms` of step medians. */
const stepList = (steps) =>
	Object.entries(steps)
		.map(([name, ms]) => `${name} ${ms}`)
		.join(' · ');

/** Table rows [figure, measured, target, status]: first and repeat visits, filter changes. */
function firstLoadRows(r) {
	const f = r.firstLoad;
	const sample = r.filterSample.summary;
	const big = r.filter1M.summary;
	return [
		['First chart painted (median, min–max)', ms(f.chart), '', ''],
		['DuckDB ready, same runs', ms(f.ready), '', ''],
		[
			'First chart ÷ DuckDB ready',
			`${f.ratio.median} (${f.ratio.min}–${f.ratio.max})`,
			'≤ 0.3',
			met(f.ratio.median <= 0.3)
		],
		['First visit: steps to ready (medians, ms)', stepList(f.steps), '', ''],
		['Repeat visit (same context, warm HTTP cache): DuckDB ready', ms(f.repeat.ready), '', ''],
		['Repeat visit: steps to ready (medians, ms)', stepList(f.repeat.steps), '', ''],
		[
			'Repeat ÷ first visit, DuckDB ready (per run)',
			`${f.repeat.ratioToFirst.median} (${f.repeat.ratioToFirst.min}–${f.repeat.ratioToFirst.max})`,
			'≤ 0.5',
			met(f.repeat.ratioToFirst.median <= 0.5)
		],
		[
			`Filter → charts in sight, sample (${sample.n} changes)`,
			filterFigure(sample),
			'p95 ≤ 60 ms',
			met(sample.p95 <= 60)
		],
		[
			'Filter → every chart of the view, sample (those below drawn when idle)',
			filterFigure(r.filterSample.allCharts.summary),
			'',
			''
		],
		[
			`Filter → charts in sight, 1M rows (${big.n} changes)`,
			filterFigure(big),
			'p95 ≤ 60 ms',
			met(big.p95 <= 60)
		],
		[
			'Filter → every chart of the view, 1M rows',
			filterFigure(r.filter1M.allCharts.summary),
			'',
			''
		]
	];
}

/** The most an import of `n` rows may take, in `read_csv` CREATE TABLEs of the same bytes. */
const IMPORT_RATIO_TARGET = { 10000: 4, 1000000: 3 };

/** Table rows for the import of `n` rows: its time and steps, its peers', ratios, long tasks. */
function importRows(n, x) {
	const short = { 10000: '10k', 100000: '100k', 1000000: '1M' }[n];
	const target = IMPORT_RATIO_TARGET[n];
	return [
		[
			`Import ${n.toLocaleString('en-US')} rows (${mib(x.fileBytes)} MiB), page total`,
			ms(x.total),
			'',
			''
		],
		[`${short}: import steps (medians, ms)`, stepList(x.steps), '', ''],
		[
			`${short}: DuckDB read_csv in the same page, count(*) / CREATE TABLE / first CREATE TABLE in the fresh page`,
			`${ms(x.pageReadCsv.count)} / ${ms(x.pageReadCsv.createTable)} / ${x.pageReadCsv.coldCreateTable} ms`,
			'',
			''
		],
		[
			`${short}: import ÷ read_csv (count / CREATE TABLE / first CREATE TABLE)`,
			`${x.ratioToReadCsvCount} / ${x.ratioToReadCsvCreateTable} / ${x.ratioToColdCreateTable}`,
			target ? `≤ ${target} (CREATE TABLE)` : '',
			target ? met(x.ratioToReadCsvCreateTable <= target) : ''
		],
		[
			`${short}: papaparse in the same page (decode, header, dynamicTyping); import ÷ it`,
			`${ms(x.pageReadCsv.papaparse)}; ${x.ratioToPapaparse}`,
			'',
			''
		],
		[
			`${short}: longest main-thread task during import`,
			x.longestTask.max === 0 ? 'none > 50 ms (no longtask entry)' : ms(x.longestTask),
			'≤ 100 ms',
			met(x.longestTask.max <= 100)
		]
	];
}

/** Table rows for the wide file against the same scores long. */
function wideVsLongRows(v) {
	return [
		[
			`Wide file: ${v.wideRows.toLocaleString('en-US')} rows × ${v.scores / v.wideRows} sources (${mib(v.wideBytes)} MiB): upload → preview / confirm → imported`,
			`${ms(v.widePreview)} / ${ms(v.wideImport)}`,
			'',
			''
		],
		[
			`The same ${v.scores.toLocaleString('en-US')} scores long (${mib(v.longBytes)} MiB), page total`,
			ms(v.long),
			'',
			''
		],
		[
			'Wide ÷ long (medians): confirmed import / with the preview',
			`${v.importRatio} / ${v.totalRatio}`,
			'≤ 2',
			met(v.importRatio <= 2)
		]
	];
}

/** Table rows for memory and bytes: the 1M import's heap, the initial JS, the first load. */
function sizeRows(r) {
	const big = r.imports[1_000_000];
	return [
		[
			'JS heap peak, 1M import (main thread)',
			`${(big.heapPeak.max / 2 ** 20).toFixed(0)} MiB = ${big.heapPeakToFileSize}× file`,
			'≤ 4× file',
			met(big.heapPeakToFileSize <= 4)
		],
		[
			`Initial JS (entry, layout, page, open view and their static imports: ${r.initialJs.files} files), gzip`,
			`${kb(r.initialJs.gzipped)} (${kb(r.initialJs.raw)} raw)`,
			'≤ 250 KB compressed',
			met(r.initialJs.gzipped <= 250 * 1024)
		],
		[
			'First load on the wire: JS (incl. DuckDB API, ECharts) / wasm / data / other',
			`${kb(r.bytes.js)} / ${kb(r.bytes.wasm)} / ${kb(r.bytes.data)} / ${kb(r.bytes.other)}`,
			'',
			''
		]
	];
}

/** bench/results.md: the machine, the table with the targets (issues 6 and 21), notes, the load test. */
export function markdown(r) {
	const rows = [
		...firstLoadRows(r),
		...SIZES.flatMap((n) => importRows(n, r.imports[n])),
		...wideVsLongRows(r.wideVsLong),
		...sizeRows(r)
	];
	const mc = r.machine;
	return [
		`Machine: ${mc.nproc} CPUs (${mc.cpu}), ${mc.memoryGiB} GiB, Node ${mc.node}, ${mc.chromium}, ${mc.date}.`,
		`Runs: ${r.config.RUNS} first loads (new context each), ${r.config.FILTER_CHANGES} filter changes, ${r.config.IMPORT_RUNS} imports per size; whole bench ${r.durationSeconds} s.`,
		'',
		'| figure | measured | target | status |',
		'| --- | --- | --- | --- |',
		...rows.map((c) => `| ${c.join(' | ')} |`),
		'',
		"- `read_csv` is DuckDB-WASM's own, on the app's engine in the same page (its module imported",
		'  by URL from the build manifest), `all_varchar = true` of the same bytes; the import also',
		'  decodes, checks every cell and converts types, which is what the ratio prices.',
		"- Heap is the page's main-thread `JSHeapUsedSize` (CDP, every 100 ms); the DuckDB and",
		"  import workers' heaps and the wasm memory are not included.",
		'- Bytes are on-the-wire sizes (encoded body + headers, Playwright `request.sizes()`, page and\n  workers) of a cold first load in a fresh context.',
		'',
		r.coi ? coiMarkdown(r.coi) : '(cross-origin-isolated DuckDB: not run)',
		'Load test (`bench/load.mjs`, autocannon against the production server on 127.0.0.1):',
		'',
		loadMarkdown(r.load),
		'',
		'Abuse test (`bench/abuse.mjs`, issue 18):',
		'',
		r.abuse ? abuseMarkdown(r.abuse) : '(not run)',
		''
	].join('\n');
}

// Imported (by a check of markdown(), say), it measures nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
