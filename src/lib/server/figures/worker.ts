import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createNodeEngine } from '$lib/engine/node';
import { DEFAULT_URL_STATE, type UrlState } from '$lib/url-state/url-state';
import { nodeCp949 } from '../cp949';
import { createFolderStore } from '../dataset-store';
import { sampleFiles } from '../sample-data';
import {
	createDatasetEngines,
	type CandidateFile,
	type ComputedFigures,
	type DatasetEngines,
	type PublishCheck,
	snapshotKeyOf
} from './dataset-engines';
import type { WorkerPool, WorkerReply } from './pool';

/** What DuckDB is asked to do: a state's figures, or the import check of a publish. */
export type FigureTask =
	{ kind: 'figures'; state: UrlState } | { kind: 'check'; files: CandidateFile[] };

/** Where the DuckDB work runs: worker threads, or this thread where none can be started. */
export interface FigureRunner {
	figures(state: UrlState): Promise<ComputedFigures | null>;
	check(files: CandidateFile[]): Promise<PublishCheck>;
}

/** What a worker needs to open the same data as the server: plain paths, no environment. */
export interface FigureWorkerConfig {
	/** The folder of the shipped sample CSVs. */
	dataDir: string;
	/** The published datasets' store folder. */
	storeRoot: string;
	/** This build's version: snapshots made by another build are not loaded. */
	buildVersion: string;
	/** Datasets each worker keeps loaded. */
	maxDatasets?: number;
}

const ROLE = 'dashboard-first-figures';

/**
 * Whether this module can be a worker thread's entry. Built, it is a JavaScript chunk that Node
 * loads as it is; under Vite's dev server or Vitest it is TypeScript, which Node cannot load, so
 * the work runs in the calling thread there.
 */
export const canSpawnFigureWorkers = import.meta.url.endsWith('.js');

/**
 * Starts a worker on this very module, wherever the build put it: `import.meta.url` is the
 * file it ended up in, so no separate entry or bundling step is needed. The check below, at
 * the module's top level, makes that thread serve tasks.
 */
export function spawnFigureWorker(config: FigureWorkerConfig): Worker {
	return new Worker(new URL(import.meta.url), { workerData: { role: ROLE, config } });
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE) {
	serveTasks((workerData as { config: FigureWorkerConfig }).config);
}

/** The engines of one thread, opened from the config's paths. */
export function openDatasetEngines(config: FigureWorkerConfig): DatasetEngines {
	const fetchBytes = sampleFiles(config.dataDir);
	return createDatasetEngines({
		createEngine: createNodeEngine,
		fetchBytes,
		snapshotKey: snapshotKeyOf(config.buildVersion, fetchBytes),
		store: createFolderStore(config.storeRoot),
		decodeCp949: nodeCp949,
		maxDatasets: config.maxDatasets
	});
}

function runTask(engines: DatasetEngines, task: FigureTask): Promise<unknown> {
	return task.kind === 'figures' ? engines.figures(task.state) : engines.check(task.files);
}

function serveTasks(config: FigureWorkerConfig): void {
	const engines = openDatasetEngines(config);
	// Every worker, a replacement too, loads the sample as it starts: its first page is not
	// the one to wait for that. A failure here shows again on the first task that needs it.
	engines.figures(DEFAULT_URL_STATE).catch(() => {});
	const port = parentPort!;
	port.on('message', (task: FigureTask) => {
		runTask(engines, task).then(
			(value) => port.postMessage({ ok: true, value } satisfies WorkerReply),
			(error: unknown) =>
				port.postMessage({
					ok: false,
					message: error instanceof Error ? error.message : String(error)
				} satisfies WorkerReply)
		);
	});
}

/**
 * The runner over a pool of these workers. A publish's bytes are copied to the worker, not
 * moved: the caller stores them once they pass.
 */
export function pooledRunner(pool: WorkerPool): FigureRunner {
	return {
		figures: (state) =>
			pool.run({ kind: 'figures', state } satisfies FigureTask) as Promise<ComputedFigures | null>,
		check: (files) =>
			pool.run({ kind: 'check', files } satisfies FigureTask) as Promise<PublishCheck>
	};
}

/** The runner in this thread: for the dev server and tests, and with FIGURE_WORKERS=0. */
export function inThreadRunner(config: FigureWorkerConfig): FigureRunner {
	// The engines answer both tasks themselves: no message to route here.
	return openDatasetEngines(config);
}
