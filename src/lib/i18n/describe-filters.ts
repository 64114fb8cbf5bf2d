import { localName } from '$lib/domain/district';
import { EVALUATOR_TYPES } from '$lib/domain/evaluation';
import type { DashboardFilters } from '$lib/query/filters';
import type { FilterOptionRows } from '$lib/query/scores';
import { translate, type Locale } from './index';

/** A district's name in the UI language, from its code; the code itself if it is unknown. */
export function districtNameOf(
	code: string,
	options: Pick<FilterOptionRows, 'districts'>,
	locale: Locale
): string {
	const district = options.districts.find((d) => d.code === code);
	return district ? localName(locale, district.name_ko, district.name_en) : code;
}

/**
 * "연도 2018, 2019 · 자치구 전체 · …": what a chart's numbers are filtered by, for subtitles.
 * Indicators are named only when chosen: most views are read across all of them.
 */
export function describeFilters(
	filters: DashboardFilters,
	options: Pick<FilterOptionRows, 'districts'>,
	locale: Locale
): string {
	const all = translate(locale, 'filters.summaryAll');
	const list = (values: readonly string[]) => (values.length ? values.join(', ') : all);
	const districtName = (code: string) => districtNameOf(code, options, locale);
	const types = EVALUATOR_TYPES.filter((type) => filters.evaluatorTypes.includes(type));
	return [
		`${translate(locale, 'filters.years')} ${list(filters.years.map(String))}`,
		`${translate(locale, 'filters.districts')} ${list(filters.districts.map(districtName))}`,
		`${translate(locale, 'filters.evaluatorTypes')} ${list(types.map((type) => translate(locale, `evaluator.${type}`)))}`,
		`${translate(locale, 'filters.areas')} ${list(filters.areas)}`,
		...(filters.indicators.length
			? [`${translate(locale, 'filters.indicators')} ${filters.indicators.join(', ')}`]
			: [])
	].join(' · ');
}
