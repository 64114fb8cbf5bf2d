import type { Engine } from '$lib/engine/types';
import type { UrlState, View } from '$lib/url-state/url-state';
import type { BudgetView, GapView, TrendView } from '$lib/views/models';
import { ViewResource } from './view-resource.svelte';

/** Each view's figures, by view. */
export interface ViewModels {
	gap: GapView;
	budget: BudgetView;
	trend: TrendView;
}

/** What an analysis view is handed: its figures and where they stand, never the engine. */
export interface ViewFigures<Model> {
	/** The browser's figures once it has them; the server's for this state before; else null. */
	model: Model | null;
	/** Whose figures `model` holds. */
	from: 'browser' | 'server' | 'none';
	/** Figures for this state are on their way (the browser's engine is still starting, or querying). */
	pending: boolean;
	/** Pending with nothing to show meanwhile, or querying: the view is marked busy. */
	busy: boolean;
	/** Why the last query failed; null when it did not. */
	error: string | null;
}

type Loader<V extends View> = (engine: Engine, state: UrlState) => Promise<ViewModels[V]>;

// Each loader is fetched with the view's own chunk the first time it is needed (the gap view's
// brings the agreement statistics and the t and F distributions), then called directly: even a
// loaded module's import() settles a task later, on every filter change.
const loaders: { [V in View]?: Loader<V> } = {};

async function loaderOf<V extends View>(view: V): Promise<Loader<V>> {
	const known = loaders[view] as Loader<V> | undefined;
	if (known) return known;
	const loaded = (
		view === 'gap'
			? (await import('$lib/views/gap-view')).loadGapView
			: view === 'budget'
				? (await import('$lib/views/budget-view')).loadBudgetView
				: (await import('$lib/views/trend-view')).loadTrendView
	) as Loader<V>;
	(loaders as Record<View, unknown>)[view] = loaded;
	return loaded;
}

/**
 * The one owner of the analysis views' queries: it runs the open view's loader on the engine
 * for the current state, cancels a run the next change supersedes, and says what the view has
 * to show, falling back to the server's figures until the browser's are in. `run` returns its
 * cleanup, for `$effect.pre(() => figures.run(view, engine, state))`.
 */
export class ViewFiguresOwner {
	readonly #resource = new ViewResource<{ view: View; model: ViewModels[View] }>();
	/** The view the latest run is for: its error is not another view's. */
	#running = $state<View | null>(null);

	run(view: View, engine: Engine, state: UrlState): () => void {
		this.#running = view;
		return this.#resource.run(async () => {
			const load = await loaderOf(view);
			return { view, model: await load(engine, state) };
		});
	}

	/** What a view shows now, given whether the engine is ready and the server's figures. */
	figuresOf<V extends View>(
		view: V,
		engineReady: boolean,
		serverModel: ViewModels[V] | null
	): ViewFigures<ViewModels[V]> {
		const value = this.#resource.value;
		const mine = value && value.view === view ? (value.model as ViewModels[V]) : null;
		const loading = this.#resource.loading;
		return {
			model: mine ?? serverModel,
			from: mine ? 'browser' : serverModel ? 'server' : 'none',
			pending: loading || !engineReady,
			busy: loading || (!engineReady && !serverModel),
			error: this.#running === view ? this.#resource.error : null
		};
	}
}
