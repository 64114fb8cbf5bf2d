/**
 * A map of promises that forgets its least recently used entry beyond `limit`, and a rejected
 * promise at once (the next caller tries again). `onEvict` hears of every entry pushed out, so
 * whatever it holds (a DuckDB engine) can be closed.
 */
export class LruCache<K, V extends Promise<unknown>> {
	readonly #entries = new Map<K, V>();

	constructor(
		readonly limit: number,
		readonly onEvict: (value: V) => void = () => {}
	) {}

	get(key: K): V | undefined {
		const found = this.#entries.get(key);
		if (found) {
			this.#entries.delete(key);
			this.#entries.set(key, found);
		}
		return found;
	}

	getOrCreate(key: K, create: () => V): V {
		const found = this.get(key);
		if (found) return found;
		const created = create();
		this.set(key, created);
		return created;
	}

	set(key: K, value: V): void {
		const previous = this.#entries.get(key);
		this.#entries.delete(key);
		this.#entries.set(key, value);
		if (previous && previous !== value) this.onEvict(previous);
		value.catch(() => {
			if (this.#entries.get(key) === value) this.#entries.delete(key);
		});
		while (this.#entries.size > this.limit) {
			const [oldest, evicted] = this.#entries.entries().next().value as [K, V];
			this.#entries.delete(oldest);
			this.onEvict(evicted);
		}
	}

	get size(): number {
		return this.#entries.size;
	}
}
