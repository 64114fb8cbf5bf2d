import type { SqlParam } from '$lib/engine/types';
import type { EvaluatorType } from '$lib/domain/evaluation';

/** What the user narrowed the dashboard to; an empty list means "all". */
export interface DashboardFilters {
	years: number[];
	/** Five-digit district codes. */
	districts: string[];
	evaluatorTypes: EvaluatorType[];
	areas: string[];
	indicators: string[];
}

export const NO_FILTERS: DashboardFilters = {
	years: [],
	districts: [],
	evaluatorTypes: [],
	areas: [],
	indicators: []
};

/** A piece of SQL with its bound values, in placeholder order. */
export interface SqlFragment {
	sql: string;
	params: SqlParam[];
}

// The only columns a filter may touch: identifiers come from here, never from input.
const FILTER_COLUMNS = {
	years: 'year',
	districts: 'district_code',
	evaluatorTypes: 'evaluator_type',
	areas: 'area',
	indicators: 'indicator'
} as const satisfies Record<keyof DashboardFilters, string>;

export type FilterKey = keyof typeof FILTER_COLUMNS;

/** The filters that apply to evaluation rows: all of them. */
export const EVALUATION_FILTER_KEYS: readonly FilterKey[] = [
	'years',
	'districts',
	'evaluatorTypes',
	'areas',
	'indicators'
];

/**
 * `WHERE` conditions for the chosen filters, one `?` per value. `keys` says which filters
 * apply to the table at hand (budget rows have no evaluator type or area).
 */
export function buildWhere(
	filters: DashboardFilters,
	keys: readonly FilterKey[],
	tableAlias = ''
): SqlFragment {
	const prefix = tableAlias ? `${tableAlias}.` : '';
	const conditions: string[] = [];
	const params: SqlParam[] = [];
	for (const key of keys) {
		const values = filters[key] as readonly SqlParam[];
		if (values.length === 0) continue;
		conditions.push(`${prefix}${FILTER_COLUMNS[key]} IN (${values.map(() => '?').join(', ')})`);
		params.push(...values);
	}
	return {
		sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '',
		params
	};
}

/**
 * The filters with every district: for figures that place the chosen districts among all the
 * others (the trend's lines, a report's ranks), computed over all of them.
 */
export function withEveryDistrict(filters: DashboardFilters): DashboardFilters {
	return { ...filters, districts: [] };
}
