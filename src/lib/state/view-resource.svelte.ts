/**
 * The latest result of an async view computation. `run` starts one and returns its cleanup,
 * so a component can write `$effect.pre(() => resource.run(() => loadX(engine, state)))`: when
 * the inputs change, the older computation is cancelled and can never overwrite a newer one.
 * `$effect.pre`, so the queries are on their way to DuckDB's worker before the page updates
 * the rest of itself for the change, not after.
 */
export class ViewResource<T> {
	value = $state.raw<T | null>(null);
	error = $state<string | null>(null);
	loading = $state(false);

	run(load: () => Promise<T>): () => void {
		let cancelled = false;
		this.loading = true;
		load().then(
			(value) => {
				if (cancelled) return;
				this.value = value;
				this.error = null;
				this.loading = false;
			},
			(error: unknown) => {
				if (cancelled) return;
				this.error = error instanceof Error ? error.message : String(error);
				this.loading = false;
			}
		);
		return () => {
			cancelled = true;
		};
	}
}
