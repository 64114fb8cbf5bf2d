import { tQuantile } from './distributions';
import { mean as average } from './totals';

/** A sample mean with its confidence interval, sample SD (n − 1) and size. */
export interface MeanWithCi {
	mean: number;
	lower: number;
	upper: number;
	sd: number;
	n: number;
}

/** Mean of the values with its two-sided (1−alpha) t confidence interval; null for n < 2. */
export function meanWithTInterval(values: readonly number[], alpha = 0.05): MeanWithCi | null {
	const n = values.length;
	if (n < 2) return null;
	// n ≥ 2 here, so the mean exists.
	const mean = average(values)!;
	const sd = sampleSd(values, mean);
	const half = (tQuantile(1 - alpha / 2, n - 1) * sd) / Math.sqrt(n);
	return { mean, lower: mean - half, upper: mean + half, sd, n };
}

/** Bland–Altman summary: bias, SD of differences, limits of agreement and the plotted points. */
export interface BlandAltman<T = unknown> {
	bias: number;
	sd: number;
	lowerLimit: number;
	upperLimit: number;
	n: number;
	/** Each pair with both sides, with what it was measured on (`item`, when given). */
	points: { mean: number; difference: number; item?: T }[];
}

/**
 * Bland–Altman: differences a−b against means (a+b)/2; limits of agreement bias ± 1.96·SD (SD
 * with n−1). Pairs with a null side are skipped; each point keeps its pair's `item`. null for
 * n < 2.
 */
export function blandAltman<T = undefined>(
	pairs: readonly { a: number | null; b: number | null; item?: T }[]
): BlandAltman<T> | null {
	const points: BlandAltman<T>['points'] = [];
	for (const { a, b, item } of pairs) {
		if (a === null || b === null) continue;
		points.push({ mean: (a + b) / 2, difference: a - b, item });
	}
	const n = points.length;
	if (n < 2) return null;
	const differences = points.map((point) => point.difference);
	const bias = average(differences)!;
	const sd = sampleSd(differences, bias);
	// 1.96 rather than the exact normal quantile 1.959964…, as Bland & Altman (1986) state it.
	const half = 1.96 * sd;
	return { bias, sd, lowerLimit: bias - half, upperLimit: bias + half, n, points };
}

function sampleSd(values: readonly number[], mean: number): number {
	let squares = 0;
	for (const value of values) squares += (value - mean) ** 2;
	return Math.sqrt(squares / (values.length - 1));
}
