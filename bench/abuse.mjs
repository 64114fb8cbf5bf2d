// The server under a hostile visitor (issue 18), loopback only and bounded: 20 connections read
// normal pages for ABUSE_DURATION seconds, once alone and once while three loops probe what used
// to stall the server: random dataset ids, filter values the data does not hold (each a new
// cache key before), and views of a published 200,000-row dataset (its first load, then new
// filter sets, each real DuckDB work). Reports the normal pages' p50/p99 both ways and their
// ratio (target: p99 with abuse ≤ 2 × without). bench/run.mjs runs it; `node bench/abuse.mjs`
// alone prints the table.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { publishedCsv } from './fixtures.mjs';
import { assertNothingAnswers, delay, startServer, stopServer, waitForServer } from './server.mjs';
import { round } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'bench-abuse-token-0123456789abcdefghijklmn';
const log = (...args) => console.log('[abuse]', ...args);

/** Pages colleagues open: shared links, computed once and then kept. */
const NORMAL_PAGES = ['/', '/?v=budget', '/?v=trend', '/?y=2019', '/?v=budget&y=2019&d=11290'];
const DISTRICT_CODES = ['11290', '11440', '11500', '11530', '11380'];

export function defaultAbuseOptions() {
	return {
		port: Number(process.env.ABUSE_PORT) || 4197,
		connections: 20,
		durationSeconds: Number(process.env.ABUSE_DURATION) || 15,
		bigRows: 200_000
	};
}

async function publishBig(base, rows) {
	const form = new FormData();
	const bytes = Buffer.from(publishedCsv(rows, 2031, 18));
	form.append('file', new Blob([bytes]), 'big.csv');
	form.append('manifest', JSON.stringify([{ name: 'big.csv', choices: {} }]));
	form.append('title', 'abuse bench');
	const response = await fetch(`${base}/api/datasets`, {
		method: 'POST',
		headers: { origin: base, authorization: `Bearer ${TOKEN}` },
		body: form
	});
	if (response.status !== 201)
		throw new Error(`publish: ${response.status} ${await response.text()}`);
	return { id: (await response.json()).id, bytes: bytes.length };
}

/** 20 connections on the normal pages; latency percentiles in ms. */
async function readPages(base, o) {
	const result = await autocannon({
		url: base,
		connections: o.connections,
		duration: o.durationSeconds,
		timeout: 10,
		headers: { 'accept-encoding': 'gzip', 'user-agent': 'bench-abuse' },
		requests: NORMAL_PAGES.map((p) => ({ method: 'GET', path: p }))
	});
	return {
		requests: result.requests.total,
		errors: result.errors + result.timeouts + result.non2xx,
		p50: result.latency.p50,
		p99: result.latency.p99,
		max: result.latency.max
	};
}

/** One abuse loop: requests one after another until `until`, counting them and their statuses. */
async function abuseLoop(base, until, next) {
	const counts = { requests: 0, failures: 0 };
	for (let i = 0; Date.now() < until; i++) {
		try {
			const response = await fetch(base + next(i), { signal: AbortSignal.timeout(30_000) });
			await response.arrayBuffer();
			counts.requests++;
			if (response.status >= 500) counts.failures++;
		} catch {
			counts.failures++;
		}
	}
	return counts;
}

export async function runAbuseTest(options = {}) {
	const o = { ...defaultAbuseOptions(), ...options };
	const base = `http://127.0.0.1:${o.port}`;
	await assertNothingAnswers([base]);
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'dashboard-abuse-'));
	const child = startServer({ root, port: o.port, store: path.join(tmp, 'store'), token: TOKEN });
	try {
		await waitForServer(`${base}/api/health`, 60_000, { child });
		log(`publishing ${o.bigRows.toLocaleString('en-US')} rows`);
		const big = await publishBig(base, o.bigRows);
		for (const page of NORMAL_PAGES) await (await fetch(base + page)).arrayBuffer();

		log(`normal pages alone: ${o.connections} connections, ${o.durationSeconds} s`);
		const alone = await readPages(base, o);

		log('normal pages with three abuse loops');
		const until = Date.now() + o.durationSeconds * 1000;
		const randomId = () => randomBytes(16).toString('base64url');
		const [withAbuse, ...loops] = await Promise.all([
			readPages(base, o),
			abuseLoop(base, until, (i) => `/?ds=${randomId()}&y=${2000 + (i % 100)}`),
			abuseLoop(
				base,
				until,
				(i) => `/?y=${2000 + (i % 100)}&v=${['gap', 'budget', 'trend'][i % 3]}`
			),
			abuseLoop(base, until, (i) => {
				const districts = DISTRICT_CODES.filter((_, k) => (i >> k) & 1).join(',');
				const level = ['district', 'area', 'indicator'][i % 3];
				return `/?ds=${big.id}&lv=${level}${districts ? `&d=${districts}` : ''}`;
			})
		]);
		await delay(500);
		const health = await (await fetch(`${base}/api/health`)).json();
		return {
			ok: alone.errors === 0 && withAbuse.errors === 0,
			when: new Date().toISOString(),
			config: { ...o, normalPages: NORMAL_PAGES, bigFileBytes: big.bytes },
			alone,
			withAbuse,
			abuse: {
				randomIds: loops[0],
				absentFilters: loops[1],
				bigDatasetViews: loops[2]
			},
			p99Ratio: round(withAbuse.p99 / Math.max(alone.p99, 1)),
			p50Ratio: round(withAbuse.p50 / Math.max(alone.p50, 1)),
			serverAfter: health
		};
	} finally {
		await stopServer(child);
		rmSync(tmp, { recursive: true, force: true });
	}
}

export function abuseMarkdown(r) {
	const row = (name, x) =>
		`| ${name} | ${x.requests} | ${x.errors} | ${x.p50} ms | ${x.p99} ms | ${x.max} ms |`;
	const loop = (name, x) => `${name} ${x.requests} requests (${x.failures} failed)`;
	return [
		`Normal pages (${r.config.connections} connections, ${r.config.durationSeconds} s each), alone and while three loops abuse the server:`,
		'',
		'| normal pages | requests | errors | p50 | p99 | max |',
		'| --- | --- | --- | --- | --- | --- |',
		row('alone', r.alone),
		row('with abuse', r.withAbuse),
		'',
		`p99 with abuse ÷ alone: **${r.p99Ratio}** (target ≤ 2; p50 ${r.p50Ratio}). Abuse: ` +
			`${loop('random ids', r.abuse.randomIds)}; ${loop('absent filter values', r.abuse.absentFilters)}; ` +
			`${loop(`views of a ${(r.config.bigRows / 1000).toFixed(0)}k-row dataset`, r.abuse.bigDatasetViews)}.`
	].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const result = await runAbuseTest();
	console.log(abuseMarkdown(result));
}
