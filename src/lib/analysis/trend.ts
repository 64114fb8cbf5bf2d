/** Ranks 1..n, highest value first; ties share the lowest rank (competition ranking: 1,2,2,4); nulls get null. */
export function rankDescending(values: readonly (number | null)[]): (number | null)[] {
	const present = values.filter((value): value is number => value !== null && !Number.isNaN(value));
	return values.map((value) =>
		value === null || Number.isNaN(value)
			? null
			: 1 + present.filter((other) => other > value).length
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
