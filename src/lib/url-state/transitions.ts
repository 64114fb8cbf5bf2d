import type { DashboardFilters } from '$lib/query/filters';
import type { Level, UrlState } from './url-state';

// What a click on a chart or a table does to the state, as pure functions: the views decide
// which element was clicked, these decide where that leads. One place for each rule, tested
// without a browser.

/**
 * A row of the breakdown chosen: a district drills into its areas, an area into its
 * indicators; an indicator is filtered on.
 */
export function drillInto(state: UrlState, key: string): UrlState {
	const { filters } = state;
	if (state.level === 'district') {
		return { ...state, level: 'area', filters: { ...filters, districts: [key] } };
	}
	if (state.level === 'area') {
		return { ...state, level: 'indicator', filters: { ...filters, areas: [key] } };
	}
	return { ...state, filters: { ...filters, indicators: [key] } };
}

/**
 * A cell of the gap heatmap chosen (a district × an area, or × an indicator): the district and
 * that row, one level down from areas.
 */
export function drillIntoCell(state: UrlState, district: string, row: string): UrlState {
	const { filters } = state;
	return state.level === 'district'
		? {
				...state,
				level: 'indicator',
				filters: { ...filters, districts: [district], areas: [row] }
			}
		: { ...state, filters: { ...filters, districts: [district], indicators: [row] } };
}

/** One district chosen (a point, a line): the filters keep only it. */
export function focusDistrict(state: UrlState, district: string): UrlState {
	return { ...state, filters: { ...state.filters, districts: [district] } };
}

/** One year chosen (an axis label of a trend): the filters keep only it. */
export function focusYear(state: UrlState, year: number): UrlState {
	return { ...state, filters: { ...state.filters, years: [year] } };
}

/** Back up to a level: going up releases the choices that drilled down to where the view is. */
export function goUpTo(state: UrlState, level: Level): UrlState {
	const { filters } = state;
	return level === 'district'
		? { ...state, level, filters: { ...filters, districts: [], areas: [] } }
		: { ...state, level, filters: { ...filters, areas: [] } };
}

/**
 * New filters, from the filter panel or a chip: a drill-down stands on the choices that made
 * it, so releasing the districts goes back to the districts, and releasing the areas of a
 * drill into indicators goes back to the areas. The page never says "no filters" while
 * showing one district's areas.
 */
export function withFilters(state: UrlState, filters: DashboardFilters): UrlState {
	const level: Level =
		filters.districts.length === 0 && state.filters.districts.length > 0
			? 'district'
			: filters.areas.length === 0 && state.filters.areas.length > 0 && state.level === 'indicator'
				? 'area'
				: state.level;
	return { ...state, level, filters };
}
