// The browser engine: DuckDB-WASM in a Web Worker, its files served by this app (never a CDN).
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { arrowToRows } from './arrow-rows';
import { LOCKDOWN_STATEMENTS } from './lockdown';
import { InFlight, isSingleRead, SeenReads } from './repeated-reads';
import { StatementCache } from './statement-cache';
import { timedStep } from '$lib/timing/step';
import type { Engine, SqlParam, UploadPath } from './types';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

let started: Promise<Engine> | undefined;

/** The page's one engine, started on first call; later calls share the same promise. */
export function browserEngine(): Promise<Engine> {
	started ??= startBrowserEngine();
	return started;
}

/** An engine apart from the page's (another version of the data), which its owner closes. */
export async function separateBrowserEngine(): Promise<Engine & { close(): Promise<void> }> {
	return startBrowserEngine();
}

async function startBrowserEngine(): Promise<Engine & { close(): Promise<void> }> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	// A classic worker script: duckdb-wasm's worker files are not ES modules.
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await timedStep('engine:instantiate', () =>
		db.instantiate(bundle.mainModule, bundle.pthreadWorker)
	);
	await db.open({});
	const conn = await db.connect();
	// One round trip for the lockdown; the last statement locks the configuration (the
	// database's, which every connection shares).
	await conn.query(LOCKDOWN_STATEMENTS.join(';\n'));
	return {
		...on(db, conn),
		async connect() {
			const other = await db.connect();
			return { ...on(db, other), close: () => other.close() };
		},
		async close() {
			await conn.close();
			await db.terminate();
		}
	};
}

/** The engine's calls on one connection to `db`. */
function on(db: duckdb.AsyncDuckDB, conn: duckdb.AsyncDuckDBConnection): Engine {
	const statements = new StatementCache((sql) => conn.prepare(sql));
	const seenReads = new SeenReads();
	const inFlight = new InFlight<Awaited<ReturnType<typeof conn.query>>>();
	// A bound query is always prepared (DuckDB-WASM binds only prepared statements); one without
	// parameters is when it is a read the page has run before (see repeated-reads.ts).
	const run = (sql: string, params: readonly SqlParam[], read: boolean) =>
		params.length > 0 || (read && seenReads.repeated(sql))
			? statements.use(sql, (statement) => statement.query(...params))
			: conn.query(sql);
	return {
		async query<T extends object>(sql: string, params: readonly SqlParam[] = []) {
			const read = isSingleRead(sql);
			// Callers asking the same read at once share one run; each gets rows of its own.
			const table = read
				? inFlight.share(JSON.stringify([sql, params]), () => run(sql, params, true))
				: run(sql, params, false);
			return arrowToRows<T>(await table);
		},
		async registerFile(path: UploadPath, bytes: Uint8Array) {
			// duckdb-wasm transfers the buffer to its worker, which detaches it here. Copying it
			// first took a quarter of a second of the page's thread for a 100 MB file.
			await db.registerFileBuffer(path, bytes);
		},
		async fileBytes(path: UploadPath) {
			return db.copyFileToBuffer(path);
		},
		async dropFile(path: UploadPath) {
			await db.dropFile(path);
		}
	};
}
