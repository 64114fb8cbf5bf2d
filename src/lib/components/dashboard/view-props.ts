import type { FilterOptionRows } from '$lib/query/scores';
import type { ViewFigures } from '$lib/state/view-figures.svelte';
import type { UrlState } from '$lib/url-state/url-state';

/**
 * What every analysis view gets from the dashboard: its figures (`Model`) and where they stand,
 * the state and the filter options, and how to change the state. Never the engine: the
 * dashboard's ViewFiguresOwner runs the queries.
 */
export interface ViewProps<Model> {
	figures: ViewFigures<Model>;
	state: UrlState;
	options: FilterOptionRows;
	onStateChange: (next: UrlState) => void;
}
