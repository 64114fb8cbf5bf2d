// The Node engine: duckdb-wasm's blocking bundle, for tests and for server-side figures.
// It runs exactly the SQL the browser runs, behind the same interface and the same lockdown.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { arrowToRows } from './arrow-rows';
import { LOCKDOWN_STATEMENTS } from './lockdown';
import type { Engine, SqlParam, UploadPath } from './types';

const require = createRequire(import.meta.url);

/** A table name as SQL, quoted: names come from this code, never from data, but stay quoted. */
function quoteIdentifier(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** An engine in this Node process, which its owner closes when it is done with it. */
export interface NodeEngine extends Engine {
	/** Every row of a table, as an Arrow IPC stream (types kept exactly). */
	exportTable(table: string): Promise<Uint8Array>;
	/** Appends the rows of an Arrow IPC stream (from `exportTable`) to a table of the same columns. */
	appendToTable(table: string, ipc: Uint8Array): Promise<void>;
	/** Closes the connection and empties the database; the engine answers no query after. */
	close(): void;
}

/**
 * What duckdb-wasm's Node bindings use to instantiate their wasm (protected in its types): the
 * file's path, and the Emscripten hook that compiles and instantiates it.
 */
interface NodeBindings {
	readonly mainModulePath: string;
	instantiateWasm(
		imports: WebAssembly.Imports,
		success: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void
	): unknown;
}

/** Each wasm file compiled once in this process. */
const compiledModules = new Map<string, Promise<WebAssembly.Module>>();

function compiledModule(path: string): Promise<WebAssembly.Module> {
	let compiled = compiledModules.get(path);
	if (!compiled) {
		compiled = WebAssembly.compile(readFileSync(path));
		compiledModules.set(path, compiled);
		// A compile that failed is not kept: the next engine tries again (this one fails).
		compiled.catch(() => compiledModules.delete(path));
	}
	return compiled;
}

/**
 * Makes the bindings instantiate the wasm module compiled once for the process instead of
 * compiling the 33 MB file again for every engine (the server keeps an engine per published
 * dataset, the tests one per test): an instance of a module already compiled, and already
 * optimized where earlier engines ran hot, started in 0.55–0.65 s instead of 0.8–0.9 (Node 20).
 * The hook does what the bindings' own does (publish the runtime's functions where the wasm
 * imports them from, then instantiate), with the module in place of the file's bytes.
 */
async function instantiateFromCompiled(bindings: NodeBindings, runtime: object): Promise<void> {
	const wasm = await compiledModule(bindings.mainModulePath);
	bindings.instantiateWasm = (imports, success) => {
		const published: Record<string, unknown> = {};
		for (const name of Object.getOwnPropertyNames(runtime)) {
			if (name !== 'constructor') published[name] = Reflect.get(runtime, name);
		}
		globalThis.DUCKDB_RUNTIME = published;
		// Instantiated here, so that a failure is thrown where Emscripten turns it into a rejected
		// `instantiate` (Node instantiates a compiled module of any size synchronously); handed
		// over after this returns, as Emscripten's protocol has it (its placeholder comes first).
		const instance = new WebAssembly.Instance(wasm, imports);
		queueMicrotask(() => success(instance, wasm));
		return {};
	};
}

/** Starts a fresh, locked, in-memory engine in this Node process. */
export async function createNodeEngine(): Promise<NodeEngine> {
	const bundles: duckdb.DuckDBBundles = {
		mvp: {
			mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'),
			mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-mvp.worker.cjs')
		},
		eh: {
			mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'),
			mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs')
		}
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await instantiateFromCompiled(db as unknown as NodeBindings, duckdb.NODE_RUNTIME);
	await db.instantiate(() => {});
	db.open({});
	const conn = db.connect();
	for (const statement of LOCKDOWN_STATEMENTS) conn.query(statement);
	/** The engine's calls on one connection (the database's settings, locked above, are shared). */
	const on = (connection: typeof conn): Engine => ({
		async query<T extends object>(sql: string, params: readonly SqlParam[] = []) {
			if (params.length === 0) return arrowToRows<T>(connection.query(sql));
			const statement = connection.prepare(sql);
			try {
				return arrowToRows<T>(statement.query(...params));
			} finally {
				statement.close();
			}
		},
		async registerFile(path: UploadPath, bytes: Uint8Array) {
			db.registerFileBuffer(path, bytes);
		},
		async fileBytes(path: UploadPath) {
			return db.copyFileToBuffer(path);
		},
		async dropFile(path: UploadPath) {
			db.dropFile(path);
		}
	});

	return {
		...on(conn),
		async connect() {
			const other = db.connect();
			return { ...on(other), close: async () => other.close() };
		},
		async exportTable(table: string) {
			// DuckDB's own IPC answer, copied out of the wasm memory it points into.
			const sql = `SELECT * FROM ${quoteIdentifier(table)}`;
			const answer = conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql));
			return tableToIPC(tableFromIPC(answer), 'stream');
		},
		async appendToTable(table: string, ipc: Uint8Array) {
			const staging = `staging_${table}`;
			conn.insertArrowFromIPCStream(ipc, { name: staging, create: true });
			try {
				conn.query(
					`INSERT INTO ${quoteIdentifier(table)} SELECT * FROM ${quoteIdentifier(staging)}`
				);
			} finally {
				conn.query(`DROP TABLE IF EXISTS ${quoteIdentifier(staging)}`);
			}
		},
		close() {
			conn.close();
			db.reset();
		}
	};
}
