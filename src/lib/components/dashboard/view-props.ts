import type { Engine } from '$lib/engine/types';
import type { FilterOptionRows } from '$lib/query/scores';
import type { UrlState } from '$lib/url-state/url-state';

/** What every analysis view gets from the dashboard. */
export interface ViewProps {
	engine: Engine;
	/** Changes whenever the loaded data changes: the view queries again. */
	revision: number;
	state: UrlState;
	options: FilterOptionRows;
	onStateChange: (next: UrlState) => void;
}
