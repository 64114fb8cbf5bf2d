import {
	EVALUATOR_TYPES,
	EXTERNAL_SOURCES,
	TREND_SOURCES,
	isEvaluatorType,
	type EvaluatorType,
	type ExternalSource,
	type TrendSource
} from '$lib/domain/evaluation';
import { isDatasetId } from '$lib/domain/ids';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '$lib/i18n';
import { NO_FILTERS, type DashboardFilters } from '$lib/query/filters';

export const VIEWS = ['gap', 'budget', 'trend'] as const;
export type View = (typeof VIEWS)[number];

/** How deep the score-gap breakdown is drilled: districts, then areas, then indicators. */
export const LEVELS = ['district', 'area', 'indicator'] as const;
export type Level = (typeof LEVELS)[number];

/** Whose agreement the ICC table measures: the three sources, or one source's evaluators. */
export const AGREEMENT_CHOICES = ['sources', 'official', 'expert'] as const;
export type AgreementChoice = (typeof AGREEMENT_CHOICES)[number];

export { TREND_SOURCES, type TrendSource };

/** Everything the URL carries: what is shown, how, and in which language. */
export interface UrlState {
	locale: Locale;
	view: View;
	filters: DashboardFilters;
	external: ExternalSource;
	level: Level;
	agreement: AgreementChoice;
	trendSource: TrendSource;
	/** A published dataset to show instead of this browser's own uploads; null for none. */
	dataset: string | null;
	/**
	 * 변경 비교 (`v=diff`): the version the loaded data is compared with, as the address names it
	 * (`vs`: a published dataset's id, `sample` or `before`; checked by the view, which says what
	 * is wrong with it); '' before one is chosen; null when not comparing.
	 */
	compare: string | null;
	/** 자치구별 보고서 (`v=report`): one printable page per district, in place of the views. */
	report: boolean;
}

export const DEFAULT_URL_STATE: UrlState = {
	locale: DEFAULT_LOCALE,
	view: 'gap',
	filters: NO_FILTERS,
	external: 'mean',
	level: 'district',
	agreement: 'sources',
	trendSource: 'external',
	dataset: null,
	compare: null,
	report: false
};

/** The `v` value of the comparison, which shows in place of the analysis views. */
export const COMPARE_VIEW = 'diff';
/** The `v` value of the district reports, which show in place of the analysis views. */
export const REPORT_VIEW = 'report';

/** The form of a published dataset's id: 128 random bits, base64url. */

/** A part of the URL that was ignored. */
export interface UrlStateError {
	param: string;
	value: string;
}

// One table of short parameter names (like Rill's url-state): change a name here only.
export const PARAM = {
	locale: 'lang',
	view: 'v',
	years: 'y',
	districts: 'd',
	evaluatorTypes: 'e',
	areas: 'a',
	indicators: 'i',
	external: 'x',
	level: 'lv',
	agreement: 'ag',
	trendSource: 'ts',
	dataset: 'ds',
	compare: 'vs'
} as const;

const MAX_LIST_VALUES = 50;
const MAX_TEXT_LENGTH = 100;

function splitList(raw: string | null): string[] {
	if (raw === null || raw === '') return [];
	return raw.split(',').slice(0, MAX_LIST_VALUES);
}

function oneOf<T extends string>(allowed: readonly T[]) {
	return (value: string): T | null =>
		(allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * Reads the dashboard state from query parameters. Never throws: each invalid value is
 * dropped and reported, and the valid rest is kept. Only the first of duplicate keys counts
 * (areas and indicators, which may hold commas, repeat on purpose).
 */
export function decodeUrlState(params: URLSearchParams): {
	state: UrlState;
	errors: UrlStateError[];
} {
	const errors: UrlStateError[] = [];
	const report = (param: string, value: string) =>
		errors.push({ param, value: value.slice(0, 40) });
	const list = <T>(param: string, parse: (value: string) => T | null): T[] => {
		const kept: T[] = [];
		for (const value of splitList(params.get(param))) {
			const parsed = parse(value);
			if (parsed === null) report(param, value);
			else if (!kept.includes(parsed)) kept.push(parsed);
		}
		return kept;
	};
	const texts = (param: string): string[] => {
		const kept: string[] = [];
		for (const value of params.getAll(param).slice(0, MAX_LIST_VALUES)) {
			if (value.trim() === '' || value.length > MAX_TEXT_LENGTH) report(param, value);
			else if (!kept.includes(value)) kept.push(value);
		}
		return kept;
	};
	const single = <T extends string>(param: string, allowed: readonly T[], fallback: T): T => {
		const raw = params.get(param);
		if (raw === null) return fallback;
		const parsed = oneOf(allowed)(raw);
		if (parsed === null) report(param, raw);
		return parsed ?? fallback;
	};

	const filters: DashboardFilters = {
		years: list(PARAM.years, (value) =>
			/^\d{4}$/.test(value) && Number(value) >= 2000 && Number(value) <= 2100 ? Number(value) : null
		),
		districts: list(PARAM.districts, (value) => (/^11\d{3}$/.test(value) ? value : null)),
		evaluatorTypes: list(PARAM.evaluatorTypes, (value) => (isEvaluatorType(value) ? value : null)),
		areas: texts(PARAM.areas),
		indicators: texts(PARAM.indicators)
	};

	const comparing = params.get(PARAM.view) === COMPARE_VIEW;
	const reporting = params.get(PARAM.view) === REPORT_VIEW;
	return {
		state: canonicalUrlState({
			locale: single<Locale>(PARAM.locale, LOCALES, DEFAULT_LOCALE),
			view:
				comparing || reporting
					? DEFAULT_URL_STATE.view
					: single(PARAM.view, VIEWS, DEFAULT_URL_STATE.view),
			filters,
			external: single(PARAM.external, EXTERNAL_SOURCES, DEFAULT_URL_STATE.external),
			level: single(PARAM.level, LEVELS, DEFAULT_URL_STATE.level),
			agreement: single(PARAM.agreement, AGREEMENT_CHOICES, DEFAULT_URL_STATE.agreement),
			trendSource: single(PARAM.trendSource, TREND_SOURCES, DEFAULT_URL_STATE.trendSource),
			dataset: datasetId(params.get(PARAM.dataset), report),
			compare: comparing ? (params.get(PARAM.compare) ?? '').slice(0, MAX_TEXT_LENGTH) : null,
			report: reporting
		}),
		errors
	};
}

/**
 * The state with its lists in the one order an address writes them (years and districts
 * ascending, evaluator types in their fixed order, none twice), so that a state shown before its
 * address lands equals the state read back from it.
 */
export function canonicalUrlState(state: UrlState): UrlState {
	const { years, districts, evaluatorTypes } = state.filters;
	return {
		...state,
		// The comparison and the reports take the analysis view's place: their address names none.
		view: state.compare === null && !state.report ? state.view : DEFAULT_URL_STATE.view,
		// One at a time: the comparison wins, as its address says v=diff.
		report: state.compare === null && state.report,
		filters: {
			...state.filters,
			years: [...new Set(years)].sort((a, b) => a - b),
			districts: [...new Set(districts)].sort(),
			evaluatorTypes: EVALUATOR_TYPES.filter((type: EvaluatorType) => evaluatorTypes.includes(type))
		}
	};
}

/**
 * The view alone, as `decodeUrlState` reads it. It reads the view's parameter and no other:
 * SvelteKit reruns a load function only when a parameter the load read has changed.
 */
export function decodeView(params: URLSearchParams): View {
	return oneOf(VIEWS)(params.get(PARAM.view) ?? '') ?? DEFAULT_URL_STATE.view;
}

function datasetId(raw: string | null, report: (param: string, value: string) => void) {
	if (raw === null) return null;
	if (isDatasetId(raw)) return raw;
	report(PARAM.dataset, raw);
	return null;
}

/**
 * Writes the state as query parameters. Defaults are left out, so the plain address means
 * "everything, in Korean"; areas and indicators may contain commas, so each gets its own key.
 */
export function encodeUrlState(state: UrlState): URLSearchParams {
	const params = new URLSearchParams();
	// The dataset first: it says what all the other parameters are about.
	if (state.dataset) params.set(PARAM.dataset, state.dataset);
	const setIfChanged = <
		K extends 'locale' | 'view' | 'external' | 'level' | 'agreement' | 'trendSource'
	>(
		key: K
	) => {
		if (state[key] !== DEFAULT_URL_STATE[key]) params.set(PARAM[key], state[key]);
	};
	setIfChanged('locale');
	if (state.compare !== null) {
		params.set(PARAM.view, COMPARE_VIEW);
		if (state.compare) params.set(PARAM.compare, state.compare);
	} else if (state.report) params.set(PARAM.view, REPORT_VIEW);
	else setIfChanged('view');
	const { years, districts, evaluatorTypes, areas, indicators } = canonicalUrlState(state).filters;
	if (years.length) params.set(PARAM.years, years.join(','));
	if (districts.length) params.set(PARAM.districts, districts.join(','));
	if (evaluatorTypes.length) params.set(PARAM.evaluatorTypes, evaluatorTypes.join(','));
	for (const area of areas) params.append(PARAM.areas, area);
	for (const indicator of indicators) params.append(PARAM.indicators, indicator);
	setIfChanged('external');
	setIfChanged('level');
	setIfChanged('agreement');
	setIfChanged('trendSource');
	return params;
}

/** `?query` for a state, or '' for the defaults: what links and history entries carry. */
export function urlStateSearch(state: UrlState): string {
	const query = encodeUrlState(state).toString();
	return query ? `?${query}` : '';
}

/**
 * `next`, with every part that holds the same values as in `previous` being `previous`'s own
 * object, and `previous` itself when nothing changed. Views derive their charts from parts of
 * the state: a part kept as the same object is not derived again, so a change to the years
 * does not redraw a chart that only follows the districts, and the same state reached twice
 * (shown at once, then read back from the address) runs no query twice.
 */
export function shareUnchanged(previous: UrlState | null, next: UrlState): UrlState {
	if (!previous) return next;
	const filters = shareFilters(previous.filters, next.filters);
	const same =
		filters === previous.filters &&
		(Object.keys(next) as (keyof UrlState)[]).every(
			(key) => key === 'filters' || next[key] === previous[key]
		);
	return same ? previous : { ...next, filters };
}

function shareFilters(previous: DashboardFilters, next: DashboardFilters): DashboardFilters {
	const keep = <T>(before: T[], after: T[]): T[] =>
		before.length === after.length && before.every((value, i) => value === after[i])
			? before
			: after;
	const shared: DashboardFilters = {
		years: keep(previous.years, next.years),
		districts: keep(previous.districts, next.districts),
		evaluatorTypes: keep(previous.evaluatorTypes, next.evaluatorTypes),
		areas: keep(previous.areas, next.areas),
		indicators: keep(previous.indicators, next.indicators)
	};
	const unchanged = (Object.keys(shared) as (keyof DashboardFilters)[]).every(
		(key) => shared[key] === previous[key]
	);
	return unchanged ? previous : shared;
}

/** {@link shareUnchanged} against the state this function returned last. */
export function sharingUnchanged(): (next: UrlState) => UrlState {
	let previous: UrlState | null = null;
	return (next) => (previous = shareUnchanged(previous, next));
}
