import { availableParallelism } from 'node:os';
import { env } from '$env/dynamic/private';
import { createFigureServer, type FigureServer } from './figures/first-figures';
import { createWorkerPool } from './figures/pool';
import {
	canSpawnFigureWorkers,
	inThreadRunner,
	pooledRunner,
	spawnFigureWorker,
	type FigureRunner,
	type FigureWorkerConfig
} from './figures/worker';
import { setUpPublishing, storeRoot, type Publishing } from './publishing';
import { dataDirectory } from './sample-data';

let publishing: Promise<Publishing> | undefined;

/** The server's one publishing setup, made on first use from the process environment. */
export function getPublishing(): Promise<Publishing> {
	publishing ??= setUpPublishing(env);
	return publishing;
}

/** Tasks that may wait for a worker; beyond them a page goes without server figures at once. */
const MAX_QUEUE = 8;
/** A task running longer is stuck (a first view of a large dataset takes seconds, not this). */
const TASK_TIMEOUT_MS = 120_000;

/** `FIGURE_WORKERS`, or one thread per core beyond the first (the event loop's), one to two. */
function workerCount(): number {
	const configured = Number.parseInt(env.FIGURE_WORKERS ?? '', 10);
	if (Number.isInteger(configured) && configured >= 0) return configured;
	return Math.min(2, Math.max(1, availableParallelism() - 1));
}

/** Where DuckDB runs, and how loaded it is. */
interface Runner {
	run: FigureRunner;
	/** Whether a new task would wait for another's. */
	busy: () => boolean;
	/** Tasks running and waiting (none in this thread: they run as they come). */
	load: () => { running: number; waiting: number };
}

let runner: Runner | undefined;
let figureServer: FigureServer | undefined;

/**
 * Starts where DuckDB runs for this server (a pool of worker threads, or this thread where it
 * cannot) and the figure service over it. Called once, by the server's init hook, with the
 * build's version (`$app/environment`), which published snapshots are keyed on.
 */
export function startFigures(buildVersion: string): FigureServer {
	runner ??= startRunner(buildVersion);
	figureServer ??= startFigureServer(runner);
	return figureServer;
}

/** Where DuckDB runs; the server's init hook has started it. */
export function getFigureRunner(): Runner {
	if (!runner) throw new Error('startFigures has not run (src/hooks.server.ts init)');
	return runner;
}

/** The server's one figure service: the shipped sample and published datasets. */
export function getFigureServer(): FigureServer {
	if (!figureServer) throw new Error('startFigures has not run (src/hooks.server.ts init)');
	return figureServer;
}

function startRunner(buildVersion: string): Runner {
	const config: FigureWorkerConfig = {
		dataDir: dataDirectory(env),
		storeRoot: storeRoot(env),
		buildVersion
	};
	const size = canSpawnFigureWorkers ? workerCount() : 0;
	if (size === 0) {
		return {
			run: inThreadRunner(config),
			busy: () => false,
			load: () => ({ running: 0, waiting: 0 })
		};
	}
	const pool = createWorkerPool({
		size,
		maxQueue: MAX_QUEUE,
		taskTimeoutMs: TASK_TIMEOUT_MS,
		spawn: () => spawnFigureWorker(config),
		onExit: (error) => console.error('first figures: a worker stopped:', error.message)
	});
	return { run: pooledRunner(pool), busy: () => pool.busy(), load: () => pool.load() };
}

function startFigureServer({ run, busy }: Runner): FigureServer {
	const budget = Number.parseInt(env.FIGURES_BUDGET_MS ?? '', 10);
	return createFigureServer({
		runner: run,
		busy,
		budgetMs: Number.isInteger(budget) && budget >= 0 ? budget : undefined,
		datasetExists: async (id) => {
			try {
				return (await (await getPublishing()).store.manifest(id)) !== null;
			} catch {
				// A damaged manifest: the worker's load fails, and that failure is remembered.
				return true;
			}
		}
	});
}
