import { describe, expect, it } from 'vitest';
import { DrawQueue, TASK_BUDGET_MS, TASK_LIMIT_MS } from './draw-queue';

/** Waits long enough for every task the queue posts here to have run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 4 * TASK_BUDGET_MS + 100));

const busy = (ms: number) => {
	const start = performance.now();
	while (performance.now() - start < ms);
};

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

	it('starts no chart whose last drawing says it would end past the limit', async () => {
		const queue = new DrawQueue();
		const [a, b] = [{}, {}];
		const log: string[] = [];
		const drawing = (name: string) => () => {
			log.push(name);
			busy(TASK_LIMIT_MS / 2);
			queueMicrotask(() => log.push(`after ${name}`));
		};
		// Drawn once, each is known to take half the limit.
		queue.ask(a, drawing('a'));
		queue.ask(b, drawing('b'));
		await settle();
		log.length = 0;
		// b, though started within the budget, would end at the limit: it gets a task of its own.
		queue.ask(a, drawing('a'));
		queue.ask(b, drawing('b'));
		await settle();
		expect(log).toEqual(['a', 'after a', 'b', 'after b']);
	});

	it('leaves a chart longer than the limit out of the page’s own task, and draws it alone', async () => {
		const queue = new DrawQueue();
		const [slow, quick] = [{}, {}];
		const log: string[] = [];
		const drawing = (name: string, ms: number) => () => {
			log.push(name);
			busy(ms);
		};
		queue.ask(slow, drawing('slow', TASK_LIMIT_MS + 5));
		await settle();
		log.length = 0;
		// Asked during the page's update (this task): the slow chart is not drawn at its end.
		queue.ask(slow, drawing('slow', TASK_LIMIT_MS + 5));
		queue.ask(quick, drawing('quick', 1));
		queueMicrotask(() => log.push('end of the page’s task'));
		await settle();
		expect(log).toEqual(['end of the page’s task', 'slow', 'quick']);
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
