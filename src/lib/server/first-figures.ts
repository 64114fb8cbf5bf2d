import type { Cp949Decoder } from '$lib/csv/decode';
import { readContents, type DatasetContents } from '$lib/dataset/contents';
import { importPublished, type PublishedDataset } from '$lib/dataset/published';
import { loadSampleDataset, prepareEngine, type FetchBytes } from '$lib/dataset/sample';
import type { Engine } from '$lib/engine/types';
import { restrictToData } from '$lib/url-state/allowlist';
import { decodeUrlState, type UrlState } from '$lib/url-state/url-state';
import { figuresKey, type ServerFigures } from '$lib/views/figures';
import { loadPageFigures } from '$lib/views/page-figures';
import type { DatasetStore } from './dataset-store';

export interface FigureServerOptions {
	createEngine: () => Promise<Engine>;
	/** One shipped sample file by name. */
	fetchBytes: FetchBytes;
	store: () => Promise<DatasetStore>;
	/** CP949 as the browser decodes it (Node's own decoder lacks the extended syllables). */
	decodeCp949: Cp949Decoder;
	/** Datasets kept loaded at once; each is a DuckDB instance in this process. */
	maxDatasets?: number;
	/** Figure sets kept; colleagues opening the same link get the same figures. */
	maxFigures?: number;
}

interface LoadedDataset {
	engine: Engine;
	contents: DatasetContents;
	published: PublishedDataset | null;
}

/**
 * Computes the figures of the view a link asks for, with the same loaders and SQL the browser
 * runs, on the same DuckDB (its blocking build, in this process). Datasets and figures are
 * cached: published datasets never change, and the sample changes only with a new release.
 */
export function createFigureServer(options: FigureServerOptions) {
	const datasets = new LruCache<string, Promise<LoadedDataset | null>>(options.maxDatasets ?? 4);
	const figures = new LruCache<string, Promise<ServerFigures | null>>(options.maxFigures ?? 500);

	async function loadDataset(id: string | null): Promise<LoadedDataset | null> {
		if (!id) {
			const engine = await options.createEngine();
			await loadSampleDataset(engine, options.fetchBytes, { decodeCp949: options.decodeCp949 });
			return { engine, contents: await readContents(engine), published: null };
		}
		// The id first: a link to an unknown dataset must not cost an engine.
		const store = await options.store();
		const manifest = await store.manifest(id);
		if (!manifest) return null;
		const engine = await options.createEngine();
		await prepareEngine(engine, options.fetchBytes);
		await importPublished(engine, manifest, {
			fetchBytes: options.fetchBytes,
			decodeCp949: options.decodeCp949,
			fileBytes: async (hash) => {
				const bytes = await store.file(id, hash);
				if (!bytes) throw new Error(`dataset ${id}: file ${hash} missing`);
				return bytes;
			}
		});
		return { engine, contents: await readContents(engine), published: manifest };
	}

	function dataset(id: string | null): Promise<LoadedDataset | null> {
		return datasets.getOrCreate(id ?? '', () => loadDataset(id));
	}

	async function compute(state: UrlState): Promise<ServerFigures | null> {
		const loaded = await dataset(state.dataset);
		if (!loaded) return null;
		const { filters } = restrictToData(state.filters, loaded.contents.options);
		return {
			contents: loaded.contents,
			published: loaded.published,
			figures: await loadPageFigures(loaded.engine, { ...state, filters })
		};
	}

	return {
		/** Starts loading the shipped sample, so the first visitor does not wait for it. */
		warm(): Promise<unknown> {
			return dataset(null);
		},
		/** The figures for a page address's query; null if the dataset it names is unknown. */
		figuresFor(params: URLSearchParams): Promise<ServerFigures | null> {
			// The decoded state, without the language (it changes words, not figures): links that
			// differ only in order, language or ignored parts share one entry.
			// Decoded once per request: the key and the figures read the same state.
			const { state } = decodeUrlState(params);
			return figures.getOrCreate(figuresKey(state), () => compute(state));
		}
	};
}

/** A map that forgets its least recently used entry beyond `limit`, and failed promises at once. */
class LruCache<K, V extends Promise<unknown>> {
	readonly #entries = new Map<K, V>();
	constructor(readonly limit: number) {}

	getOrCreate(key: K, create: () => V): V {
		const found = this.#entries.get(key);
		if (found) {
			this.#entries.delete(key);
			this.#entries.set(key, found);
			return found;
		}
		const created = create();
		this.#entries.set(key, created);
		created.catch(() => {
			if (this.#entries.get(key) === created) this.#entries.delete(key);
		});
		while (this.#entries.size > this.limit) {
			this.#entries.delete(this.#entries.keys().next().value as K);
		}
		return created;
	}
}
