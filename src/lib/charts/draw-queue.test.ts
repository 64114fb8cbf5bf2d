import { describe, expect, it } from 'vitest';
import { DrawQueue, TASK_BUDGET_MS, TASK_LIMIT_MS, type IdleTime } from './draw-queue';

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

	describe('charts out of sight', () => {
		/** A queue whose idle periods the test hands out itself, each with the time it says is left. */
		const queueWithHeldIdle = () => {
			const pending: ((idle: IdleTime) => void)[] = [];
			const idle = {
				get asked() {
					return pending.length;
				},
				/** Runs the oldest idle callback with `ms` left (and as much after each drawing). */
				give(ms: number) {
					pending.shift()?.({ timeRemaining: () => ms });
				}
			};
			return { idle, queue: new DrawQueue((callback) => void pending.push(callback)) };
		};

		it('waits for the page to be idle, after the charts in sight', async () => {
			const { idle, queue } = queueWithHeldIdle();
			const drawn: string[] = [];
			queue.askWhenIdle({}, () => drawn.push('below'));
			queue.ask({}, () => drawn.push('in sight'));
			await settle();
			expect(drawn).toEqual(['in sight']);
			expect(idle.asked).toBe(1);
			idle.give(50);
			expect(drawn).toEqual(['in sight', 'below']);
		});

		it('draws as many as the idle period has time for, at least one, and asks for more', () => {
			const { idle, queue } = queueWithHeldIdle();
			const drawn: string[] = [];
			for (const name of ['a', 'b', 'c']) queue.askWhenIdle({}, () => drawn.push(name));
			// Each asking after the first finds an idle period already asked for.
			expect(idle.asked).toBe(1);
			idle.give(0);
			expect(drawn).toEqual(['a']);
			expect(idle.asked).toBe(1);
			idle.give(50);
			expect(drawn).toEqual(['a', 'b', 'c']);
			expect(idle.asked).toBe(0);
		});

		it('leaves a chart longer than the time left to the next idle period', () => {
			const { idle, queue } = queueWithHeldIdle();
			const [slow, quick] = [{}, {}];
			const drawn: string[] = [];
			const drawing = (name: string, ms: number) => () => {
				drawn.push(name);
				busy(ms);
			};
			queue.askWhenIdle(quick, drawing('quick', 0));
			queue.askWhenIdle(slow, drawing('slow', 20));
			idle.give(100);
			drawn.length = 0;
			// Drawn once, slow is known to take 20 ms: with 10 left it waits.
			queue.askWhenIdle(quick, drawing('quick', 0));
			queue.askWhenIdle(slow, drawing('slow', 20));
			idle.give(10);
			expect(drawn).toEqual(['quick']);
			idle.give(10);
			expect(drawn).toEqual(['quick', 'slow']);
		});

		it('draws a chart that comes into sight in the next turn, once, with its latest drawing', async () => {
			const { idle, queue } = queueWithHeldIdle();
			const chart = {};
			const drawn: string[] = [];
			queue.askWhenIdle(chart, () => drawn.push('first'));
			queue.askWhenIdle(chart, () => drawn.push('latest'));
			queue.ask(chart, () => drawn.push('in sight'));
			await settle();
			expect(drawn).toEqual(['in sight']);
			idle.give(50);
			expect(drawn).toEqual(['in sight']);
		});

		it('keeps the turn of a chart already waiting for one', async () => {
			const { idle, queue } = queueWithHeldIdle();
			const chart = {};
			const drawn: string[] = [];
			queue.ask(chart, () => drawn.push('asked'));
			queue.askWhenIdle(chart, () => drawn.push('latest'));
			await settle();
			expect(drawn).toEqual(['latest']);
			expect(idle.asked).toBe(0);
		});

		it('draws them at once when asked, before a printout, and forgets them', () => {
			const { idle, queue } = queueWithHeldIdle();
			const [a, b, c] = [{}, {}, {}];
			const drawn: string[] = [];
			queue.askWhenIdle(a, () => drawn.push('a'));
			queue.askWhenIdle(b, () => drawn.push('b'));
			queue.askWhenIdle(c, () => drawn.push('c'));
			queue.drawNow(b);
			queue.forget(c);
			expect(drawn).toEqual(['b']);
			queue.drawAll();
			expect(drawn).toEqual(['b', 'a']);
			idle.give(50);
			expect(drawn).toEqual(['b', 'a']);
		});

		it('still draws the others when one drawing throws', () => {
			const { idle, queue } = queueWithHeldIdle();
			const drawn: string[] = [];
			queue.askWhenIdle({}, () => {
				throw new Error('broken option');
			});
			queue.askWhenIdle({}, () => drawn.push('b'));
			expect(() => idle.give(50)).toThrow('broken option');
			expect(idle.asked).toBe(1);
			idle.give(50);
			expect(drawn).toEqual(['b']);
		});

		it('draws without requestIdleCallback (Safari), a short while later', async () => {
			expect(typeof globalThis.requestIdleCallback).toBe('undefined');
			const queue = new DrawQueue();
			const drawn: string[] = [];
			queue.askWhenIdle({}, () => drawn.push('below'));
			expect(drawn).toEqual([]);
			await settle();
			expect(drawn).toEqual(['below']);
		});
	});
});
