import type { Engine } from '$lib/engine/types';
import type { FilterOptionRows } from '$lib/query/scores';
import type { UrlState } from '$lib/url-state/url-state';

/** What every analysis view gets from the dashboard; `Model` is the view's figures. */
export interface ViewProps<Model> {
	/** The browser's engine once the data is in it; null before. */
	engine: Engine | null;
	/** Changes whenever the loaded data changes: the view queries again. */
	revision: number;
	/** The server's figures for exactly this state, shown until the engine has answered. */
	serverModel: Model | null;
	state: UrlState;
	options: FilterOptionRows;
	onStateChange: (next: UrlState) => void;
}
