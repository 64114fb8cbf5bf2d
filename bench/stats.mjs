// Small statistics shared by the benchmarks.

/** `x` rounded to `digits` decimals; null stays null. */
export const round = (x, digits = 1) => (x == null ? null : Number(x.toFixed(digits)));

/** The q-quantile of sorted numbers, interpolated linearly between ranks; null for none. */
export function quantile(sorted, q) {
	if (sorted.length === 0) return null;
	const pos = (sorted.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
