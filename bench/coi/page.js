// The page of the COI bench (bench/coi/run.mjs), bundled by it: DuckDB-WASM's single-threaded
// `eh` build and its cross-origin-isolated, multithreaded `coi` build, side by side in one
// isolated page, on the same bytes. Nothing of the app: only DuckDB, as issue 21's spike ran it.
import * as duckdb from '@duckdb/duckdb-wasm';

const BUNDLES = {
	eh: { mainModule: '/duckdb/duckdb-eh.wasm', mainWorker: '/duckdb/duckdb-browser-eh.worker.js' },
	coi: {
		mainModule: '/duckdb/duckdb-coi.wasm',
		mainWorker: '/duckdb/duckdb-browser-coi.worker.js',
		pthreadWorker: '/duckdb/duckdb-browser-coi.pthread.worker.js'
	}
};

const TYPED = `{'연도': 'INTEGER', '자치구': 'VARCHAR', '평가주체': 'VARCHAR', '평가자': 'VARCHAR',
	'평가영역': 'VARCHAR', '평가지표': 'VARCHAR', '점수': 'DOUBLE', '배점': 'DOUBLE'}`;

async function timed(run) {
	const start = performance.now();
	const value = await run();
	return { ms: performance.now() - start, value };
}

/**
 * One cold engine of `bundle` with `threads` (null: the build's own default): its start, then
 * the first read of the CSV as text, the typed read and a group-by, each once cold and `warm`
 * times more.
 */
window.coiBench = async ({ bundle, threads, warm }) => {
	if (bundle === 'coi' && !crossOriginIsolated) throw new Error('page not cross-origin isolated');
	const files = BUNDLES[bundle];
	const instantiate = await timed(async () => {
		const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(files.mainWorker));
		await db.instantiate(files.mainModule, files.pthreadWorker ?? null);
		await db.open(threads ? { maximumThreads: threads } : {});
		return db;
	});
	const db = instantiate.value;
	const conn = await db.connect();
	const setting = await conn.query("SELECT current_setting('threads') AS n");
	const bytes = new Uint8Array(await (await fetch('/data.csv')).arrayBuffer());
	await db.registerFileBuffer('data.csv', bytes);
	const text = "read_csv('data.csv', header = true, all_varchar = true)";
	const typed = `read_csv('data.csv', header = true, columns = ${TYPED})`;
	const queries = {
		varchar: `CREATE OR REPLACE TABLE t_text AS SELECT * FROM ${text}`,
		typed: `CREATE OR REPLACE TABLE t_typed AS SELECT * FROM ${typed}`,
		groupBy: 'SELECT 자치구, 평가주체, avg(점수) FROM t_typed GROUP BY ALL'
	};
	const out = { instantiate: instantiate.ms, threads: Number(setting.toArray()[0].n) };
	for (const [name, sql] of Object.entries(queries)) {
		out[`${name}Cold`] = (await timed(() => conn.query(sql))).ms;
		out[name] = [];
		for (let i = 0; i < warm; i++) out[name].push((await timed(() => conn.query(sql))).ms);
		// The text table is not needed once timed: a smaller peak of the wasm memory.
		if (name === 'varchar') await conn.query('DROP TABLE t_text');
	}
	await conn.close();
	await db.terminate();
	return out;
};
window.coiBenchReady = true;
