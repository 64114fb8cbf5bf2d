import type { DatasetContents } from '$lib/dataset/contents';
import type { PublishedDataset } from '$lib/dataset/published';
import type { Engine } from '$lib/engine/types';
import { urlStateSearch, type UrlState, type View } from '$lib/url-state/url-state';
import { loadBudgetView } from './budget-view';
import { loadGapView } from './gap-view';
import { loadHeadlineView, type HeadlineView } from './headline-view';
import type { BudgetView, GapView, TrendView } from './models';
import { loadTrendView } from './trend-view';

/** The model of one analysis view, tagged with the view it belongs to. */
export type ViewFigures =
	| { view: 'gap'; model: GapView }
	| { view: 'budget'; model: BudgetView }
	| { view: 'trend'; model: TrendView };

/** Everything the page shows for one state: the headline and the open view. */
export interface PageFigures {
	/** The state these figures are for (see `figuresKey`). */
	key: string;
	headline: HeadlineView;
	view: ViewFigures;
}

/** What the server hands the page for its first paint. */
export interface ServerFigures {
	contents: DatasetContents;
	/** The published dataset the link names; null for the shipped sample. */
	published: PublishedDataset | null;
	figures: PageFigures;
}

/** Which figures a state shows: everything in the URL but the language, which changes words only. */
export function figuresKey(state: UrlState): string {
	return urlStateSearch({ ...state, locale: 'ko' });
}

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
