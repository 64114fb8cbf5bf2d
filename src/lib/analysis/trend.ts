import { tQuantile } from './distributions';

/**
 * Ranks 1..n, highest value first; ties share the lowest rank (competition ranking: 1,2,2,4);
 * nulls get null. Values equal to twelve significant digits tie: means of means can land a hair
 * apart in floating point (72.2 and 72.20000000000002) where the exact figures are equal.
 */
export function rankDescending(values: readonly (number | null)[]): (number | null)[] {
	const exact = (value: number) => Number(value.toPrecision(12));
	const present = values
		.filter((value): value is number => value !== null && !Number.isNaN(value))
		.map(exact);
	return values.map((value) =>
		value === null || Number.isNaN(value)
			? null
			: 1 + present.filter((other) => other > exact(value)).length
	);
}

/** Least-squares slope of y on x over the points where y is not null; null with fewer than 2 points. */
export function slope(points: readonly { x: number; y: number | null }[]): number | null {
	const used = points.filter((point): point is { x: number; y: number } => point.y !== null);
	if (used.length < 2) return null;
	const meanX = used.reduce((total, point) => total + point.x, 0) / used.length;
	const meanY = used.reduce((total, point) => total + point.y, 0) / used.length;
	let sxy = 0;
	let sxx = 0;
	for (const { x, y } of used) {
		sxy += (x - meanX) * (y - meanY);
		sxx += (x - meanX) ** 2;
	}
	// All x equal: the slope is undefined, and null says so rather than NaN or ±∞.
	return sxx === 0 ? null : sxy / sxx;
}

/** A least-squares slope with its two-sided (1 − alpha) t interval (n − 2 degrees of freedom). */
export interface SlopeWithCi {
	slope: number;
	lower: number;
	upper: number;
	/** Standard error of the slope. */
	se: number;
	/** Points used. */
	n: number;
}

/**
 * The slope of {@link slope} with its interval from the residual variance, s² ÷ Σ(x − x̄)²;
 * null with fewer than 3 points (no residual degree of freedom) or all x equal.
 */
export function slopeWithInterval(
	points: readonly { x: number; y: number | null }[],
	alpha = 0.05
): SlopeWithCi | null {
	const used = points.filter((point): point is { x: number; y: number } => point.y !== null);
	const b = slope(used);
	const n = used.length;
	if (b === null || n < 3) return null;
	const meanX = used.reduce((total, point) => total + point.x, 0) / n;
	const meanY = used.reduce((total, point) => total + point.y, 0) / n;
	let sxx = 0;
	let residuals = 0;
	for (const { x, y } of used) {
		sxx += (x - meanX) ** 2;
		residuals += (y - meanY - b * (x - meanX)) ** 2;
	}
	const se = Math.sqrt(residuals / (n - 2) / sxx);
	const half = tQuantile(1 - alpha / 2, n - 2) * se;
	return { slope: b, lower: b - half, upper: b + half, se, n };
}
