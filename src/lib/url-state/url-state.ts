import { EVALUATOR_TYPES, isEvaluatorType, type EvaluatorType } from '$lib/domain/evaluation';
import { DEFAULT_LOCALE, isLocale, type Locale } from '$lib/i18n';
import { NO_FILTERS, type DashboardFilters } from '$lib/query/filters';

/** Everything the URL carries: what is shown and in which language. */
export interface UrlState {
	locale: Locale;
	filters: DashboardFilters;
}

export const DEFAULT_URL_STATE: UrlState = { locale: DEFAULT_LOCALE, filters: NO_FILTERS };

/** A part of the URL that was ignored, and why. */
export interface UrlStateError {
	param: string;
	value: string;
}

// One table of short parameter names (like Rill's url-state): change a name here only.
export const PARAM = {
	locale: 'lang',
	years: 'y',
	districts: 'd',
	evaluatorTypes: 'e',
	areas: 'a'
} as const;

const MAX_LIST_VALUES = 50;
const MAX_AREA_LENGTH = 100;

function splitList(raw: string | null): string[] {
	if (raw === null || raw === '') return [];
	return raw.split(',').slice(0, MAX_LIST_VALUES);
}

/**
 * Reads the dashboard state from query parameters. Never throws: each invalid value is
 * dropped and reported, and the valid rest is kept.
 */
export function decodeUrlState(params: URLSearchParams): {
	state: UrlState;
	errors: UrlStateError[];
} {
	const errors: UrlStateError[] = [];
	const keep = <T>(param: string, values: string[], parse: (value: string) => T | null): T[] => {
		const kept: T[] = [];
		for (const value of values) {
			const parsed = parse(value);
			if (parsed === null) errors.push({ param, value });
			else if (!kept.includes(parsed)) kept.push(parsed);
		}
		return kept;
	};

	const rawLocale = params.get(PARAM.locale);
	let locale = DEFAULT_LOCALE;
	if (rawLocale !== null) {
		if (isLocale(rawLocale)) locale = rawLocale;
		else errors.push({ param: PARAM.locale, value: rawLocale });
	}

	const years = keep(PARAM.years, splitList(params.get(PARAM.years)), (value) =>
		/^\d{4}$/.test(value) && Number(value) >= 2000 && Number(value) <= 2100 ? Number(value) : null
	).sort((a, b) => a - b);
	const districts = keep(PARAM.districts, splitList(params.get(PARAM.districts)), (value) =>
		/^11\d{3}$/.test(value) ? value : null
	).sort();
	const evaluatorTypes = keep(
		PARAM.evaluatorTypes,
		splitList(params.get(PARAM.evaluatorTypes)),
		(value) => (isEvaluatorType(value) ? value : null)
	).sort((a, b) => EVALUATOR_TYPES.indexOf(a) - EVALUATOR_TYPES.indexOf(b));
	const areas = params
		.getAll(PARAM.areas)
		.slice(0, MAX_LIST_VALUES)
		.filter((value) => {
			const ok = value.trim() !== '' && value.length <= MAX_AREA_LENGTH;
			if (!ok) errors.push({ param: PARAM.areas, value: value.slice(0, 40) });
			return ok;
		});

	return {
		state: { locale, filters: { years, districts, evaluatorTypes, areas: [...new Set(areas)] } },
		errors
	};
}

/**
 * Writes the state as query parameters; defaults are left out, so the plain address means
 * "everything, in Korean". Areas may contain commas, so each gets its own `a=`.
 */
export function encodeUrlState(state: UrlState): URLSearchParams {
	const params = new URLSearchParams();
	if (state.locale !== DEFAULT_LOCALE) params.set(PARAM.locale, state.locale);
	const { years, districts, evaluatorTypes, areas } = state.filters;
	if (years.length) params.set(PARAM.years, [...years].sort((a, b) => a - b).join(','));
	if (districts.length) params.set(PARAM.districts, [...districts].sort().join(','));
	if (evaluatorTypes.length) {
		const ordered = EVALUATOR_TYPES.filter((type: EvaluatorType) => evaluatorTypes.includes(type));
		params.set(PARAM.evaluatorTypes, ordered.join(','));
	}
	for (const area of areas) params.append(PARAM.areas, area);
	return params;
}
