import { CITY_CODE } from '$lib/domain/evaluation';
import { buildWhere, type DashboardFilters, type SqlFragment } from './filters';

// Budget rows have a year and a district, but no evaluator type, area or indicator: only the
// year and district filters apply to them.

/** `WHERE` for district lines (never the city's own) under the year and district filters. */
export function districtLinesWhere(filters: DashboardFilters): SqlFragment {
	const where = buildWhere(filters, ['years', 'districts'], 'b');
	const notCity = 'b.district_code <> ?';
	return {
		sql: where.sql ? `${where.sql} AND ${notCity}` : `WHERE ${notCity}`,
		params: [...where.params, CITY_CODE]
	};
}

/** Planned and spent amounts (원) over the district platforms under the filters. */
export interface BudgetTotalsRow {
	planned: number;
	spent: number;
	lines: number;
}

/**
 * Sums of 예산액 and 집행액 for the districts' own platforms: lines the city runs itself
 * (서울시) are left out, they fund no district.
 */
export function buildBudgetTotalsQuery(filters: DashboardFilters): SqlFragment {
	const where = districtLinesWhere(filters);
	return {
		sql: `SELECT coalesce(sum(b.planned), 0)::DOUBLE AS planned,
			coalesce(sum(b.spent), 0)::DOUBLE AS spent, count(*)::INTEGER AS lines
		FROM budget b ${where.sql}`,
		params: where.params
	};
}

/** Planned and spent (원) per district and year. */
export interface BudgetDistrictYearRow {
	code: string;
	name_ko: string;
	name_en: string;
	year: number;
	planned: number;
	spent: number;
}

export function buildBudgetByDistrictYearQuery(filters: DashboardFilters): SqlFragment {
	const where = districtLinesWhere(filters);
	return {
		sql: `SELECT b.district_code AS code, d.name_ko, d.name_en, b.year,
			sum(b.planned)::DOUBLE AS planned, sum(b.spent)::DOUBLE AS spent
		FROM budget b JOIN districts d ON d.code = b.district_code
		${where.sql}
		GROUP BY b.district_code, d.name_ko, d.name_en, b.year
		ORDER BY d.name_ko, b.year`,
		params: where.params
	};
}

/** A budget item summed over the districts and years shown. */
export interface BudgetItemRow {
	item: string;
	planned: number;
	spent: number;
	lines: number;
}

export function buildBudgetItemsQuery(filters: DashboardFilters): SqlFragment {
	const where = districtLinesWhere(filters);
	return {
		sql: `SELECT b.item, sum(b.planned)::DOUBLE AS planned, sum(b.spent)::DOUBLE AS spent,
			count(*)::INTEGER AS lines
		FROM budget b ${where.sql}
		GROUP BY b.item ORDER BY sum(b.planned) DESC, b.item`,
		params: where.params
	};
}

/** One budget line as exported. */
export interface BudgetLineRow {
	code: string;
	name_ko: string;
	name_en: string;
	year: number;
	program: string;
	item: string;
	budget_code: string | null;
	planned: number;
	spent: number;
	basis: string | null;
}

const LINE_COLUMNS = `b.district_code AS code, d.name_ko, d.name_en, b.year, b.program, b.item,
	b.budget_code, b.planned::DOUBLE AS planned, b.spent::DOUBLE AS spent, b.basis`;

/** Every district line under the filters, in file order. */
export function buildDistrictBudgetLinesQuery(filters: DashboardFilters): SqlFragment {
	const where = districtLinesWhere(filters);
	return {
		sql: `SELECT ${LINE_COLUMNS}
		FROM budget b JOIN districts d ON d.code = b.district_code
		${where.sql} ORDER BY d.name_ko, b.year, b.line`,
		params: where.params
	};
}

/** The lines the city (서울시) runs itself; only the year filter applies to them. */
export function buildCityBudgetLinesQuery(filters: DashboardFilters): SqlFragment {
	const where = buildWhere(filters, ['years'], 'b');
	const city = 'b.district_code = ?';
	return {
		sql: `SELECT ${LINE_COLUMNS}
		FROM budget b JOIN districts d ON d.code = b.district_code
		${where.sql ? `${where.sql} AND ${city}` : `WHERE ${city}`}
		ORDER BY b.year, b.program, b.line`,
		params: [...where.params, CITY_CODE]
	};
}
