import type { TotalRow } from '$lib/query/scores';
import type { TrendSource } from '$lib/domain/evaluation';
import type { DistrictRef } from '$lib/domain/district';
import { externalScore, selfMinusExternal, type ExternalSource } from './totals';
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

type Scores = { self: number | null; official: number | null; expert: number | null };

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
	const districts = new Map<
		string,
		{ ref: DistrictTrend['district']; byYear: Map<number, Scores> }
	>();
	for (const row of rows) {
		const code = row.code ?? '';
		let district = districts.get(code);
		if (!district) {
			district = {
				ref: { code, labelKo: row.name_ko ?? code, labelEn: row.name_en ?? code },
				byYear: new Map()
			};
			districts.set(code, district);
		}
		const scores = district.byYear.get(row.year ?? 0) ?? {
			self: null,
			official: null,
			expert: null
		};
		scores[row.evaluator_type] = row.total;
		district.byYear.set(row.year ?? 0, scores);
	}

	const ordered = [...districts.values()].sort((a, b) =>
		a.ref.labelKo.localeCompare(b.ref.labelKo, 'ko')
	);
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
