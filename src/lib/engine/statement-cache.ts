/** What the cache needs of a prepared statement. */
export interface Closable {
	close(): Promise<void>;
}

interface Entry<S> {
	statement: Promise<S>;
	/** The statement once prepared, to hand out without an await. */
	prepared?: S;
}

/**
 * Prepared statements kept by SQL text, the least recently used closed past `capacity`.
 *
 * In DuckDB-WASM a bound query is three trips to the worker (prepare, run, close), and each
 * answer waits until the page's thread is free: after a filter change that thread is busy
 * redrawing, so the worker sat idle between the trips. A kept statement is one trip. DuckDB
 * rebinds a prepared statement when the tables it reads change, so a kept one never answers from
 * data an import has replaced.
 */
export class StatementCache<S extends Closable> {
	// Least recently used first: a Map keeps insertion order.
	readonly #entries = new Map<string, Entry<S>>();
	readonly #prepare: (sql: string) => Promise<S>;
	readonly #capacity: number;

	constructor(prepare: (sql: string) => Promise<S>, capacity = 64) {
		this.#prepare = prepare;
		this.#capacity = capacity;
	}

	/**
	 * Runs `use` with the statement for `sql`, prepared first if it is not kept. A kept one is
	 * used at once, not after an await: an await would queue the query behind the rest of the
	 * page's update for a change, which runs in the same microtask checkpoint.
	 */
	use<R>(sql: string, use: (statement: S) => Promise<R>): Promise<R> {
		const entry = this.#entries.get(sql);
		if (entry) {
			this.#entries.delete(sql);
			this.#entries.set(sql, entry);
			return entry.prepared ? use(entry.prepared) : entry.statement.then(use);
		}
		const created: Entry<S> = { statement: this.#prepare(sql) };
		this.#entries.set(sql, created);
		created.statement.then(
			(prepared) => (created.prepared = prepared),
			// A statement that failed to prepare is not kept; its caller gets the error.
			() => {
				if (this.#entries.get(sql) === created) this.#entries.delete(sql);
			}
		);
		this.#evict();
		return created.statement.then(use);
	}

	#evict() {
		// The evicted statement was last used `capacity` statements ago: no query waits on it.
		for (const [sql, entry] of this.#entries) {
			if (this.#entries.size <= this.#capacity) return;
			this.#entries.delete(sql);
			// A statement that failed to prepare has nothing to close, and its caller had the error.
			entry.statement.then(
				(prepared) => prepared.close(),
				() => undefined
			);
		}
	}
}
