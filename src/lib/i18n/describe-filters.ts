import { localName } from '$lib/domain/district';
import { EVALUATOR_TYPES, type EvaluatorType } from '$lib/domain/evaluation';
import type { DashboardFilters } from '$lib/query/filters';
import type { FilterOptionRows } from '$lib/query/scores';
import { translate, type Locale, type MessageParams } from './index';
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

/** One chip per filter in use: the group, its choice in few words, and in full for its button. */
export interface FilterChip {
	key: keyof DashboardFilters;
	group: string;
	/** "2017 제외", "성북구", "2018, 2019 외 2개". */
	text: string;
	/** Every value named, for the chip's button: "연도 2017 제외". */
	full: string;
}

/** More names than this and a chip says "외 n개" ("and n more"); its button still says all. */
const CHIP_NAMES = 2;

/**
 * The chips above the figures. Each says the shorter of what is kept and what is left out:
 * four of five years kept is "2017 제외", one of ten districts is "성북구". Indicators are
 * always named: they are chosen from within an area, one at a time.
 */
export function describeFilterChips(
	filters: DashboardFilters,
	options: FilterOptionRows,
	locale: Locale
): FilterChip[] {
	const t = (key: MessageKey, values?: MessageParams) => translate(locale, key, values);
	const list = (names: string[]) => names.join(', ');
	const shortList = (names: string[]) =>
		names.length > CHIP_NAMES + 1
			? t('chips.more', {
					values: list(names.slice(0, CHIP_NAMES)),
					count: names.length - CHIP_NAMES
				})
			: list(names);
	const chip = <K extends keyof DashboardFilters>(
		key: K,
		group: MessageKey,
		all: readonly string[] | null,
		chosen: readonly string[],
		nameOf: (value: string) => string
	): FilterChip | null => {
		if (chosen.length === 0) return null;
		// Named in the order the filter lists them, not the order they were ticked.
		const kept = all ? all.filter((value) => chosen.includes(value)) : [...chosen];
		const left = all ? all.filter((value) => !chosen.includes(value)) : [];
		const excluding = left.length > 0 && left.length < kept.length;
		const names = (excluding ? left : kept).map(nameOf);
		const say = (words: string) => (excluding ? t('chips.except', { values: words }) : words);
		return {
			key,
			group: t(group),
			text: say(shortList(names)),
			full: `${t(group)} ${say(list(names))}`
		};
	};
	const same = (value: string) => value;
	return [
		chip('years', 'filters.years', options.years.map(String), filters.years.map(String), same),
		chip(
			'districts',
			'filters.districts',
			options.districts.map((d) => d.code),
			filters.districts,
			(code) => districtNameOf(code, options, locale)
		),
		chip(
			'evaluatorTypes',
			'filters.evaluatorTypes',
			EVALUATOR_TYPES,
			filters.evaluatorTypes,
			(type) => translate(locale, `evaluator.${type as EvaluatorType}`)
		),
		chip('areas', 'filters.areas', options.areas, filters.areas, same),
		chip('indicators', 'filters.indicators', null, filters.indicators, same)
	].filter((found) => found !== null);
}
