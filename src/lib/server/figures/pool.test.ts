import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerPool, PoolBusyError, type WorkerPool } from './pool';

// A stand-in worker: it sleeps (blocking its thread, as DuckDB does), fails or dies on request.
const WORKER_SOURCE = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (task) => {
	if (task.sleep) { const end = Date.now() + task.sleep; while (Date.now() < end); }
	if (task.die) process.exit(3);
	if (task.fail) return parentPort.postMessage({ ok: false, message: 'failed: ' + task.fail });
	parentPort.postMessage({ ok: true, value: { threadId, echo: task.echo ?? null } });
});`;

const spawn = () => new Worker(WORKER_SOURCE, { eval: true });
let pool: WorkerPool | undefined;
afterEach(async () => {
	await pool?.close();
	pool = undefined;
});

type Answer = { threadId: number; echo: unknown };

describe('worker pool', () => {
	it('answers each task from a worker thread, not the caller', async () => {
		pool = createWorkerPool({ size: 1, maxQueue: 4, spawn });
		const answer = (await pool.run({ echo: '가' })) as Answer;
		expect(answer.echo).toBe('가');
		expect(answer.threadId).toBeGreaterThan(0);
	});

	it('keeps the event loop free while a worker is busy', async () => {
		pool = createWorkerPool({ size: 1, maxQueue: 4, spawn });
		const order: string[] = [];
		const busy = pool.run({ sleep: 1_000 }).then(() => order.push('task'));
		// A timer on this thread fires while the worker's thread is still blocked.
		await new Promise((resolve) => setTimeout(resolve, 20));
		order.push('timer');
		await busy;
		expect(order).toEqual(['timer', 'task']);
	});

	it('queues up to maxQueue tasks, then refuses at once', async () => {
		pool = createWorkerPool({ size: 1, maxQueue: 2, spawn });
		const running = pool.run({ sleep: 200, echo: 1 });
		const queued = [pool.run({ echo: 2 }), pool.run({ echo: 3 })];
		expect(pool.load()).toEqual({ running: 1, waiting: 2 });
		await expect(pool.run({ echo: 4 })).rejects.toBeInstanceOf(PoolBusyError);
		const answers = (await Promise.all([running, ...queued])) as Answer[];
		expect(answers.map((answer) => answer.echo)).toEqual([1, 2, 3]);
	});

	it('hands a task to each of several workers at once', async () => {
		pool = createWorkerPool({ size: 2, maxQueue: 0, spawn });
		const answers = (await Promise.all([
			pool.run({ sleep: 100 }),
			pool.run({ sleep: 100 })
		])) as Answer[];
		expect(new Set(answers.map((answer) => answer.threadId)).size).toBe(2);
	});

	it('passes on a failed task and goes on', async () => {
		pool = createWorkerPool({ size: 1, maxQueue: 4, spawn });
		await expect(pool.run({ fail: 'x' })).rejects.toThrow('failed: x');
		expect(((await pool.run({ echo: 'after' })) as Answer).echo).toBe('after');
	});

	it('replaces a worker that dies, failing only its task', async () => {
		const exits: Error[] = [];
		pool = createWorkerPool({ size: 1, maxQueue: 4, spawn, onExit: (error) => exits.push(error) });
		const dying = pool.run({ die: true });
		const waiting = pool.run({ echo: 'next' });
		await expect(dying).rejects.toThrow(/exit code 3/);
		expect(((await waiting) as Answer).echo).toBe('next');
		expect(exits).toHaveLength(1);
	});

	it('stops a task that runs over its time, and the next task still runs', async () => {
		pool = createWorkerPool({ size: 1, maxQueue: 4, spawn, taskTimeoutMs: 100 });
		await expect(pool.run({ sleep: 2_000 })).rejects.toThrow(/ran over 100 ms/);
		expect(((await pool.run({ echo: 'fresh' })) as Answer).echo).toBe('fresh');
	});

	it('does not restart a worker that cannot start in a tight loop', async () => {
		let spawned = 0;
		pool = createWorkerPool({
			size: 1,
			maxQueue: 4,
			spawn: () => {
				spawned++;
				return new Worker('process.exit(1)', { eval: true });
			}
		});
		await new Promise((resolve) => setTimeout(resolve, 500));
		// Without the pause this is in the dozens or hundreds.
		expect(spawned).toBeLessThanOrEqual(2);
	});
});
