import type { DashboardFilters } from '$lib/query/filters';
import type { FilterOptionRows } from '$lib/query/scores';
import { PARAM, type UrlStateError } from './url-state';

/**
 * Keeps only filter values the loaded data has, reporting the rest: a link may name a district
 * or an area this browser's data does not hold.
 */
export function restrictToData(
	filters: DashboardFilters,
	options: FilterOptionRows
): { filters: DashboardFilters; errors: UrlStateError[] } {
	const errors: UrlStateError[] = [];
	const keep = <T>(param: string, values: readonly T[], known: readonly T[]): T[] =>
		values.filter((value) => {
			const ok = known.includes(value);
			if (!ok) errors.push({ param, value: String(value).slice(0, 40) });
			return ok;
		});
	return {
		filters: {
			years: keep(PARAM.years, filters.years, options.years),
			districts: keep(
				PARAM.districts,
				filters.districts,
				options.districts.map((d) => d.code)
			),
			evaluatorTypes: filters.evaluatorTypes,
			areas: keep(PARAM.areas, filters.areas, options.areas),
			indicators: keep(
				PARAM.indicators,
				filters.indicators,
				options.indicators.map((i) => i.indicator)
			)
		},
		errors
	};
}
