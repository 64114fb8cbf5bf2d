import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Cp949Decoder } from '$lib/csv/decode';
import type { ImportIssue } from '$lib/csv/import';
import { readContents, type DatasetContents } from '$lib/dataset/contents';
import {
	importPublished,
	PublishedImportError,
	type PublishedDataset
} from '$lib/dataset/published';
import {
	loadSampleDataset,
	prepareEngine,
	SAMPLE_EXPORTS,
	type FetchBytes
} from '$lib/dataset/sample';
import type { NodeEngine } from '$lib/engine/node';
import { DATA_TABLES } from '$lib/query/schema';
import { restrictToData } from '$lib/url-state/allowlist';
import type { UrlState } from '$lib/url-state/url-state';
import type { PageFigures } from '$lib/views/figures';
import { loadPageFigures } from '$lib/views/page-figures';
import type { DatasetStore } from '../dataset-store';
import { LruCache } from './lru';

export interface DatasetEngineOptions {
	createEngine: () => Promise<NodeEngine>;
	/** One shipped sample file by name. */
	fetchBytes: FetchBytes;
	store: DatasetStore;
	/** CP949 as the browser decodes it (Node's own decoder lacks the extended syllables). */
	decodeCp949: Cp949Decoder;
	/**
	 * What a snapshot must have been made under to be loaded instead of the raw files: this
	 * build and these sample files (a later release may import the same files differently).
	 */
	snapshotKey: () => Promise<string>;
	/** Datasets kept loaded at once; each is a DuckDB instance. */
	maxDatasets?: number;
	/**
	 * Figures larger than this (as UTF-8 JSON) are not sent with the page: a page carries them
	 * rendered and as data, about 100 KB plus three times their size (the sample's gap view:
	 * 121 KB of figures, a 393 KB page), and a view of a huge dataset would make pages of many
	 * megabytes. The browser computes them instead, as for any filter change.
	 */
	maxFigureBytes?: number;
}

/** What one state's figures come to; `figures` is null when they are too large to send. */
export interface ComputedFigures {
	contents: DatasetContents;
	/** The published dataset the link names; null for the shipped sample. */
	published: PublishedDataset | null;
	figures: PageFigures | null;
}

/** A file offered for publishing, as the importer will read it on every view of the link. */
export interface CandidateFile {
	name: string;
	bytes: Uint8Array;
	choices: Record<string, unknown>;
}

/** The tables a publish's import made, to store with it (see DatasetSnapshot). */
export interface SnapshotTables {
	key: string;
	tables: { table: string; bytes: Uint8Array }[];
}

/**
 * Whether the files of a publish import: if so, the tables they made; if not, the file and the
 * importer's first issue.
 */
export type PublishCheck =
	{ ok: true; snapshot: SnapshotTables } | { ok: false; file: string; issue: ImportIssue | null };

interface LoadedDataset {
	engine: NodeEngine;
	contents: DatasetContents;
	published: PublishedDataset | null;
}

const DEFAULT_MAX_FIGURE_BYTES = 250_000;

/**
 * The DuckDB side of the first figures: datasets loaded into engines (the sample, published
 * ones by id), the figures of a state computed with the same loaders and SQL the browser runs,
 * and the import check of a publish. It runs in a worker thread (./worker.ts), so none of
 * this blocks the server's event loop; engines pushed out of the cache are closed.
 */
export function createDatasetEngines(options: DatasetEngineOptions) {
	const maxFigureBytes = options.maxFigureBytes ?? DEFAULT_MAX_FIGURE_BYTES;
	const datasets = new LruCache<string, Promise<LoadedDataset | null>>(
		options.maxDatasets ?? 4,
		(evicted) => {
			void evicted.then((loaded) => loaded?.engine.close()).catch(() => {});
		}
	);

	async function loadDataset(id: string | null): Promise<LoadedDataset | null> {
		if (!id) {
			const engine = await options.createEngine();
			await loadSampleDataset(engine, options.fetchBytes, { decodeCp949: options.decodeCp949 });
			return { engine, contents: await readContents(engine), published: null };
		}
		// The id first: a link to an unknown dataset must not cost an engine.
		const manifest = await options.store.manifest(id);
		if (!manifest) return null;
		const engine = await options.createEngine();
		try {
			await prepareEngine(engine, options.fetchBytes);
			const snapshot = manifest.snapshot;
			const usable =
				snapshot?.key === (await options.snapshotKey()) &&
				DATA_TABLES.every((table) => snapshot.tables.some((entry) => entry.table === table));
			if (snapshot && usable) {
				// The tables as the publish's import made them: no raw row is read again.
				for (const table of DATA_TABLES) {
					const entry = snapshot.tables.find((candidate) => candidate.table === table)!;
					const bytes = await options.store.file(id, entry.hash);
					if (!bytes) throw new Error(`dataset ${id}: snapshot of ${table} missing`);
					await engine.appendToTable(table, gunzipSync(bytes));
				}
				return { engine, contents: await readContents(engine), published: manifest };
			}
			await importPublished(engine, manifest, {
				fetchBytes: options.fetchBytes,
				decodeCp949: options.decodeCp949,
				fileBytes: async (hash) => {
					const bytes = await options.store.file(id, hash);
					if (!bytes) throw new Error(`dataset ${id}: file ${hash} missing`);
					return bytes;
				}
			});
			return { engine, contents: await readContents(engine), published: manifest };
		} catch (error) {
			engine.close();
			throw error;
		}
	}

	return {
		/** The figures of a state; null if the dataset it names is unknown. */
		async figures(state: UrlState): Promise<ComputedFigures | null> {
			const id = state.dataset;
			const loaded = await datasets.getOrCreate(id ?? '', () => loadDataset(id));
			if (!loaded) return null;
			const { filters } = restrictToData(state.filters, loaded.contents.options);
			const figures = await loadPageFigures(loaded.engine, { ...state, filters });
			const small = Buffer.byteLength(JSON.stringify(figures)) <= maxFigureBytes;
			return {
				contents: loaded.contents,
				published: loaded.published,
				figures: small ? figures : null
			};
		},

		/**
		 * Imports the files as a published dataset would be, into an engine of its own that is
		 * closed after: a file that would not import on every view of its link is refused now,
		 * and the tables of one that does are handed back to be stored with it.
		 */
		async check(files: CandidateFile[]): Promise<PublishCheck> {
			const engine = await options.createEngine();
			try {
				await prepareEngine(engine, options.fetchBytes);
				const candidate: PublishedDataset = {
					id: 'candidate',
					createdAt: new Date(0).toISOString(),
					files: files.map((file, index) => ({
						hash: String(index),
						name: file.name,
						bytes: file.bytes.length,
						choices: file.choices
					}))
				};
				await importPublished(engine, candidate, {
					fetchBytes: options.fetchBytes,
					decodeCp949: options.decodeCp949,
					fileBytes: async (index) => files[Number(index)]!.bytes
				});
				const tables = [];
				for (const table of DATA_TABLES) {
					// Gzip's fastest level: the 200,000-row evaluations table is 36 MB of Arrow,
					// a few MB gzipped, for about a tenth of a second.
					tables.push({ table, bytes: gzipSync(await engine.exportTable(table), { level: 1 }) });
				}
				return { ok: true, snapshot: { key: await options.snapshotKey(), tables } };
			} catch (error) {
				if (error instanceof PublishedImportError) {
					return { ok: false, file: error.file, issue: error.issue };
				}
				throw error;
			} finally {
				engine.close();
			}
		}
	};
}

export type DatasetEngines = ReturnType<typeof createDatasetEngines>;

/**
 * The key snapshots are made and loaded under: this build's version and the SHA-256 of each
 * shipped sample file (a snapshot holds the sample's rows too). Computed once.
 */
export function snapshotKeyOf(buildVersion: string, fetchBytes: FetchBytes): () => Promise<string> {
	let key: Promise<string> | undefined;
	const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
	return () =>
		(key ??= (async () => {
			const parts = [buildVersion];
			for (const name of ['districts.csv', ...SAMPLE_EXPORTS]) {
				parts.push(sha256(await fetchBytes(name)));
			}
			return sha256(parts.join('\n'));
		})());
}
