// How the browser engine runs the reads a page repeats: a filter change asks DuckDB the same few
// questions each time, with other filters. Measured in the page on the sample (medians of 15):
// a totals query (since replaced by sums over the unit scores) took 13.4 ms run as text and
// 7.8 ms as a kept prepared statement, the unit scores 5.9 and 3.2 ms; planning is about half of
// each. And the headline and the open view ask for the same unit scores at the same moment, so
// one change would run that read twice.

/**
 * Whether `sql` is one statement that only reads: it starts with SELECT, WITH or FROM and has
 * no `;`. Only reads are prepared on repeat and shared while in flight: running a write once
 * for two callers, or keeping it prepared, would change what it does.
 */
export function isSingleRead(sql: string): boolean {
	return /^\s*(SELECT|WITH|FROM)\b/i.test(sql) && !sql.includes(';');
}

/**
 * The texts of reads seen lately, to tell a repeated read from a one-off. Preparing costs a trip
 * to DuckDB's worker of its own, which a read run once (an import's checks, a provenance
 * lookup) would pay for nothing; a read seen before is likely to come again. A kept read that
 * names a registered file in its text holds the file open, and DuckDB-WASM then refuses to drop
 * it ("file is in use"): the app binds every path, as it binds every value, so none does.
 */
export class SeenReads {
	// Least recently seen first: a Map keeps insertion order.
	readonly #seen = new Map<string, true>();
	readonly #capacity: number;

	constructor(capacity = 256) {
		this.#capacity = capacity;
	}

	/** Notes `sql` as seen and says whether it had been seen before. */
	repeated(sql: string): boolean {
		const before = this.#seen.delete(sql);
		this.#seen.set(sql, true);
		if (this.#seen.size > this.#capacity) {
			const oldest = this.#seen.keys().next();
			if (!oldest.done) this.#seen.delete(oldest.value);
		}
		return before;
	}
}

/**
 * Shares one run of a task among the callers that ask for it while it is in flight. Once it
 * settles it is forgotten: a later caller starts a new run, so no answer outlives a change of
 * the data.
 */
export class InFlight<T> {
	readonly #running = new Map<string, Promise<T>>();

	/** The running task for `key`, or one started now by `start` (synchronously, before any await). */
	share(key: string, start: () => Promise<T>): Promise<T> {
		const running = this.#running.get(key);
		if (running) return running;
		const started = start();
		this.#running.set(key, started);
		const forget = () => {
			if (this.#running.get(key) === started) this.#running.delete(key);
		};
		started.then(forget, forget);
		return started;
	}
}
