import { localName } from '$lib/domain/district';
import { EVALUATOR_TYPES } from '$lib/domain/evaluation';
import type { DashboardFilters } from '$lib/query/filters';
import type { FilterOptionRows } from '$lib/query/scores';
import { translate, type Locale } from './index';
import type { MessageKey } from './messages';

/** A district's name in the UI language, from its code; the code itself if it is unknown. */
export function districtNameOf(
	code: string,
	options: Pick<FilterOptionRows, 'districts'>,
	locale: Locale
): string {
	const district = options.districts.find((d) => d.code === code);
	return district ? localName(locale, district.name_ko, district.name_en) : code;
}

/** Which filters apply: budget lines have years and districts, not evaluators or areas. */
export type FilterScope = 'scores' | 'budget';

/** The filters that apply to a figure, each with the names of its chosen values. */
function filterParts(
	filters: DashboardFilters,
	options: Pick<FilterOptionRows, 'districts'>,
	locale: Locale,
	scope: FilterScope
): { label: string; values: string[]; always: boolean }[] {
	const types = EVALUATOR_TYPES.filter((type) => filters.evaluatorTypes.includes(type));
	const part = (key: MessageKey, values: string[], always = true) => ({
		label: translate(locale, key),
		values,
		always
	});
	return [
		part('filters.years', filters.years.map(String)),
		part(
			'filters.districts',
			filters.districts.map((code) => districtNameOf(code, options, locale))
		),
		...(scope === 'budget'
			? []
			: [
					part(
						'filters.evaluatorTypes',
						types.map((type) => translate(locale, `evaluator.${type}`))
					),
					part('filters.areas', filters.areas),
					part('filters.indicators', filters.indicators, false)
				])
	];
}

/**
 * "연도 2018, 2019 · 자치구 전체 · …": what a chart's numbers are filtered by, for subtitles.
 * Indicators are named only when chosen: most views are read across all of them. A budget
 * figure names only the filters budgets have.
 */
export function describeFilters(
	filters: DashboardFilters,
	options: Pick<FilterOptionRows, 'districts'>,
	locale: Locale,
	scope: FilterScope = 'scores'
): string {
	const all = translate(locale, 'filters.summaryAll');
	return filterParts(filters, options, locale, scope)
		.filter((part) => part.always || part.values.length > 0)
		.map((part) => `${part.label} ${part.values.length ? part.values.join(', ') : all}`)
		.join(' · ');
}

/** Only the chosen filters, "연도 2019 · 자치구 성북구", or "필터 없음": short, for file names. */
export function describeChosenFilters(
	filters: DashboardFilters,
	options: Pick<FilterOptionRows, 'districts'>,
	locale: Locale,
	scope: FilterScope = 'scores'
): string {
	const chosen = filterParts(filters, options, locale, scope).filter(
		(part) => part.values.length > 0
	);
	return chosen.length
		? chosen.map((part) => `${part.label} ${part.values.join(', ')}`).join(' · ')
		: translate(locale, 'filters.none');
}

/** What a chart's figures are filtered by, in full (subtitles, CSV notes) and short (file names). */
export interface FilterWords {
	summary: string;
	chosen: string;
}

/** Both descriptions of the filters that apply to a figure, from one reading of them. */
export function describeFilterWords(
	filters: DashboardFilters,
	options: Pick<FilterOptionRows, 'districts'>,
	locale: Locale,
	scope: FilterScope = 'scores'
): FilterWords {
	return {
		summary: describeFilters(filters, options, locale, scope),
		chosen: describeChosenFilters(filters, options, locale, scope)
	};
}
