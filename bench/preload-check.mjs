// `node bench/preload-check.mjs` (after `npm run build`): would a preload of DuckDB's worker script
// and wasm (`Link: <…>; rel=preload` on the dashboard page) make DuckDB ready sooner, and would the
// wasm still be downloaded once? The app sends no such preload (README, "How it is built", says
// why); this script adds one to the page's `Link` header in a small proxy in front of `node build`
// (on PRELOAD_PORT, default 4420), one proxy per variant, so every variant runs on the same build,
// rotating run by run. The proxies count what really crosses the network (every request that
// reaches the server) and can stand in for a slower link. Writes bench/results.preload.json and
// bench/results.preload.md.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { Transform } from 'node:stream';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { launchOptions } from './browser.mjs';
import { startServer, waitForServer } from './server.mjs';
import { quantile, round } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const PORT = Number(process.env.PRELOAD_PORT ?? 4420);
const RUNS = Number(process.env.PRELOAD_RUNS ?? 7);
// Bandwidth and per-request latency of the slow link: an office line shared by a few people.
const SLOW = { mbit: 40, latencyMs: 20 };
// Over plain http to a named host, as on the intranet, Chromium asks for gzip only (7.7 MB of
// wasm); 127.0.0.1 counts as a secure context and gets brotli (6.2 MB). Both are measured: the
// name is mapped to the loopback address.
const INTRANET_HOST = 'dashboard.intranet.test';
const LAUNCH = launchOptions([`--host-resolver-rules=MAP ${INTRANET_HOST} 127.0.0.1`]);
const WASM = /\/duckdb-eh\.[^/]+\.wasm$/;
const WORKER = /\/duckdb-browser-eh\.worker\.[^/]+\.js$/;
const BASELINE = 'none';

/**
 * Each variant and the `Link` entries its proxy adds to the dashboard page. Only the eh pair:
 * it is what `selectBundle` picks in Chromium, Firefox and Safari. The wasm as the worker asks
 * for it (mode cors, credentials same-origin: `crossorigin`); the worker script as a script, as
 * there is no `as=worker` preload and modulepreload is for module scripts.
 */
function variants() {
	const assets = readdirSync(path.join(root, 'build/client/_app/immutable/assets'));
	const url = (re) => {
		const name = assets.find((file) => re.test(`/${file}`));
		if (!name) throw new Error(`no ${re} in build/: run npm run build first`);
		return `/_app/immutable/assets/${name}`;
	};
	const wasm = `<${url(WASM)}>; rel="preload"; as="fetch"; crossorigin`;
	const worker = `<${url(WORKER)}>; rel="preload"; as="script"`;
	return { 'wasm and worker': [wasm, worker], 'worker only': [worker], [BASELINE]: [] };
}

const log = (...args) => console.log('[preload]', ...args);
const median = (xs) =>
	round(
		quantile(
			xs.filter((x) => x != null).sort((a, b) => a - b),
			0.5
		)
	);

/**
 * The way a response body takes through the proxy: it counts the bytes into `sent.bytes` and, on
 * a slow link, lets each chunk through only at its turn on the link all responses share
 * (`state.linkFreeAt`). A Transform keeps the order and ends the response only after the last
 * chunk has been let through.
 */
function linkPacer(state, sent) {
	return new Transform({
		transform(chunk, _encoding, done) {
			sent.bytes += chunk.length;
			if (!state.slow) return done(null, chunk);
			const now = performance.now();
			state.linkFreeAt =
				Math.max(state.linkFreeAt, now) + (chunk.length * 8) / (state.slow.mbit * 1000);
			setTimeout(() => done(null, chunk), state.linkFreeAt - now);
		}
	});
}

/**
 * A proxy in front of the server. `add` goes at the end of the dashboard page's `Link` header;
 * `slow` paces every response body through one shared link of `mbit` and delays each request by
 * `latencyMs`, so that a worker's requests are slowed exactly like the page's.
 */
function startProxy(port, upstreamPort, { add }) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
	const state = { slow: null, linkFreeAt: 0, inflight: 0, log: [] };
	const server = http.createServer((req, res) => {
		state.inflight++;
		let settled = false;
		const settle = () => {
			if (!settled) state.inflight--;
			settled = true;
		};
		const started = performance.now();
		const forward = () => {
			const upstream = http.request(
				{
					host: '127.0.0.1',
					port: upstreamPort,
					path: req.url,
					method: req.method,
					headers: req.headers,
					agent
				},
				(response) => {
					const headers = { ...response.headers };
					const page = new URL(req.url ?? '/', 'http://x').pathname === '/';
					if (page && add.length > 0) {
						headers.link = [headers.link, ...add].filter(Boolean).join(', ');
					}
					res.writeHead(response.statusCode ?? 502, headers);
					const sent = { bytes: 0 };
					response.pipe(linkPacer(state, sent)).pipe(res);
					res.on('finish', () => {
						state.log.push({
							path: new URL(req.url ?? '/', 'http://x').pathname,
							status: response.statusCode,
							encoding: headers['content-encoding'] ?? null,
							bytes: sent.bytes,
							startMs: started,
							endMs: performance.now()
						});
						settle();
					});
				}
			);
			upstream.on('error', () => {
				res.destroy();
				settle();
			});
			res.on('close', () => {
				if (res.writableFinished) return;
				// The browser gave up on this response (a closed context): not counted as sent.
				upstream.destroy();
				settle();
			});
			req.pipe(upstream);
		};
		if (state.slow) setTimeout(forward, state.slow.latencyMs);
		else forward();
	});
	return new Promise((resolve) =>
		server.listen(port, '127.0.0.1', () => resolve({ server, state, agent }))
	);
}

// As bench/run.mjs: page time (ms since navigation start) at which DuckDB is ready, plus the
// moment the engine had started (the phase after 'engine').
function installMarks() {
	const marks = {};
	window.__benchMarks = marks;
	const check = () => {
		const phase = document.querySelector('[data-testid=load-status]')?.getAttribute('data-phase');
		if (marks.engine == null && (phase === 'data' || phase === 'ready'))
			marks.engine = performance.now();
		if (marks.ready == null && phase === 'ready') marks.ready = performance.now();
		if (marks.ready == null) requestAnimationFrame(check);
	};
	requestAnimationFrame(check);
}

/** Resource timing of the DuckDB files in one realm (the page or the worker), in page time. */
function resourceTimings(offset) {
	return performance
		.getEntriesByType('resource')
		.filter((e) => /duckdb-(eh\.|browser-eh\.worker)/.test(e.name))
		.map((e) => ({
			file: e.name.includes('.wasm') ? 'wasm' : 'worker',
			initiator: e.initiatorType,
			startMs: e.startTime + offset,
			responseEndMs: e.responseEnd + offset,
			transferSize: e.transferSize,
			encodedBodySize: e.encodedBodySize
		}));
}

/**
 * A fresh browser context for one load. cache `profile`: a new on-disk profile, the HTTP cache a
 * normal (not private) window has, but empty; otherwise Playwright's usual context, whose HTTP
 * cache Chromium keeps in memory, as in a private window. `profile` is the folder to remove.
 */
async function freshContext(browser, cache) {
	if (cache !== 'profile') {
		const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
		return { context, profile: null };
	}
	const profile = mkdtempSync(path.join(os.tmpdir(), 'preload-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		...LAUNCH,
		locale: 'ko-KR',
		timezoneId: 'Asia/Seoul'
	});
	return { context, profile };
}

/** DevTools' own network emulation of the slow link, set on the page. */
async function emulateSlowLink(context, page) {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: SLOW.latencyMs,
		downloadThroughput: (SLOW.mbit * 1e6) / 8,
		uploadThroughput: (SLOW.mbit * 1e6) / 8
	});
}

/**
 * What Playwright sees, page and workers: every finished request for the DuckDB files, in
 * `seen` once `pending` has settled.
 */
function watchDuckdbRequests(context) {
	const seen = [];
	const pending = [];
	context.on('requestfinished', (request) => {
		const url = request.url();
		if (!WASM.test(url) && !WORKER.test(url)) return;
		pending.push(
			request.sizes().then((sizes) =>
				seen.push({
					file: WASM.test(url) ? 'wasm' : 'worker',
					resourceType: request.resourceType(),
					// Encoded body size; 0 or less when the HTTP cache answered.
					bodyBytes: sizes.responseBodySize,
					headerBytes: sizes.responseHeadersSize
				})
			)
		);
	});
	return { seen, pending };
}

/** The DuckDB worker's resource timings of its files, shifted onto the page's clock. */
async function workerTimingsOf(page) {
	const duckdbWorker = page.workers().find((w) => WORKER.test(w.url()));
	if (!duckdbWorker) return [];
	// The worker's clock starts when the worker does.
	const workerOffset =
		(await duckdbWorker.evaluate(() => performance.timeOrigin)) -
		(await page.evaluate(() => performance.timeOrigin));
	return duckdbWorker.evaluate(resourceTimings, workerOffset);
}

/** One load's figures from the page's marks, the proxy's log and Playwright's requests. */
function loadFigures(marks, wire, seen, workerTimings) {
	const count = (list, file) => list.filter((e) => e.file === file);
	const wireOf = (re) => wire.filter((e) => re.test(e.path));
	const workerWasm = workerTimings.find((e) => e.file === 'wasm');
	return {
		readyMs: round(marks.ready),
		engineMs: round(marks.engine),
		wasmOnWire: wireOf(WASM).length,
		wasmWireBytes: wireOf(WASM).reduce((s, e) => s + e.bytes, 0),
		workerOnWire: wireOf(WORKER).length,
		workerWireBytes: wireOf(WORKER).reduce((s, e) => s + e.bytes, 0),
		wasmSeen: count(seen, 'wasm').length,
		// Playwright's count of the same: requests whose body came over the network.
		wasmSeenFromNetwork: count(seen, 'wasm').filter((e) => e.bodyBytes > 0).length,
		workerSeen: count(seen, 'worker').length,
		// transferSize 0 with a body: the worker's wasm came from the HTTP cache.
		workerWasmFromCache: workerWasm
			? workerWasm.transferSize === 0 && workerWasm.encodedBodySize > 0
			: null,
		workerWasmStartMs: round(workerWasm?.startMs),
		workerWasmEndMs: round(workerWasm?.responseEndMs)
	};
}

async function oneLoad(browser, proxy, { cache, network, host }) {
	const base = `http://${host === 'intranet' ? INTRANET_HOST : '127.0.0.1'}:${proxy.server.address().port}`;
	const { context, profile } = await freshContext(browser, cache);
	const page = context.pages()[0] ?? (await context.newPage());
	await page.addInitScript(installMarks);
	if (network === 'cdp') await emulateSlowLink(context, page);
	proxy.state.slow = network === 'slow' ? SLOW : null;
	proxy.state.linkFreeAt = 0;
	proxy.state.log = [];
	const { seen, pending } = watchDuckdbRequests(context);

	await page.goto(base + '/');
	await page.waitForFunction(() => window.__benchMarks.ready != null, null, { timeout: 120_000 });
	const marks = await page.evaluate(() => window.__benchMarks);
	const workerTimings = await workerTimingsOf(page);
	// Let anything still on the wire (an unused preload) finish before counting.
	const end = Date.now() + 15_000;
	while (proxy.state.inflight > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
	await page.waitForTimeout(300);
	await Promise.all(pending);
	const wire = proxy.state.log.filter((e) => WASM.test(e.path) || WORKER.test(e.path));
	await context.close();
	if (profile) rmSync(profile, { recursive: true, force: true });
	return loadFigures(marks, wire, seen, workerTimings);
}

function summarize(samples) {
	return {
		n: samples.length,
		readyMs: median(samples.map((s) => s.readyMs)),
		readyMin: round(Math.min(...samples.map((s) => s.readyMs))),
		readyMax: round(Math.max(...samples.map((s) => s.readyMs))),
		engineMs: median(samples.map((s) => s.engineMs)),
		workerWasmStartMs: median(samples.map((s) => s.workerWasmStartMs)),
		workerWasmEndMs: median(samples.map((s) => s.workerWasmEndMs)),
		wasmOnWire: [...new Set(samples.map((s) => s.wasmOnWire))].join('/'),
		wasmWireMB: round(median(samples.map((s) => s.wasmWireBytes)) / 1e6, 2),
		workerOnWire: [...new Set(samples.map((s) => s.workerOnWire))].join('/'),
		wasmSeen: [...new Set(samples.map((s) => s.wasmSeen))].join('/'),
		wasmSeenFromNetwork: [...new Set(samples.map((s) => s.wasmSeenFromNetwork))].join('/'),
		workerWasmFromCache: samples.filter((s) => s.workerWasmFromCache).length
	};
}

/** One proxy per variant, on the ports after PORT, each in front of the server on PORT. */
async function startProxies() {
	const proxies = {};
	for (const [i, [variant, add]] of Object.entries(variants()).entries()) {
		proxies[variant] = await startProxy(PORT + 1 + i, PORT, { add });
	}
	return proxies;
}

/** Logs the DuckDB files each proxy's page really preloads (its `Link` header). */
async function logPreloads(proxies) {
	for (const [variant, proxy] of Object.entries(proxies)) {
		const url = `http://127.0.0.1:${proxy.server.address().port}/`;
		const link = (await fetch(url)).headers.get('link') ?? '';
		log(variant, 'preloads:', link.match(/duckdb[^>]*/g) ?? 'none');
	}
}

/**
 * The conditions to measure in (PRELOAD_MODES), each cache/network/host. cache: context
 * (Playwright's, in memory like a private window) or profile (on disk); network: local, slow
 * (the proxies' link) or cdp (DevTools' emulation, set on the page); host: loopback (127.0.0.1)
 * or intranet (a name over plain http).
 */
function modesToRun() {
	return (
		process.env.PRELOAD_MODES ??
		'context/local/intranet,profile/local/intranet,context/slow/intranet,profile/slow/intranet,context/local/loopback,context/cdp/intranet'
	)
		.split(',')
		.map((m) => {
			const [cache, network, host] = m.split('/');
			return { cache, network, host };
		});
}

/** RUNS loads per variant in one mode, the variants rotating run by run; samples by variant. */
async function sampleMode(browser, proxies, mode) {
	const names = Object.keys(proxies);
	const samples = Object.fromEntries(names.map((name) => [name, []]));
	// One warm-up load per variant, not counted: the server's first answers and the OS's
	// file cache are then the same for all.
	for (const variant of names) await oneLoad(browser, proxies[variant], mode);
	for (let i = 0; i < RUNS; i++) {
		// Rotate which goes first, so drift hits every variant alike.
		const order = names.map((_, j) => names[(i + j) % names.length]);
		for (const variant of order) {
			const sample = await oneLoad(browser, proxies[variant], mode);
			samples[variant].push(sample);
			log(
				`${mode.cache}/${mode.network}/${mode.host} ${variant}: ready ${sample.readyMs} ms, wasm on the wire ×${sample.wasmOnWire} (${sample.wasmWireBytes} B), worker's wasm from cache: ${sample.workerWasmFromCache}`
			);
		}
	}
	return samples;
}

/** Each variant's summary, with the ratios of its ready times to the baseline's. */
function variantSummaries(samples) {
	const variants = {};
	for (const variant of Object.keys(samples)) {
		// Runs i of two variants were taken back to back: their ratio cancels most drift.
		const ratios = samples[variant].map((s, i) => s.readyMs / samples[BASELINE][i].readyMs);
		variants[variant] = {
			...summarize(samples[variant]),
			readyRatioMedian: round(
				quantile(
					[...ratios].sort((a, b) => a - b),
					0.5
				),
				3
			),
			readyRatios: ratios.map((r) => round(r, 3))
		};
	}
	return variants;
}

async function main() {
	const started = Date.now();
	const store = mkdtempSync(path.join(os.tmpdir(), 'preload-store-'));
	// Our own server, on our own port; stopped by its PID at the end.
	const server = startServer({ root, port: PORT, store });
	const proxies = await startProxies();
	let browser;
	try {
		await waitForServer(`http://127.0.0.1:${PORT}/api/health`, 60_000);
		await logPreloads(proxies);
		browser = await chromium.launch(LAUNCH);
		const results = {
			machine: {
				nproc: os.cpus().length,
				memoryGiB: round(os.totalmem() / 2 ** 30),
				node: process.version,
				chromium: browser.version(),
				date: new Date().toISOString()
			},
			config: { RUNS, SLOW },
			modes: []
		};
		for (const mode of modesToRun()) {
			const samples = await sampleMode(browser, proxies, mode);
			results.modes.push({ ...mode, variants: variantSummaries(samples), samples });
		}
		results.seconds = round((Date.now() - started) / 1000);
		writeFileSync(
			path.join(benchDir, 'results.preload.json'),
			JSON.stringify(results, null, '\t') + '\n'
		);
		writeFileSync(path.join(benchDir, 'results.preload.md'), toMarkdown(results));
		console.log(toMarkdown(results));
	} finally {
		await browser?.close();
		for (const proxy of Object.values(proxies)) {
			proxy.agent.destroy();
			proxy.server.close();
		}
		server.kill();
		rmSync(store, { recursive: true, force: true });
	}
}

export function toMarkdown(results) {
	const m = results.machine;
	const lines = [
		`Preload check, ${m.date}: ${m.nproc} CPUs, Node ${m.node}, Chromium ${m.chromium}; ${results.config.RUNS} runs per variant, rotating; slow link ${results.config.SLOW.mbit} Mbit/s + ${results.config.SLOW.latencyMs} ms a request; ${results.seconds} s.`,
		'',
		'| cache / network / host | DuckDB files preloaded | DuckDB ready, median (min–max) ms | engine up ms | worker asks for wasm ms | worker has wasm ms | wasm over the wire (times, MB) | worker script over the wire | wasm in the worker from HTTP cache | ready ÷ ready with none (median of pairs) |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'
	];
	for (const mode of results.modes) {
		for (const [variant, s] of Object.entries(mode.variants)) {
			lines.push(
				`| ${mode.cache} / ${mode.network} / ${mode.host} | ${variant} | ${s.readyMs} (${s.readyMin}–${s.readyMax}) | ${s.engineMs} | ${s.workerWasmStartMs} | ${s.workerWasmEndMs} | ×${s.wasmOnWire}, ${s.wasmWireMB} | ×${s.workerOnWire} | ${s.workerWasmFromCache}/${s.n} | ${variant === BASELINE ? '1' : s.readyRatioMedian} |`
			);
		}
	}
	return lines.join('\n') + '\n';
}

// Imported (by a check of toMarkdown(), say), it measures nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main().catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
}
