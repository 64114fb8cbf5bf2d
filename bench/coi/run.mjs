// Issue 21: DuckDB-WASM's cross-origin-isolated, multithreaded build (`coi`) against the `eh`
// build the app ships, side by side in one run. `npm run bench` calls runCoiBench; on its own:
// `node bench/coi/run.mjs` (generates the 1M-row file itself).
//
// The app's pages are not isolated (no COOP/COEP), so this bench serves a page of its own that
// is: DuckDB's files from node_modules, a page script bundled by Vite's own build, the CSV.
// Each run is a new browser context, so every start is a first visit's (cold HTTP cache).
import { createServer } from 'node:http';
import {
	createReadStream,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from '@playwright/test';
import { launchOptions } from '../browser.mjs';
import { importCsv } from '../fixtures.mjs';
import { quantile, round } from '../stats.mjs';

const require = createRequire(import.meta.url);
const here = fileURLToPath(new URL('.', import.meta.url));
const DUCKDB_DIST = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const DUCKDB_FILES = new Set([
	'duckdb-eh.wasm',
	'duckdb-browser-eh.worker.js',
	'duckdb-coi.wasm',
	'duckdb-browser-coi.worker.js',
	'duckdb-browser-coi.pthread.worker.js'
]);
const WARM = 3;

/** The variants: the shipped build on its one thread, COI on as many threads as cores, COI as it comes. */
const variants = (cores) => [
	{ name: 'eh', bundle: 'eh', threads: null },
	{ name: 'coi, a thread per core', bundle: 'coi', threads: cores },
	{ name: 'coi at its default', bundle: 'coi', threads: null }
];

async function bundlePage(dir) {
	await build({
		configFile: false,
		logLevel: 'silent',
		build: {
			outDir: dir,
			minify: false,
			lib: { entry: path.join(here, 'page.js'), formats: ['es'], fileName: () => 'page.js' }
		}
	});
	return readFileSync(path.join(dir, 'page.js'));
}

/** Every response cross-origin isolated: COOP and COEP on the page, CORP on the rest. */
function isolatedServer(pageScript, csvFile) {
	const isolation = {
		'Cross-Origin-Opener-Policy': 'same-origin',
		'Cross-Origin-Embedder-Policy': 'require-corp',
		'Cross-Origin-Resource-Policy': 'same-origin'
	};
	return createServer((request, response) => {
		const url = new URL(request.url, 'http://x');
		const send = (type, body) => {
			response.writeHead(200, { ...isolation, 'Content-Type': type });
			response.end(body);
		};
		if (url.pathname === '/') {
			send(
				'text/html',
				'<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>'
			);
		} else if (url.pathname === '/page.js') {
			send('text/javascript', pageScript);
		} else if (url.pathname === '/data.csv') {
			response.writeHead(200, {
				...isolation,
				'Content-Type': 'text/csv',
				'Content-Length': statSync(csvFile).size
			});
			createReadStream(csvFile).pipe(response);
		} else if (url.pathname.startsWith('/duckdb/') && DUCKDB_FILES.has(url.pathname.slice(8))) {
			const name = url.pathname.slice(8);
			const type = name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
			response.writeHead(200, {
				...isolation,
				'Content-Type': type,
				'Cache-Control': 'max-age=3600'
			});
			createReadStream(path.join(DUCKDB_DIST, name)).pipe(response);
		} else {
			response.writeHead(404, isolation);
			response.end();
		}
	});
}

const median = (values) =>
	round(
		quantile(
			[...values].sort((a, b) => a - b),
			0.5
		)
	);

/**
 * `runs` rounds; in each, every variant once (in rotation, so neither gains from the machine's
 * moods), each in a new context. Returns per variant the medians and every sample.
 */
export async function runCoiBench({ browser, csvFile, runs = 5, port = 4310 }) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dashboard-coi-'));
	const server = isolatedServer(await bundlePage(dir), csvFile);
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	try {
		const probe = await browser.newContext();
		const probePage = await probe.newPage();
		await probePage.goto(`http://127.0.0.1:${port}/`);
		const cores = await probePage.evaluate(() => navigator.hardwareConcurrency);
		await probe.close();
		const list = variants(cores);
		const samples = new Map(list.map((v) => [v.name, []]));
		for (let run = 0; run < runs; run++) {
			for (let i = 0; i < list.length; i++) {
				const variant = list[(run + i) % list.length];
				const context = await browser.newContext();
				const page = await context.newPage();
				await page.goto(`http://127.0.0.1:${port}/`);
				await page.waitForFunction(() => window.coiBenchReady === true);
				// A start or read that fails is counted and reported, not retried or hidden.
				const result = await page
					.evaluate((v) => window.coiBench(v), {
						bundle: variant.bundle,
						threads: variant.threads,
						warm: WARM
					})
					.catch((error) => ({ error: String(error.message ?? error).split('\n')[0] }));
				samples.get(variant.name).push(result);
				await context.close();
			}
		}
		return {
			cores,
			csvBytes: statSync(csvFile).size,
			variants: list.map(({ name, bundle }) => {
				const all = samples.get(name);
				const s = all.filter((r) => !r.error);
				const pick = (key) => (s.length ? median(s.map((r) => r[key])) : null);
				const warm = (key) => (s.length ? median(s.flatMap((r) => r[key])) : null);
				return {
					name,
					bundle,
					runs: all.length,
					failures: all.filter((r) => r.error).map((r) => r.error),
					threads: s[0]?.threads ?? null,
					instantiate: pick('instantiate'),
					varcharCold: pick('varcharCold'),
					varchar: warm('varchar'),
					typedCold: pick('typedCold'),
					typed: warm('typed'),
					groupBy: warm('groupBy'),
					samples: all
				};
			})
		};
	} finally {
		server.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The table for results.md: medians per variant, and each against `eh`'s. */
export function coiMarkdown(coi) {
	const [eh] = coi.variants;
	const vs = (value, base) =>
		value == null ? '–' : base == null ? `${value} ms` : `${value} ms (${round(value / base, 2)}×)`;
	const failed = coi.variants.filter((v) => (v.failures ?? []).length > 0);
	const lines = [
		`Cross-origin-isolated DuckDB (issue 21): ${eh.runs} rounds, each variant in a new context (cold start), ${(coi.csvBytes / 2 ** 20).toFixed(1)} MiB, ${coi.cores} cores; medians of the runs that finished (× the eh build's).`,
		'',
		'| build (threads, as DuckDB reports them) | start (instantiate + open, cold) | first read as text | read as text, warm | first typed read | typed read, warm | group-by, warm |',
		'| --- | --- | --- | --- | --- | --- | --- |'
	];
	for (const v of coi.variants) {
		lines.push(
			`| ${v.name} (${v.threads}) | ${vs(v.instantiate, eh.instantiate)} | ${vs(v.varcharCold, eh.varcharCold)} | ${vs(v.varchar, eh.varchar)} | ${vs(v.typedCold, eh.typedCold)} | ${vs(v.typed, eh.typed)} | ${vs(v.groupBy, eh.groupBy)} |`
		);
	}
	for (const v of failed) {
		lines.push(
			'',
			`${v.name}: ${v.failures.length} of ${v.runs} runs failed (${[...new Set(v.failures)].join('; ')}).`
		);
	}
	return lines.join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dashboard-coi-csv-'));
	const csvFile = path.join(dir, 'bench-1000000.csv');
	writeFileSync(csvFile, importCsv(1_000_000));
	const browser = await chromium.launch(launchOptions());
	try {
		const coi = await runCoiBench({
			browser,
			csvFile,
			runs: Number(process.env.BENCH_COI_RUNS ?? 5)
		});
		console.log(coiMarkdown(coi));
	} finally {
		await browser.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
