// `npm run bench:load`: a bounded load test of the production server (issue 7). Many colleagues
// open shared links at once (the page with real query strings, the sample CSVs, published
// datasets and their files) while an editor publishes a few times. Reports requests, errors,
// latency per kind of request, throughput, and the server's resident memory before, at its peak,
// and after the load. Run directly it prints a Markdown table and writes bench/load-results.json;
// bench/run.mjs can import runLoadTest instead.
//
// Settings (environment): LOAD_CONNECTIONS (50), LOAD_DURATION seconds per round (20),
// LOAD_ROUNDS (1; more show whether memory keeps growing from round to round), LOAD_PUBLISHES per
// round (5), LOAD_SETTLE_MS (5000), LOAD_IDLE_MS (5000), LOAD_PORT (4195), LOAD_INSPECT_PORT
// (4196), LOAD_FORCE_GC (1; 0 skips the forced garbage collections, and with them the inspector).
// `--build` builds the app first.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { publishedCsv } from './fixtures.mjs';
import { assertNothingAnswers, delay, startServer, stopServer, waitForServer } from './server.mjs';
import { quantile, round } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = fileURLToPath(new URL('.', import.meta.url));

/** How the connections are shared between the kinds of request (a colleague opening a link). */
const SHARE = { page: 0.3, 'sample-data': 0.3, 'dataset-manifest': 0.1, 'dataset-file': 0.3 };

const log = (...args) => console.log('[load]', ...args);
const mib = (kib) => (kib == null ? null : round(kib / 1024));
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function envNumber(name, fallback) {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && process.env[name] !== '' ? value : fallback;
}

/** The defaults, from the environment where set. */
export function defaultOptions() {
	return {
		connections: envNumber('LOAD_CONNECTIONS', 50),
		durationSeconds: envNumber('LOAD_DURATION', 20),
		rounds: envNumber('LOAD_ROUNDS', 1),
		publishes: envNumber('LOAD_PUBLISHES', 5),
		settleMs: envNumber('LOAD_SETTLE_MS', 5000),
		idleMs: envNumber('LOAD_IDLE_MS', 5000),
		port: envNumber('LOAD_PORT', 4195),
		inspectPort: envNumber('LOAD_INSPECT_PORT', 4196),
		forceGc: process.env.LOAD_FORCE_GC !== '0',
		build: false
	};
}

/** A file to publish: `name` and the bytes of a deterministic one-year evaluations CSV. */
const evaluationsFile = (name, rows, year, seed) => ({
	name,
	bytes: Buffer.from(publishedCsv(rows, year, seed))
});

/** Resident and peak resident memory of a process, in KiB (Linux /proc). */
function memoryOf(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
	return { rssKiB: field('VmRSS'), hwmKiB: field('VmHWM') };
}

/** Samples a process's RSS (KiB) every `everyMs` until stopped. */
function rssSampler(pid, everyMs = 100) {
	const samples = [];
	const take = () => samples.push(memoryOf(pid).rssKiB);
	take();
	const timer = setInterval(take, everyMs);
	return {
		stop() {
			clearInterval(timer);
			take();
			return samples;
		}
	};
}

/**
 * Runs `work` while sampling the process's RSS; returns its result and the samples. The sampler
 * is stopped on an error too, so that its timer does not keep the process alive.
 */
async function withRssSamples(pid, work) {
	const sampler = rssSampler(pid);
	let samples = null;
	try {
		const result = await work();
		samples = sampler.stop();
		return { result, samples };
	} finally {
		if (!samples) sampler.stop();
	}
}

async function publish(base, token, files) {
	const form = new FormData();
	for (const file of files) form.append('file', new Blob([file.bytes]), file.name);
	form.append('manifest', JSON.stringify(files.map((f) => ({ name: f.name, choices: {} }))));
	const started = performance.now();
	const response = await fetch(`${base}/api/datasets`, {
		method: 'POST',
		headers: { origin: base, authorization: `Bearer ${token}` },
		body: form
	});
	const body = await response.json().catch(() => ({}));
	return { status: response.status, id: body.id ?? null, ms: performance.now() - started };
}

/** Reads a published dataset back and checks every file against the bytes that were sent. */
async function verifyPublished(base, id, files) {
	const manifest = await (await fetch(`${base}/api/datasets/${id}`)).json();
	if (manifest.files?.length !== files.length) return false;
	for (const [i, file] of files.entries()) {
		const entry = manifest.files[i];
		const response = await fetch(`${base}/api/datasets/${id}/files/${entry.hash}`);
		const bytes = Buffer.from(await response.arrayBuffer());
		if (!response.ok || entry.hash !== sha256(file.bytes) || sha256(bytes) !== entry.hash) {
			return false;
		}
	}
	return true;
}

/** `message` as JSON in one WebSocket text frame from a client (clients must mask theirs). */
function clientFrame(message) {
	const payload = Buffer.from(JSON.stringify(message));
	const mask = randomBytes(4);
	const length =
		payload.length < 126
			? Buffer.from([0x81, 0x80 | payload.length])
			: Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
	const masked = payload.map((byte, i) => byte ^ mask[i % 4]);
	return Buffer.concat([length, mask, masked]);
}

/**
 * The first whole WebSocket frame at the start of `buffer` (server frames are unmasked): its
 * opcode, its payload and the bytes after it; null while it has not fully arrived.
 */
function takeFrame(buffer) {
	if (buffer.length < 2) return null;
	let length = buffer[1] & 0x7f;
	let offset = 2;
	if (length === 126) {
		if (buffer.length < 4) return null;
		length = buffer.readUInt16BE(2);
		offset = 4;
	} else if (length === 127) {
		if (buffer.length < 10) return null;
		length = Number(buffer.readBigUInt64BE(2));
		offset = 10;
	}
	if (buffer.length < offset + length) return null;
	return {
		opcode: buffer[0] & 0x0f,
		data: buffer.subarray(offset, offset + length),
		rest: buffer.subarray(offset + length)
	};
}

/**
 * Sends each CDP command over the upgraded `socket` once the previous one has answered; resolves
 * with their results and closes the socket, rejects on the first error.
 */
function cdpExchange(socket, head, commands) {
	return new Promise((resolve, reject) => {
		const results = [];
		let buffer = head;
		const sendNext = () =>
			socket.write(clientFrame({ id: results.length + 1, ...commands[results.length] }));
		socket.on('error', reject);
		socket.on('data', (chunk) => {
			buffer = Buffer.concat([buffer, chunk]);
			// CDP answers arrive as single text frames; anything else is skipped.
			for (let frame = takeFrame(buffer); frame; frame = takeFrame(buffer)) {
				buffer = frame.rest;
				if (frame.opcode !== 1) continue;
				const message = JSON.parse(frame.data.toString('utf8'));
				if (message.id !== results.length + 1) continue;
				if (message.error) {
					socket.destroy();
					reject(new Error(`${commands[results.length].method}: ${message.error.message}`));
					return;
				}
				results.push(message.result);
				if (results.length === commands.length) {
					socket.end(Buffer.from([0x88, 0x80, 0, 0, 0, 0]));
					resolve(results);
					return;
				}
				sendNext();
			}
		});
		sendNext();
	});
}

/**
 * One Chrome DevTools Protocol exchange with the server's inspector over a bare WebSocket (Node 20
 * has no WebSocket client without a flag): sends each `{ method, params }` in turn, returns
 * their results.
 */
async function inspectorCommands(inspectPort, commands) {
	const targets = await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json();
	const url = new URL(targets[0].webSocketDebuggerUrl);
	return new Promise((resolve, reject) => {
		const request = http.request({
			host: url.hostname,
			port: url.port,
			path: url.pathname,
			headers: {
				connection: 'Upgrade',
				upgrade: 'websocket',
				'sec-websocket-version': '13',
				'sec-websocket-key': randomBytes(16).toString('base64')
			}
		});
		request.on('error', reject);
		request.on('response', (response) =>
			reject(new Error(`inspector refused the upgrade: HTTP ${response.statusCode}`))
		);
		request.on('upgrade', (_response, socket, head) =>
			cdpExchange(socket, head, commands).then(resolve, reject)
		);
		request.end();
	});
}

/**
 * A function that forces a full garbage collection in the server through its inspector, then
 * answers the server's own process.memoryUsage() in MiB (the V8 heap in use, and memory outside
 * it: Buffers). The inspector is opened on the first call.
 */
function garbageCollector(pid, inspectPort) {
	let inspectorOpen = false;
	const openInspector = async () => {
		// SIGUSR1 opens the inspector (on --inspect-port) of a running Node process.
		process.kill(pid, 'SIGUSR1');
		const deadline = Date.now() + 10_000;
		while (
			!(await fetch(`http://127.0.0.1:${inspectPort}/json/list`).then(
				(r) => r.ok,
				() => false
			))
		) {
			if (Date.now() > deadline) throw new Error('the inspector did not open');
			await delay(100);
		}
		inspectorOpen = true;
	};
	return async () => {
		if (!inspectorOpen) await openInspector();
		const [, , usage] = await inspectorCommands(inspectPort, [
			{ method: 'HeapProfiler.enable' },
			{ method: 'HeapProfiler.collectGarbage' },
			{
				method: 'Runtime.evaluate',
				params: { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true }
			}
		]);
		const bytes = JSON.parse(usage.result.value);
		return {
			heapUsedMiB: round(bytes.heapUsed / 1024 / 1024),
			externalMiB: round(bytes.external / 1024 / 1024),
			arrayBuffersMiB: round(bytes.arrayBuffers / 1024 / 1024)
		};
	};
}

/** Splits `total` connections between the kinds by SHARE, at least one each. */
function shareConnections(total) {
	const kinds = Object.keys(SHARE);
	const split = Object.fromEntries(
		kinds.map((kind) => [kind, Math.max(1, Math.round(total * SHARE[kind]))])
	);
	const excess = kinds.reduce((sum, kind) => sum + split[kind], 0) - total;
	split.page = Math.max(1, split.page - excess);
	return split;
}

function summarizeKinds(finished, split, paths) {
	return Object.fromEntries(
		Object.entries(finished).map(([kind, r]) => [
			kind,
			{
				connections: split[kind],
				paths: paths[kind].length,
				requests: r.requests.total,
				non2xx: r.non2xx,
				errors: r.errors,
				timeouts: r.timeouts,
				statusCodes: Object.fromEntries(
					Object.entries(r.statusCodeStats).map(([code, { count }]) => [code, count])
				),
				latencyMs: {
					p50: r.latency.p50,
					p90: r.latency.p90,
					p99: r.latency.p99,
					max: r.latency.max,
					mean: round(r.latency.mean)
				},
				requestsPerSecond: round(r.requests.average),
				throughputMiBps: round(r.throughput.average / 1024 / 1024, 2)
			}
		])
	);
}

function summarizePublishes(published) {
	const ms = published.map((p) => p.ms).sort((a, b) => a - b);
	return {
		count: published.length,
		bytesEach: published[0]?.files[0].bytes.byteLength ?? 0,
		statusCodes: published.map((p) => p.status),
		allVerified: published.every((p) => p.verified),
		latencyMs: { min: round(ms[0]), p50: round(quantile(ms, 0.5)), max: round(ms[ms.length - 1]) }
	};
}

/** Builds if asked, and refuses to start without a build or with the ports already in use. */
async function checkPrerequisites(o, base) {
	if (o.build) {
		log('building');
		execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
	}
	if (!existsSync(path.join(root, 'build', 'index.js'))) {
		throw new Error('No production build in build/: run `npm run build` or pass --build.');
	}
	// Another server on either port would be measured (or collected) instead of ours.
	await assertNothingAnswers([base, ...(o.forceGc ? [`http://127.0.0.1:${o.inspectPort}`] : [])]);
}

/**
 * `node build` on 127.0.0.1 with a fresh store and a random editor token, an inspector port when
 * garbage is to be collected, and its stderr kept: any line there is an error of the app.
 */
function startLoadServer(o, base) {
	const store = mkdtempSync(path.join(os.tmpdir(), 'load-store-'));
	const token = randomBytes(32).toString('base64url');
	const child = startServer({
		root,
		port: o.port,
		store,
		token,
		nodeArgs: o.forceGc ? [`--inspect-port=127.0.0.1:${o.inspectPort}`] : [],
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const server = { base, token, store, child, stderr: '' };
	child.stdout.resume();
	child.stderr.on('data', (chunk) => (server.stderr += chunk));
	server.collectGarbage = garbageCollector(child.pid, o.inspectPort);
	return server;
}

/**
 * Publishes what colleagues' links point at: a small dataset (one year as staff export it) and a
 * larger one in two files. Returns their ids and files.
 */
async function seedDatasets({ base, token }) {
	const seeds = [
		[evaluationsFile('2031.csv', 840, 2031, 1)],
		[evaluationsFile('2032.csv', 10_000, 2032, 2), evaluationsFile('2033.csv', 2_000, 2033, 3)]
	];
	const seeded = [];
	for (const files of seeds) {
		const result = await publish(base, token, files);
		if (result.status !== 201) throw new Error(`seeding a dataset: HTTP ${result.status}`);
		seeded.push({ id: result.id, files });
	}
	return seeded;
}

/** The paths each kind of request asks for, in turn: shared links and what they load. */
async function linkedPaths(base, seeded) {
	const manifests = await Promise.all(
		seeded.map(async ({ id }) => (await fetch(`${base}/api/datasets/${id}`)).json())
	);
	const [small, large] = seeded.map((dataset) => dataset.id);
	return {
		page: [
			'/',
			'/?y=2019&d=11290,11440',
			'/?v=budget&y=2019&d=11290',
			'/?v=trend&x=expert&lang=en',
			`/?ds=${small}&y=2031`,
			`/?ds=${large}&v=trend`
		],
		'sample-data': ['/data/evaluations.csv', '/data/budget.csv', '/data/districts.csv'],
		'dataset-manifest': seeded.map(({ id }) => `/api/datasets/${id}`),
		'dataset-file': manifests.flatMap((manifest) =>
			manifest.files.map((file) => `/api/datasets/${manifest.id}/files/${file.hash}`)
		)
	};
}

/** Every path once, so that code loaded on first use is not counted as growth. */
async function warmUp(base, paths) {
	for (const list of Object.values(paths)) {
		for (const p of list) {
			const response = await fetch(base + p);
			await response.arrayBuffer();
			if (!response.ok) throw new Error(`warm-up ${p}: HTTP ${response.status}`);
		}
	}
}

/**
 * An editor publishing `o.publishes` times, spread evenly over the load that started at
 * `loadStarted`; each a new year (from 2040 on, counted across rounds) of 10,000 rows.
 */
async function publishDuringLoad({ base, token }, o, roundIndex, loadStarted) {
	const published = [];
	for (let i = 0; i < o.publishes; i++) {
		const at = loadStarted + ((i + 1) * o.durationSeconds * 1000) / (o.publishes + 1);
		await delay(Math.max(0, at - Date.now()));
		const year = 2040 + roundIndex * o.publishes + i;
		const files = [evaluationsFile(`${year}.csv`, 10_000, year, year)];
		published.push({ ...(await publish(base, token, files)), files });
	}
	return published;
}

/**
 * The load itself: one autocannon instance per kind of request, and the editor's publishes,
 * while the server's RSS is sampled. Returns autocannon's results by kind, the publishes, the
 * load's length and the RSS peak (KiB).
 */
async function loadWithPublishes(server, o, paths, split, roundIndex) {
	const { result, samples } = await withRssSamples(server.child.pid, async () => {
		const loadStarted = Date.now();
		const runs = Object.entries(paths).map(([kind, list]) =>
			autocannon({
				url: server.base,
				connections: split[kind],
				duration: o.durationSeconds,
				timeout: 10,
				headers: { 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'bench-load' },
				requests: list.map((p) => ({ method: 'GET', path: p }))
			}).then((result) => [kind, result])
		);
		const [finished, published] = await Promise.all([
			Promise.all(runs).then((entries) => Object.fromEntries(entries)),
			publishDuringLoad(server, o, roundIndex, loadStarted)
		]);
		return { finished, published, loadSeconds: round((Date.now() - loadStarted) / 1000) };
	});
	return { ...result, peak: Math.max(...samples) };
}

/** One round: the load, then memory after it has settled and after a forced GC and idle. */
async function runRound(server, o, paths, split, roundIndex) {
	const { pid } = server.child;
	const connections = Object.entries(split)
		.map(([kind, n]) => `${kind} ${n}`)
		.join(', ');
	log(
		`round ${roundIndex + 1}/${o.rounds}: ${o.connections} connections for ${o.durationSeconds} s (${connections}), ${o.publishes} publishes`
	);
	const load = await loadWithPublishes(server, o, paths, split, roundIndex);
	await delay(o.settleMs);
	const afterSettle = memoryOf(pid);
	// The forced idle: a full collection, then nothing for idleMs.
	const heapAfter = o.forceGc ? await server.collectGarbage() : null;
	const { samples: idle } = await withRssSamples(pid, () => delay(o.idleMs));
	const afterIdle = memoryOf(pid);
	// Integrity of what was published under load.
	for (const entry of load.published) {
		entry.verified =
			entry.status === 201 && (await verifyPublished(server.base, entry.id, entry.files));
	}
	return {
		loadSeconds: load.loadSeconds,
		kinds: summarizeKinds(load.finished, split, paths),
		publishes: summarizePublishes(load.published),
		memory: {
			peakMiB: mib(load.peak),
			afterSettleMiB: mib(afterSettle.rssKiB),
			afterIdleMiB: mib(afterIdle.rssKiB),
			idleRangeMiB: [mib(Math.min(...idle)), mib(Math.max(...idle))],
			afterGc: heapAfter
		}
	};
}

/** Reads of every round added up, with the mean rate over the rounds' load time. */
function totalsOf(rounds) {
	const totals = { requests: 0, non2xx: 0, errors: 0, timeouts: 0 };
	for (const { kinds } of rounds) {
		for (const k of Object.values(kinds)) {
			for (const key of Object.keys(totals)) totals[key] += k[key];
		}
	}
	const seconds = rounds.reduce((sum, r) => sum + r.loadSeconds, 0);
	totals.requestsPerSecond = round(totals.requests / seconds);
	return totals;
}

/** The server's stderr lines but the inspector's own announcements, which are not errors. */
const serverErrorsIn = (stderr) =>
	stderr.split('\n').filter((line) => line.trim() && !/^(Debugger |For help, see: )/.test(line));

/** Clean: every read 2xx, no socket error or timeout, every publish 201 and intact, no stderr. */
const isClean = (totals, rounds, serverErrors) =>
	totals.non2xx === 0 &&
	totals.errors === 0 &&
	totals.timeouts === 0 &&
	rounds.flatMap((r) => r.publishes.statusCodes).every((code) => code === 201) &&
	rounds.every((r) => r.publishes.allVerified) &&
	serverErrors.length === 0;

const machineInfo = () => ({
	cpus: os.cpus().length,
	cpuModel: os.cpus()[0]?.model ?? null,
	memoryGiB: round(os.totalmem() / 1024 ** 3),
	node: process.version,
	loadAverage: os.loadavg().map((x) => round(x, 2))
});

function configOf(o, split, paths) {
	return {
		connections: o.connections,
		durationSeconds: o.durationSeconds,
		rounds: o.rounds,
		publishes: o.publishes,
		settleMs: o.settleMs,
		idleMs: o.idleMs,
		forceGc: o.forceGc,
		share: split,
		paths,
		note: 'autocannon in this process (sharing the machine with the server), one instance per kind of request, keep-alive, no pipelining, 10 s timeout'
	};
}

/** The server's memory over the whole test; `start` is taken before the first round. */
function memorySummary(pid, start, rounds) {
	const last = rounds[rounds.length - 1];
	return {
		note: 'VmRSS of the server process (/proc/<pid>/status), MiB. before: after seeding, one warm-up request per path, a forced GC and 1 s of quiet; peak: highest 100 ms sample during the load; afterSettle: settleMs after the load; afterIdle: after a forced full GC (inspector HeapProfiler.collectGarbage) and idleMs of nothing; hwm: the kernel high-water mark since start (updated lazily, it can trail the sampled peak slightly). afterGc*: the server process.memoryUsage() right after a forced GC, before the load and after it.',
		beforeMiB: mib(start.rss.rssKiB),
		peakMiB: Math.max(...rounds.map((r) => r.memory.peakMiB)),
		afterSettleMiB: last.memory.afterSettleMiB,
		afterIdleMiB: last.memory.afterIdleMiB,
		idleRangeMiB: last.memory.idleRangeMiB,
		hwmMiB: mib(memoryOf(pid).hwmKiB),
		afterGcBefore: start.heap,
		afterGcAfter: last.memory.afterGc
	};
}

/** The JSON-able result of the whole test (bench/load-results.json). */
function resultOf(server, o, { split, paths, start, rounds }) {
	const totals = totalsOf(rounds);
	const serverErrors = serverErrorsIn(server.stderr);
	return {
		ok: isClean(totals, rounds, serverErrors),
		when: new Date().toISOString(),
		machine: machineInfo(),
		config: configOf(o, split, paths),
		totals,
		kinds: rounds[0].kinds,
		publishes: rounds[0].publishes,
		memory: memorySummary(server.child.pid, start, rounds),
		rounds,
		serverErrors
	};
}

/**
 * Starts `node build` on 127.0.0.1 with a fresh store, publishes two datasets to read, then runs
 * the bounded load and measures. Returns a JSON-able result; `ok` is false on any error.
 */
export async function runLoadTest(options = {}) {
	const o = { ...defaultOptions(), ...options };
	const base = `http://127.0.0.1:${o.port}`;
	await checkPrerequisites(o, base);
	const server = startLoadServer(o, base);
	try {
		await waitForServer(`${base}/api/health`, 60_000, { child: server.child, everyMs: 100 });
		const paths = await linkedPaths(base, await seedDatasets(server));
		const split = shareConnections(o.connections);
		await warmUp(base, paths);
		// A quiet, collected start: the figure every later one is compared with.
		const heap = o.forceGc ? await server.collectGarbage() : null;
		await delay(1000);
		const start = { heap, rss: memoryOf(server.child.pid) };
		const rounds = [];
		for (let r = 0; r < o.rounds; r++) rounds.push(await runRound(server, o, paths, split, r));
		return resultOf(server, o, { split, paths, start, rounds });
	} finally {
		await stopServer(server.child);
		rmSync(server.store, { recursive: true, force: true });
	}
}

/** The first line: what was run, against what, on which machine. */
function headline(result) {
	const { config, machine } = result;
	return (
		`Load test, ${result.when}: ${config.connections} connections for ${config.durationSeconds} s` +
		(config.rounds > 1 ? ` × ${config.rounds} rounds` : '') +
		` against \`node build\` on 127.0.0.1, ${config.publishes} publishes per round. Machine: ${machine.cpus} CPUs, Node ${machine.node}, load average ${machine.loadAverage.join(' ')}; client and server share it.`
	);
}

/** One round's table: a row per kind of request, then the publishes, and their check. */
function roundLines(r) {
	const lines = [
		'',
		'| kind | connections | requests | non-2xx | socket errors | timeouts | p50 ms | p99 ms | max ms | req/s | MiB/s |',
		'| ---- | ----------: | -------: | ------: | ------------: | -------: | -----: | -----: | -----: | ----: | ----: |'
	];
	for (const [kind, k] of Object.entries(r.kinds)) {
		lines.push(
			`| ${kind} | ${k.connections} | ${k.requests} | ${k.non2xx} | ${k.errors} | ${k.timeouts} | ${k.latencyMs.p50} | ${k.latencyMs.p99} | ${k.latencyMs.max} | ${k.requestsPerSecond} | ${k.throughputMiBps} |`
		);
	}
	const p = r.publishes;
	lines.push(
		`| publish (POST ${round(p.bytesEach / 1024 / 1024, 2)} MiB) | 1 | ${p.count} | ${p.statusCodes.filter((c) => c !== 201).length} | 0 | 0 | ${p.latencyMs.p50} | – | ${p.latencyMs.max} | | |`,
		'',
		`Publishes answered ${p.statusCodes.join(', ')}; every published file read back byte for byte: ${p.allVerified ? 'yes' : '**no**'}.`
	);
	return lines;
}

/** The server's RSS over the test, per round where there were several. */
function rssLines(result) {
	const { config, memory: m } = result;
	const lines = [
		'',
		`| server RSS (MiB) | before | peak during | ${config.settleMs / 1000} s after | after forced GC + ${config.idleMs / 1000} s idle | idle min–max | high-water mark |`,
		'| ---------------- | -----: | ----------: | ------: | ------: | -----------: | --------------: |',
		`| \`node build\` | ${m.beforeMiB} | ${m.peakMiB} | ${m.afterSettleMiB} | ${m.afterIdleMiB} | ${m.idleRangeMiB.join('–')} | ${m.hwmMiB} |`
	];
	if (result.rounds.length > 1) {
		lines.push(
			'',
			`Per round (peak / after GC + idle, MiB): ${result.rounds
				.map((r) => `${r.memory.peakMiB} / ${r.memory.afterIdleMiB}`)
				.join('; ')}.`
		);
	}
	return lines;
}

/** The server's heap and external memory right after each forced GC (none without them). */
function afterGcLines(result) {
	const m = result.memory;
	if (!m.afterGcBefore) return [];
	const describe = (u) =>
		`heap ${u.heapUsedMiB}, external ${u.externalMiB} (array buffers ${u.arrayBuffersMiB})`;
	return [
		'',
		`Server memory right after a forced GC, MiB: before the load ${describe(m.afterGcBefore)}; ` +
			result.rounds
				.map(
					(r, i) =>
						`after ${result.rounds.length > 1 ? `round ${i + 1}` : 'it'} ${describe(r.memory.afterGc)}`
				)
				.join('; ') +
			'.'
	];
}

/** The result as Markdown. */
export function toMarkdown(result) {
	const t = result.totals;
	const lines = [headline(result)];
	for (const [i, r] of result.rounds.entries()) {
		if (result.rounds.length > 1) lines.push('', `Round ${i + 1}:`);
		lines.push(...roundLines(r));
	}
	lines.push(
		'',
		`All reads: ${t.requests} requests (${t.requestsPerSecond}/s), ${t.non2xx} non-2xx, ${t.errors} socket errors, ${t.timeouts} timeouts.`,
		...rssLines(result),
		...afterGcLines(result),
		'',
		result.ok
			? 'No errors: every request answered 2xx, no socket errors or timeouts, every publish 201 and read back intact, nothing on the server’s stderr.'
			: `**Errors**: ${JSON.stringify({ totals: t, publishes: result.rounds.map((r) => r.publishes.statusCodes), serverErrors: result.serverErrors })}`
	);
	return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const result = await runLoadTest({ build: process.argv.includes('--build') });
	writeFileSync(
		path.join(benchDir, 'load-results.json'),
		JSON.stringify(result, null, '\t') + '\n'
	);
	console.log(toMarkdown(result));
	log('wrote bench/load-results.json');
	if (!result.ok) process.exitCode = 1;
}
