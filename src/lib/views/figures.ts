import type { DatasetContents } from '$lib/dataset/contents';
import type { PublishedDataset } from '$lib/dataset/published';
import { urlStateSearch, type UrlState } from '$lib/url-state/url-state';
import type { HeadlineView } from './headline-view';
import type { BudgetView, GapView, TrendView } from './models';

// Kept apart from `page-figures.ts`, which imports every view's loader: the browser's page needs
// these types and the key, and must not pull in the views it does not show (src/routes/+page.ts).

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
