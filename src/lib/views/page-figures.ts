import type { Engine } from '$lib/engine/types';
import type { UrlState, View } from '$lib/url-state/url-state';
import { loadBudgetView } from './budget-view';
import { figuresKey, type PageFigures, type ViewFigures } from './figures';
import { loadGapView } from './gap-view';
import { loadHeadlineView } from './headline-view';
import { loadTrendView } from './trend-view';

/**
 * The page's figures for a state, from the same loaders the views run: the server calls this
 * for the first paint, and the browser's views call the loaders one by one afterwards.
 */
export async function loadPageFigures(engine: Engine, state: UrlState): Promise<PageFigures> {
	const [headline, view] = await Promise.all([
		loadHeadlineView(engine, state),
		loadViewFigures(engine, state)
	]);
	return { key: figuresKey(state), headline, view };
}

async function loadViewFigures(engine: Engine, state: UrlState): Promise<ViewFigures> {
	const view: View = state.view;
	switch (view) {
		case 'gap':
			return { view, model: await loadGapView(engine, state) };
		case 'budget':
			return { view, model: await loadBudgetView(engine, state) };
		case 'trend':
			return { view, model: await loadTrendView(engine, state) };
	}
}
