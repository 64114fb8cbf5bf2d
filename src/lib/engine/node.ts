// The Node engine: duckdb-wasm's blocking bundle, for tests and for server-side figures.
// It runs exactly the SQL the browser runs, behind the same interface and the same lockdown.
import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { arrowToRows } from './arrow-rows';
import { LOCKDOWN_STATEMENTS } from './lockdown';
import type { Engine, SqlParam, UploadPath } from './types';

const require = createRequire(import.meta.url);

/** An engine in this Node process, which its owner closes when it is done with it. */
export interface NodeEngine extends Engine {
	/** Closes the connection and empties the database; the engine answers no query after. */
	close(): void;
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
	await db.instantiate(() => {});
	db.open({});
	const conn = db.connect();
	for (const statement of LOCKDOWN_STATEMENTS) conn.query(statement);

	return {
		async query<T extends object>(sql: string, params: readonly SqlParam[] = []) {
			if (params.length === 0) return arrowToRows<T>(conn.query(sql));
			const statement = conn.prepare(sql);
			try {
				return arrowToRows<T>(statement.query(...params));
			} finally {
				statement.close();
			}
		},
		async registerFile(path: UploadPath, bytes: Uint8Array) {
			db.registerFileBuffer(path, bytes);
		},
		async dropFile(path: UploadPath) {
			db.dropFile(path);
		},
		close() {
			conn.close();
			db.reset();
		}
	};
}
