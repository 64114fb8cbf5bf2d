import { describe, expect, it } from 'vitest';
import type { UrlState } from '$lib/url-state/url-state';
import type { ComputedFigures } from './dataset-engines';
import { createFigureServer, type FigureServerOptions } from './first-figures';
import { PoolBusyError } from './pool';

const KNOWN_ID = 'AAAAAAAAAAAAAAAAAAAAAA';
const UNKNOWN_ID = 'BBBBBBBBBBBBBBBBBBBBBB';

/** What a dataset holds, as the engines would report it: years 2019 and 2020 only. */
function computed(state: UrlState): ComputedFigures {
	return {
		contents: {
			options: { years: [2019, 2020], districts: [], areas: [], indicators: [] }
		} as unknown as ComputedFigures['contents'],
		published: null,
		figures: { key: JSON.stringify(state.filters.years) } as ComputedFigures['figures']
	};
}

/** A runner whose answers the test releases by hand, counting what it was asked. */
function fakeRunner() {
	const asked: UrlState[] = [];
	const waiting: {
		state: UrlState;
		resolve: (value: ComputedFigures | null) => void;
		reject: (error: Error) => void;
	}[] = [];
	return {
		asked,
		waiting,
		runner: {
			figures: (state: UrlState) =>
				new Promise<ComputedFigures | null>((resolve, reject) => {
					asked.push(state);
					waiting.push({ state, resolve, reject });
				}),
			check: async () => ({ ok: true as const, snapshot: { key: '', tables: [] } })
		},
		answerAll() {
			for (const task of waiting.splice(0)) task.resolve(computed(task.state));
		}
	};
}

function server(overrides: Partial<FigureServerOptions> = {}) {
	const fake = fakeRunner();
	let lookups = 0;
	const figureServer = createFigureServer({
		runner: fake.runner,
		busy: () => false,
		datasetExists: async (id) => {
			lookups++;
			return id === KNOWN_ID;
		},
		budgetMs: 50,
		...overrides
	});
	return { figureServer, fake, lookups: () => lookups };
}

const params = (query: string) => new URLSearchParams(query);

describe('first figures on the event loop', () => {
	it('refuses an unknown dataset id with a lookup only, never a task or an entry', async () => {
		const { figureServer, fake, lookups } = server();
		for (let i = 0; i < 20; i++) {
			expect(await figureServer.figuresFor(params(`ds=${UNKNOWN_ID}&y=${2000 + i}`))).toBeNull();
		}
		expect(fake.asked).toHaveLength(0);
		expect(lookups()).toBe(20);
	});

	it('asks the store about a known dataset once', async () => {
		const { figureServer, fake, lookups } = server();
		const first = figureServer.figuresFor(params(`ds=${KNOWN_ID}`));
		await Promise.resolve();
		await Promise.resolve();
		fake.answerAll();
		await first;
		fake.answerAll();
		await figureServer.figuresFor(params(`ds=${KNOWN_ID}&y=2019`));
		expect(lookups()).toBe(1);
	});

	it('builds keys after dropping years the data does not hold: a hundred absent years are one task', async () => {
		const { figureServer, fake } = server();
		const first = figureServer.figuresFor(params(''));
		await new Promise((resolve) => setTimeout(resolve, 0));
		fake.answerAll();
		await first;
		for (let year = 2000; year <= 2100; year++) {
			if (year === 2019 || year === 2020) continue;
			expect(await figureServer.figuresFor(params(`y=${year}`))).not.toBeNull();
		}
		expect(fake.asked).toHaveLength(1);
	});

	it('answers without figures when they are not ready within the budget, and keeps them for later', async () => {
		const { figureServer, fake } = server({ budgetMs: 20 });
		expect(await figureServer.figuresFor(params('v=budget'))).toBeNull();
		fake.answerAll();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(await figureServer.figuresFor(params('v=budget'))).not.toBeNull();
		expect(fake.asked).toHaveLength(1);
	});

	it('never waits on another page’s work: with every worker busy it answers at once', async () => {
		const { figureServer, fake } = server({ busy: () => true, budgetMs: 60_000 });
		// Resolves only if figuresFor does not wait for the runner (which never answers here).
		expect(await figureServer.figuresFor(params('v=trend'))).toBeNull();
		expect(fake.asked).toHaveLength(1);
	});

	it('remembers a failed dataset for a while, and tries again after', async () => {
		let clock = 0;
		const { figureServer, fake } = server({ failureMemoryMs: 1_000, now: () => clock });
		const failing = figureServer.figuresFor(params(`ds=${KNOWN_ID}`));
		await new Promise((resolve) => setTimeout(resolve, 0));
		fake.waiting.shift()!.reject(new Error('corrupt'));
		await expect(failing).rejects.toThrow('corrupt');
		expect(await figureServer.figuresFor(params(`ds=${KNOWN_ID}&y=2019`))).toBeNull();
		expect(fake.asked).toHaveLength(1);
		clock = 1_001;
		const again = figureServer.figuresFor(params(`ds=${KNOWN_ID}`));
		await new Promise((resolve) => setTimeout(resolve, 0));
		fake.answerAll();
		expect(await again).not.toBeNull();
		expect(fake.asked).toHaveLength(2);
	});

	it('does not hold a full queue against the dataset', async () => {
		const { figureServer, fake } = server();
		const refused = figureServer.figuresFor(params(''));
		await new Promise((resolve) => setTimeout(resolve, 0));
		fake.waiting.shift()!.reject(new PoolBusyError());
		expect(await refused).toBeNull();
		const next = figureServer.figuresFor(params(''));
		await new Promise((resolve) => setTimeout(resolve, 0));
		fake.answerAll();
		expect(await next).not.toBeNull();
	});

	it('sends no figures that were too large, but learns the data from them', async () => {
		const { figureServer, fake } = server();
		const first = figureServer.figuresFor(params(''));
		await new Promise((resolve) => setTimeout(resolve, 0));
		const task = fake.waiting.shift()!;
		task.resolve({ ...computed(task.state), figures: null });
		expect(await first).toBeNull();
		expect(await figureServer.figuresFor(params('y=2099'))).toBeNull();
		expect(fake.asked).toHaveLength(1);
	});
});
