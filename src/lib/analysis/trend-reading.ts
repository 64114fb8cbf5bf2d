import type { DistrictTrend } from './district-trends';

// How a district's trend is read. Kept apart from building the trends, whose slope intervals
// bring the t distribution: the chart descriptions every view carries need only these.

/** Change from the year before (Δ점) for each year; null for the first year or a missing side. */
export function yearOverYear(values: readonly (number | null)[]): (number | null)[] {
	return values.map((value, index) => {
		const before = index > 0 ? values[index - 1] : null;
		return value === null || before === null || before === undefined ? null : value - before;
	});
}

/** Places gained in the ranking since the year before (▲2 when 3rd → 1st); null as above. */
export function rankGain(ranks: readonly (number | null)[]): (number | null)[] {
	return yearOverYear(ranks).map((change) => (change === null ? null : 0 - change || 0));
}

/**
 * Whether the gap is closing (its size shrinking) or widening: only when the slope's 95% interval
 * excludes 0. Otherwise, or with too few years for an interval, it is unclear; null without a
 * slope at all.
 */
export function gapDirection(
	trend: Pick<DistrictTrend, 'gapSlope' | 'gapSlopeInterval'>
): 'closing' | 'widening' | 'unclear' | null {
	if (trend.gapSlope === null) return null;
	const interval = trend.gapSlopeInterval;
	if (interval && interval.upper < 0) return 'closing';
	if (interval && interval.lower > 0) return 'widening';
	return 'unclear';
}
