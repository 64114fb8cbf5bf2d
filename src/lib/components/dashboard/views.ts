import type { Component } from 'svelte';
import { VIEWS, type View } from '$lib/url-state/url-state';
import type { BudgetView, GapView, TrendView } from '$lib/views/models';
import type { ViewProps } from './view-props';

/** An analysis view's component, tagged with the view it draws. */
export type ViewComponent =
	| { view: 'gap'; component: Component<ViewProps<GapView>> }
	| { view: 'budget'; component: Component<ViewProps<BudgetView>> }
	| { view: 'trend'; component: Component<ViewProps<TrendView>> };

// Each view is a chunk of its own, with its chart builders, analysis and loader (the gap view's
// t and F distributions alone are some 30 KB of gzip): a page carries the view it opens with,
// and fetches another the first time it is asked for; asking again returns the same module.

/** The component of a view, with its code fetched the first time. */
export async function loadViewComponent(view: View): Promise<ViewComponent> {
	switch (view) {
		case 'gap':
			return { view, component: (await import('./GapView.svelte')).default };
		case 'budget':
			return { view, component: (await import('./BudgetView.svelte')).default };
		case 'trend':
			return { view, component: (await import('./TrendView.svelte')).default };
	}
}

/**
 * Fetches every view's code without showing any. A failure is not reported here: opening the
 * view asks for it again (+page.ts), and fails there, visibly, if it must.
 */
export function prefetchViews(): void {
	// GapView imports its loader only once DuckDB is ready (see there).
	for (const fetched of [...VIEWS.map(loadViewComponent), import('$lib/views/gap-view')]) {
		fetched.catch(() => {});
	}
}
