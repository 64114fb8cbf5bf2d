import type { Worker } from 'node:worker_threads';

/** The queue is full: the caller goes on without the answer (the browser computes it). */
export class PoolBusyError extends Error {
	constructor() {
		super('every worker is busy and the queue is full');
		this.name = 'PoolBusyError';
	}
}

/** What a pool worker posts back for each message: its answer, or why it failed. */
export type WorkerReply = { ok: true; value: unknown } | { ok: false; message: string };

export interface WorkerPoolOptions {
	/** Worker threads kept running. */
	size: number;
	/** Tasks waiting for a worker beyond which `run` refuses at once. */
	maxQueue: number;
	/** Starts one worker, which answers each message with one WorkerReply. */
	spawn: () => Worker;
	/**
	 * A task running longer is taken as stuck: its worker is stopped (and replaced) and the
	 * task fails. Default: no limit.
	 */
	taskTimeoutMs?: number;
	/** Hears of a worker that stopped unexpectedly (it is replaced). */
	onExit?: (error: Error) => void;
}

/** A worker that stopped within this long of its start is replaced only after as long again. */
const RESTART_PAUSE_MS = 1000;

interface Task {
	message: unknown;
	timer?: ReturnType<typeof setTimeout>;
	resolve: (value: unknown) => void;
	reject: (error: Error) => void;
}

/**
 * A few worker threads, each given one task at a time, and a bounded queue in front of them.
 * A worker that dies fails its task and is replaced; `close` stops them all.
 */
export function createWorkerPool(options: WorkerPoolOptions) {
	const idle: Worker[] = [];
	const running = new Map<Worker, Task>();
	const queue: Task[] = [];
	// Why a worker is about to exit: what it threw, or the timeout that stopped it.
	const lastErrors = new Map<Worker, Error>();
	let closed = false;

	function start(): void {
		const startedAt = Date.now();
		const worker = options.spawn();
		worker.on('message', (reply: WorkerReply) => {
			const task = running.get(worker);
			running.delete(worker);
			idle.push(worker);
			if (task) {
				clearTimeout(task.timer);
				if (reply.ok) task.resolve(reply.value);
				else task.reject(new Error(reply.message));
			}
			next();
		});
		worker.on('error', (error) => lastErrors.set(worker, error));
		worker.on('exit', (code) => {
			const task = running.get(worker);
			running.delete(worker);
			if (task) clearTimeout(task.timer);
			const at = idle.indexOf(worker);
			if (at >= 0) idle.splice(at, 1);
			if (closed) {
				task?.reject(new Error('the worker pool was closed'));
				return;
			}
			const error = lastErrors.get(worker) ?? new Error(`a worker stopped (exit code ${code})`);
			lastErrors.delete(worker);
			task?.reject(error);
			options.onExit?.(error);
			// A worker that cannot even start (a broken build) is not restarted in a tight loop.
			const replace = () => {
				if (closed) return;
				start();
				next();
			};
			if (Date.now() - startedAt < RESTART_PAUSE_MS) setTimeout(replace, RESTART_PAUSE_MS).unref();
			else replace();
		});
		// The server's own handles keep the process alive; a pool left open must not (so a
		// SIGTERM's graceful shutdown ends it). After the listeners: adding one refs it again.
		worker.unref();
		idle.push(worker);
	}

	function next(): void {
		while (idle.length > 0 && queue.length > 0) {
			const worker = idle.shift()!;
			const task = queue.shift()!;
			running.set(worker, task);
			if (options.taskTimeoutMs !== undefined) {
				task.timer = setTimeout(() => {
					lastErrors.set(worker, new Error(`a task ran over ${options.taskTimeoutMs} ms`));
					void worker.terminate();
				}, options.taskTimeoutMs);
			}
			worker.postMessage(task.message);
		}
	}

	for (let i = 0; i < options.size; i++) start();

	return {
		/** Sends a message to the next free worker; its answer, or PoolBusyError if the queue is full. */
		run(message: unknown): Promise<unknown> {
			if (closed) return Promise.reject(new Error('the worker pool was closed'));
			if (idle.length === 0 && queue.length >= options.maxQueue) {
				return Promise.reject(new PoolBusyError());
			}
			return new Promise((resolve, reject) => {
				queue.push({ message, resolve, reject });
				next();
			});
		},
		/** Whether a new task would wait: no worker is free. */
		busy(): boolean {
			return idle.length === 0;
		},
		/** Tasks running and waiting, for logs and tests. */
		load(): { running: number; waiting: number } {
			return { running: running.size, waiting: queue.length };
		},
		async close(): Promise<void> {
			closed = true;
			for (const task of queue.splice(0)) task.reject(new Error('the worker pool was closed'));
			const workers = [...idle, ...running.keys()];
			await Promise.all(workers.map((worker) => worker.terminate()));
		}
	};
}

export type WorkerPool = ReturnType<typeof createWorkerPool>;
