import { describe, expect, it } from 'vitest';
import { DrawQueue, TASK_BUDGET_MS } from './draw-queue';

/** Waits long enough for every task the queue posts here to have run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 4 * TASK_BUDGET_MS + 100));

describe('DrawQueue', () => {
	it('draws later, in the order asked, the latest drawing of a chart in its first place', async () => {
		const queue = new DrawQueue();
		const [a, b] = [{}, {}];
		const drawn: string[] = [];
		queue.ask(a, () => drawn.push('a1'));
		queue.ask(b, () => drawn.push('b'));
		queue.ask(a, () => drawn.push('a2'));
		expect(drawn).toEqual([]);
		await settle();
		expect(drawn).toEqual(['a2', 'b']);
	});

	it('starts no drawing after a task spent its budget: the page gets a turn first', async () => {
		const queue = new DrawQueue();
		const log: string[] = [];
		const busy = (ms: number) => {
			const start = performance.now();
			while (performance.now() - start < ms);
		};
		for (const name of ['a', 'b', 'c']) {
			queue.ask({}, () => {
				log.push(name);
				busy(TASK_BUDGET_MS + 5);
				queueMicrotask(() => log.push(`after ${name}`));
			});
		}
		await settle();
		expect(log).toEqual(['a', 'after a', 'b', 'after b', 'c', 'after c']);
	});

	it('draws quick drawings in one task', async () => {
		const queue = new DrawQueue();
		const log: string[] = [];
		for (const name of ['a', 'b', 'c']) {
			queue.ask({}, () => {
				log.push(name);
				queueMicrotask(() => log.push(`after ${name}`));
			});
		}
		await settle();
		expect(log).toEqual(['a', 'b', 'c', 'after a', 'after b', 'after c']);
	});

	it('draws a chart at once when asked, and not again', async () => {
		const queue = new DrawQueue();
		const [a, b, c] = [{}, {}, {}];
		const drawn: string[] = [];
		queue.ask(a, () => drawn.push('a'));
		queue.ask(b, () => drawn.push('b'));
		queue.ask(c, () => drawn.push('c'));
		queue.drawNow(b);
		expect(drawn).toEqual(['b']);
		queue.forget(c);
		await settle();
		expect(drawn).toEqual(['b', 'a']);
	});

	it('draws everything waiting before a printout, in order', async () => {
		const queue = new DrawQueue();
		const drawn: string[] = [];
		queue.ask({}, () => drawn.push('a'));
		queue.ask({}, () => drawn.push('b'));
		queue.drawAll();
		expect(drawn).toEqual(['a', 'b']);
		await settle();
		expect(drawn).toEqual(['a', 'b']);
	});

	it('keeps drawing after it ran dry', async () => {
		const queue = new DrawQueue();
		const drawn: string[] = [];
		queue.ask({}, () => drawn.push('a'));
		await settle();
		queue.ask({}, () => drawn.push('b'));
		await settle();
		expect(drawn).toEqual(['a', 'b']);
	});
});
