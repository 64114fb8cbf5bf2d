import type { TotalRow } from './unit-totals';
import type { TrendSource } from '$lib/domain/evaluation';
import { compareDistricts, districtRefOf, type DistrictRef } from '$lib/domain/district';
import { externalScore, pivotSources, selfMinusExternal, type ExternalSource } from './totals';
import { rankDescending, slope, slopeWithInterval, type SlopeWithCi } from './trend';

/** One district's yearly totals for the chosen source, aligned with `DistrictTrends.years`. */
export interface DistrictTrend {
	district: DistrictRef;
	/** Total score per year (점); null where the district has no score that year. */
	totals: (number | null)[];
	/** Rank among districts that year (1 = highest); null where no score. */
	ranks: (number | null)[];
	/** Self − external gap per year (점); null where either is missing. */
	gaps: (number | null)[];
	/** Least-squares slope of |gap| per year: negative means the gap is closing. */
	gapSlope: number | null;
	/** The slope with its 95% t interval; null with fewer than three years. */
	gapSlopeInterval: SlopeWithCi | null;
}

/** Every district's yearly totals, ranks and gaps, aligned with `years`. */
export interface DistrictTrends {
	years: number[];
	districts: DistrictTrend[];
}

/**
 * Each district's yearly total for the chosen source, its rank among the districts each year,
 * its self − external gap each year, and the slope of the gap's size over the years.
 * Years without a score stay null: a missing year is a gap in a line, never a zero.
 */
export function buildDistrictTrends(
	rows: readonly TotalRow[],
	source: TrendSource,
	external: ExternalSource
): DistrictTrends {
	const years = [...new Set(rows.map((row) => row.year ?? 0))].sort((a, b) => a - b);
	const refs = new Map<string, DistrictRef>();
	for (const row of rows) refs.set(row.code ?? '', districtRefOf(row));
	const yearKey = (code: string, year: number) => `${code}\u0000${year}`;
	const pivoted = pivotSources(rows, (row) => yearKey(row.code ?? '', row.year ?? 0));
	const ordered = [...refs.values()].sort(compareDistricts).map((ref) => ({
		ref,
		byYear: new Map(years.map((year) => [year, pivoted.get(yearKey(ref.code, year))] as const))
	}));
	const totals = ordered.map((district) =>
		years.map((year) => {
			const scores = district.byYear.get(year);
			if (!scores) return null;
			return source === 'external' ? externalScore(scores, external) : scores[source];
		})
	);
	// Ranks are per year, across districts: rank the column, then read it back per district.
	const ranksByYear = years.map((_, yearIndex) =>
		rankDescending(totals.map((row) => row[yearIndex] ?? null))
	);

	return {
		years,
		districts: ordered.map((district, index) => {
			const gaps = years.map((year) => {
				const scores = district.byYear.get(year);
				return scores ? selfMinusExternal(scores, external) : null;
			});
			const sizes = years.map((year, i) => ({
				x: year,
				y: gaps[i] === null ? null : Math.abs(gaps[i]!)
			}));
			return {
				district: district.ref,
				totals: totals[index]!,
				ranks: ranksByYear.map((ranks) => ranks[index] ?? null),
				gaps,
				gapSlope: slope(sizes),
				gapSlopeInterval: slopeWithInterval(sizes)
			};
		})
	};
}
