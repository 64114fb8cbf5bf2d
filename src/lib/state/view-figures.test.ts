import { beforeAll, describe, expect, it } from 'vitest';
import { loadSampleDataset } from '$lib/dataset/sample';
import { createNodeEngine } from '$lib/engine/node';
import type { Engine } from '$lib/engine/types';
import { repoFile } from '$lib/testing/node-engine';
import { decodeUrlState, type UrlState } from '$lib/url-state/url-state';
import type { BudgetView } from '$lib/views/models';
import { ViewFiguresOwner } from './view-figures.svelte';

// The owner of the views' queries, on the real engine with the shipped sample: the server's
// figures until the browser's are in, a superseded run that can never overwrite a newer one,
// and a failure that is its own view's.

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
	await loadSampleDataset(engine, async (name) => repoFile(`data/${name}`));
});

const stateOf = (query: string): UrlState => decodeUrlState(new URLSearchParams(query)).state;

async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(check()).toBe(true);
}

describe('ViewFiguresOwner', () => {
	it('shows the server’s figures until the engine is ready, then the browser’s', async () => {
		const owner = new ViewFiguresOwner();
		const server = { byDistrictYear: [] } as unknown as BudgetView;
		expect(owner.figuresOf('budget', false, server)).toEqual({
			model: server,
			from: 'server',
			pending: true,
			busy: false,
			error: null
		});
		expect(owner.figuresOf('budget', false, null)).toMatchObject({ from: 'none', busy: true });

		owner.run('budget', engine, stateOf('v=budget'));
		expect(owner.figuresOf('budget', true, server)).toMatchObject({ from: 'server', busy: true });
		await until(() => owner.figuresOf('budget', true, server).from === 'browser');
		const figures = owner.figuresOf('budget', true, server);
		expect(figures).toMatchObject({ pending: false, busy: false, error: null });
		expect(figures.model?.byDistrictYear.length).toBeGreaterThan(0);
		// Another view's figures are not this one's.
		expect(owner.figuresOf('trend', true, null)).toMatchObject({ model: null, from: 'none' });
	});

	it('a run superseded by a newer one never shows its figures', async () => {
		const owner = new ViewFiguresOwner();
		// The older run's engine answers late: without the cancel its figures would land last.
		const slow: Engine = {
			...engine,
			query: async <T extends object>(...args: Parameters<Engine['query']>) => {
				await new Promise((resolve) => setTimeout(resolve, 150));
				return engine.query<T>(...args);
			}
		};
		const cancelOld = owner.run('trend', slow, stateOf('v=trend&y=2017'));
		cancelOld();
		owner.run('trend', engine, stateOf('v=trend&y=2019,2020'));
		await until(() => owner.figuresOf('trend', true, null).from === 'browser');
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(owner.figuresOf('trend', true, null).model?.years).toEqual([2019, 2020]);
	});

	it('a failed query is reported on its own view only', async () => {
		const owner = new ViewFiguresOwner();
		const broken: Engine = {
			...engine,
			query: <T extends object>() => Promise.reject<T[]>(new Error('engine stopped'))
		};
		owner.run('budget', broken, stateOf('v=budget'));
		await until(() => owner.figuresOf('budget', true, null).error !== null);
		expect(owner.figuresOf('budget', true, null)).toMatchObject({
			error: 'engine stopped',
			pending: false
		});
		expect(owner.figuresOf('gap', true, null).error).toBeNull();
	});
});
