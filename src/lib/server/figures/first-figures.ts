import type { FilterOptionRows } from '$lib/query/scores';
import { restrictToData } from '$lib/url-state/allowlist';
import { decodeUrlState, type UrlState } from '$lib/url-state/url-state';
import { figuresKey, type ServerFigures } from '$lib/views/figures';
import type { ComputedFigures } from './dataset-engines';
import { LruCache } from './lru';
import { PoolBusyError } from './pool';
import type { FigureRunner } from './worker';

export interface FigureServerOptions {
	/** Where DuckDB computes: worker threads, or this thread (dev server, tests). */
	runner: FigureRunner;
	/** Whether every worker is busy right now (a new task would wait for another's). */
	busy: () => boolean;
	/** Whether the store holds a published dataset with this id. */
	datasetExists: (id: string) => Promise<boolean>;
	/** How long a page waits for figures being computed for it, in ms. */
	budgetMs?: number;
	/** Figure sets kept; colleagues opening the same link get the same figures. */
	maxFigures?: number;
	/** How long a dataset whose figures failed is not tried again, in ms. */
	failureMemoryMs?: number;
	now?: () => number;
}

const DEFAULT_BUDGET_MS = 300;
const DEFAULT_FAILURE_MEMORY_MS = 5 * 60 * 1000;
/** Datasets whose filter options (and existence) are remembered, for the keys. */
const MAX_KNOWN_DATASETS = 200;

/**
 * The first figures of a page, on the server's event loop: it only routes. DuckDB runs in the
 * runner (worker threads), and a page never waits on another page's DuckDB work: when every
 * worker is busy the page goes without server figures (the browser computes them, as for any
 * filter change) while the task waits in the pool's bounded queue to fill the cache. A page
 * whose figures are being computed waits at most `budgetMs`.
 *
 * What an address cannot make it do: an unknown dataset id is refused before any cache entry
 * or engine (a store lookup only); filter values the data does not hold are dropped before the
 * key is built, so `y=2000…2100` are all one entry; a dataset whose figures failed is not tried
 * again for `failureMemoryMs`.
 */
export function createFigureServer(options: FigureServerOptions) {
	const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
	const failureMemoryMs = options.failureMemoryMs ?? DEFAULT_FAILURE_MEMORY_MS;
	const now = options.now ?? Date.now;
	const figures = new LruCache<string, Promise<ComputedFigures | null>>(options.maxFigures ?? 500);
	// Per dataset ('' for the sample): the values its data holds, once its first figures came back.
	const dataOptions = new Map<string, FilterOptionRows>();
	const published = new Set<string>();
	const failedAt = new Map<string, number>();
	let warmed = false;

	function remember<V>(map: Map<string, V> | Set<string>, key: string, value?: V): void {
		map.delete(key);
		if (map instanceof Set) map.add(key);
		else map.set(key, value as V);
		if (map.size > MAX_KNOWN_DATASETS) map.delete(map.keys().next().value as string);
	}

	/** The state with the filter values its data does not hold dropped, once the data is known. */
	function restricted(state: UrlState): UrlState {
		const known = dataOptions.get(state.dataset ?? '');
		return known ? { ...state, filters: restrictToData(state.filters, known).filters } : state;
	}

	async function exists(id: string | null): Promise<boolean> {
		if (id === null || published.has(id)) return true;
		if (!(await options.datasetExists(id))) return false;
		remember(published, id);
		return true;
	}

	function recentlyFailed(dataset: string): boolean {
		const at = failedAt.get(dataset);
		if (at === undefined) return false;
		if (now() - at < failureMemoryMs) return true;
		failedAt.delete(dataset);
		return false;
	}

	function compute(state: UrlState): Promise<ComputedFigures | null> {
		const dataset = state.dataset ?? '';
		return options.runner.figures(state).then(
			(result) => {
				if (result) {
					const firstTime = !dataOptions.has(dataset);
					remember(dataOptions, dataset, result.contents.options);
					// Asked before the data was known: file it under the key later asks will use.
					if (firstTime) figures.set(figuresKey(restricted(state)), Promise.resolve(result));
				}
				return result;
			},
			(error: unknown) => {
				// A full queue says nothing about the dataset; anything else is remembered.
				if (!(error instanceof PoolBusyError)) remember(failedAt, dataset, now());
				throw error;
			}
		);
	}

	/** The entry's value, or undefined if it is not there within the budget. */
	async function withinBudget<T>(pending: Promise<T>): Promise<T | undefined> {
		let timer: ReturnType<typeof setTimeout> | undefined;
		const late = new Promise<undefined>((resolve) => {
			timer = setTimeout(() => resolve(undefined), budgetMs);
		});
		try {
			return await Promise.race([pending, late]);
		} finally {
			clearTimeout(timer);
		}
	}

	return {
		/** Computes the shipped sample's first view, so the first visitor does not wait for it. */
		async warm(): Promise<void> {
			const { state } = decodeUrlState(new URLSearchParams());
			await figures.getOrCreate(figuresKey(state), () => compute(state));
			warmed = true;
		},

		/** Whether `warm` has finished: the first visitor's page has its figures at once. */
		ready(): boolean {
			return warmed;
		},

		/**
		 * The figures for a page address's query, or null: the dataset is unknown, they are not
		 * ready in time, too large to send, or failed (the browser then computes them itself).
		 */
		async figuresFor(params: URLSearchParams): Promise<ServerFigures | null> {
			// Decoded once per request: the key and the figures read the same state. The language
			// is not in the key: it changes words, not figures.
			const { state: asked } = decodeUrlState(params);
			if (!(await exists(asked.dataset))) return null;
			if (recentlyFailed(asked.dataset ?? '')) return null;
			const state = restricted(asked);
			const key = figuresKey(state);
			let pending = figures.get(key);
			if (!pending) {
				// Queued behind another page's work: this page does not wait for it.
				const queued = options.busy();
				pending = compute(state);
				figures.set(key, pending);
				if (queued) {
					pending.catch(() => {});
					return null;
				}
			}
			try {
				const result = await withinBudget(pending);
				if (!result?.figures) return null;
				return { contents: result.contents, published: result.published, figures: result.figures };
			} catch (error) {
				if (error instanceof PoolBusyError) return null;
				throw error;
			}
		}
	};
}

export type FigureServer = ReturnType<typeof createFigureServer>;
