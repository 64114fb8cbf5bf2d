import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { chooseFiles, expected, expectedTable, openDashboard, readScoreTable } from './helpers';

/**
 * The engine lockdown (src/lib/engine/lockdown.ts), tried in the real page on the app's own
 * engine. The engine module is a chunk of its own: importing that chunk's URL in the page gives
 * the module instance the app already loaded, and its `browserEngine()` the engine the app
 * started, locked and filled. Every way out must be refused with DuckDB's reason, and the app
 * must keep working afterwards.
 */

const MANIFEST = fileURLToPath(
	new URL('../../.svelte-kit/output/client/.vite/manifest.json', import.meta.url)
);
const FIXTURE = fileURLToPath(
	new URL('../fixtures/csv/good/extended-hangul-cp949.csv', import.meta.url)
);

/** The URL of the engine chunk, from the manifest of the build the test server runs. */
function engineChunk(): string {
	const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<
		string,
		{ file: string; isDynamicEntry?: boolean }
	>;
	const entry = manifest['src/lib/engine/browser.ts'];
	expect(entry, `src/lib/engine/browser.ts in ${MANIFEST}`).toBeDefined();
	expect(entry!.isDynamicEntry, 'the engine is loaded on demand, as its own chunk').toBe(true);
	return `/${entry!.file}`;
}

type Outcome = { ok: true; rows: Record<string, unknown>[] } | { ok: false; message: string };

/**
 * Runs each step on the app's engine, in the page, and says how each ended. A step registers
 * `register` (path → text) first when given, so that a read fails only if the lock stops it.
 */
async function onAppEngine(
	page: Page,
	chunk: string,
	steps: { sql: string; register?: Record<string, string> }[]
): Promise<Outcome[]> {
	return page.evaluate(
		async ({ chunk, steps }) => {
			const module = (await import(chunk)) as {
				browserEngine: () => Promise<{
					query: (sql: string) => Promise<Record<string, unknown>[]>;
					registerFile: (path: string, bytes: Uint8Array) => Promise<void>;
				}>;
			};
			const engine = await module.browserEngine();
			const outcomes: Outcome[] = [];
			for (const { sql, register } of steps) {
				try {
					for (const [path, text] of Object.entries(register ?? {}))
						await engine.registerFile(path, new TextEncoder().encode(text));
					const rows = await engine.query(sql);
					// BigInts cannot leave the page as they are.
					outcomes.push({
						ok: true,
						rows: JSON.parse(
							JSON.stringify(rows, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))
						) as Record<string, unknown>[]
					});
				} catch (error) {
					outcomes.push({ ok: false, message: String((error as Error)?.message ?? error) });
				}
			}
			return outcomes;
		},
		{ chunk, steps }
	);
}

/** One step that must be refused, with the words DuckDB gives as the reason. */
async function expectRefused(
	page: Page,
	chunk: string,
	sql: string,
	reason: RegExp,
	register = {}
) {
	const [outcome] = await onAppEngine(page, chunk, [{ sql, register }]);
	const answer = JSON.stringify(outcome).slice(0, 200);
	expect(outcome!.ok, `${sql} must be refused, but answered ${answer}`).toBe(false);
	expect((outcome as { message: string }).message, sql).toMatch(reason);
}

const LOCKDOWN_SETTINGS = `SELECT name, value FROM duckdb_settings()
	WHERE name IN ('allowed_directories', 'enable_external_access', 'lock_configuration',
		'autoload_known_extensions', 'autoinstall_known_extensions')
	ORDER BY name`;
const LOCKED = [
	{ name: 'allowed_directories', value: '[/uploads/]' },
	{ name: 'autoinstall_known_extensions', value: 'false' },
	{ name: 'autoload_known_extensions', value: 'false' },
	{ name: 'enable_external_access', value: 'false' },
	{ name: 'lock_configuration', value: 'true' }
];
const EVALUATION_COUNT = 'SELECT count(*)::INTEGER AS n FROM evaluations';
const FILE_DENIED =
	/^Permission Error: Cannot access file ".*" - file system operations are disabled by configuration/;
const CONFIG_LOCKED = (option: string) =>
	new RegExp(`Cannot change configuration option "${option}" - the configuration has been locked`);
const SOME_CSV = 'a,b\n1,2\n3,4\n';

/** The app still reads a new upload through the real page, and its figures are right. */
async function appStillWorks(page: Page) {
	const status = page.getByTestId('load-status');
	await expect(status).toHaveAttribute('data-phase', 'ready');
	await expect(status).toContainText('3,360개 평가 행');
	expect(await readScoreTable(page)).toEqual(expectedTable(expected.all_years));
	await chooseFiles(page, FIXTURE);
	await expect(page.getByTestId('import-results')).toContainText(
		'extended-hangul-cp949.csv: 7행을 가져왔습니다 (평가, 엑셀 CSV (한글 Windows)).'
	);
	// Added over the sample alone, the file took the sample evaluations' place.
	await expect(status).toContainText('7개 평가 행과 199개 예산 행');
}

let chunk: string;

test.beforeEach(async ({ page }) => {
	chunk = engineChunk();
	await openDashboard(page);
});

test('the chunk is the engine the app runs: its data, locked as it started', async ({ page }) => {
	// The app itself loaded this very file, so importing it again gives the same module.
	const loaded = await page.evaluate(() =>
		performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname)
	);
	expect(loaded).toContain(chunk);
	const [count, settings] = await onAppEngine(page, chunk, [
		{ sql: EVALUATION_COUNT },
		{ sql: LOCKDOWN_SETTINGS }
	]);
	// A fresh engine would have no evaluations table at all.
	expect(count).toEqual({ ok: true, rows: [{ n: 3360 }] });
	expect(settings).toEqual({ ok: true, rows: LOCKED });
});

test('a registered upload under /uploads/ is readable (the control)', async ({ page }) => {
	const [read] = await onAppEngine(page, chunk, [
		{
			sql: `SELECT count(*)::INTEGER AS n, sum(b::INTEGER)::INTEGER AS total
				FROM read_csv('/uploads/lockdown-ok.csv')`,
			register: { '/uploads/lockdown-ok.csv': SOME_CSV }
		}
	]);
	expect(read).toEqual({ ok: true, rows: [{ n: 2, total: 6 }] });
});

test('nothing outside /uploads/ can be read, not even a file registered there', async ({
	page,
	request,
	baseURL
}) => {
	// The server does serve this file: only the lock can stop DuckDB from reading it.
	const url = `${baseURL}/data/evaluations.csv`;
	expect((await request.get(url)).status()).toBe(200);
	await expectRefused(page, chunk, `SELECT * FROM read_csv('${url}')`, FILE_DENIED);
	await expectRefused(page, chunk, `SELECT * FROM read_text('${url}')`, FILE_DENIED);

	// Each path holds a registered file, so only allowed_directories stands in the way.
	const outside = { '/etc/passwd': 'root:x:0:0\n', '/data/x.csv': SOME_CSV };
	for (const sql of [
		"SELECT * FROM read_csv('/etc/passwd')",
		"SELECT * FROM read_csv('/data/x.csv')",
		"SELECT * FROM read_blob('/data/x.csv')",
		"SELECT * FROM read_csv('/uploads/../etc/passwd')",
		"SELECT * FROM read_csv('/uploads/../data/x.csv')",
		"COPY (SELECT 1 AS a) TO '/data/out.csv'"
	])
		await expectRefused(page, chunk, sql, FILE_DENIED, outside);

	// A database file outside the upload folder cannot be attached either.
	await expectRefused(page, chunk, "ATTACH '/data/x.db' AS elsewhere", FILE_DENIED);
	await expectRefused(page, chunk, `ATTACH '${baseURL}/data/x.db' AS remote`, FILE_DENIED);

	await appStillWorks(page);
});

test('no extension loads and the lock cannot be undone', async ({ page }) => {
	const loading = /^Permission Error: Loading external extensions is disabled/;
	await expectRefused(page, chunk, 'LOAD httpfs', loading);
	await expectRefused(page, chunk, 'LOAD json', loading);

	for (const [sql, option] of [
		['SET enable_external_access=true', 'enable_external_access'],
		["SET allowed_directories=['/']", 'allowed_directories'],
		["SET allowed_directories=['/uploads/', '/data/']", 'allowed_directories'],
		['RESET allowed_directories', 'allowed_directories'],
		['SET lock_configuration=false', 'lock_configuration'],
		['SET autoload_known_extensions=true', 'autoload_known_extensions'],
		['SET autoinstall_known_extensions=true', 'autoinstall_known_extensions']
	] as const)
		await expectRefused(page, chunk, sql, CONFIG_LOCKED(option));

	// Still locked exactly as before, and the same data.
	const [settings, count] = await onAppEngine(page, chunk, [
		{ sql: LOCKDOWN_SETTINGS },
		{ sql: EVALUATION_COUNT }
	]);
	expect(settings).toEqual({ ok: true, rows: LOCKED });
	expect(count).toEqual({ ok: true, rows: [{ n: 3360 }] });
	await appStillWorks(page);
});
