import { fQuantile, fUpperTail } from './distributions';

/** Shrout & Fleiss (1979) forms: 1 = one-way random, 2 = two-way random, 3 = two-way mixed. */
export type IccForm = 'ICC(1,1)' | 'ICC(2,1)' | 'ICC(3,1)' | 'ICC(1,k)' | 'ICC(2,k)' | 'ICC(3,k)';

/** One intraclass correlation with its (1 − alpha) confidence interval and F test. */
export interface IccEstimate {
	form: IccForm;
	value: number;
	lower: number;
	upper: number;
	f: number;
	df1: number;
	df2: number;
	p: number;
}

/** All six forms over the n complete targets rated by k raters; excluded counts dropped rows. */
export interface IccResult {
	estimates: IccEstimate[];
	n: number;
	k: number;
	excluded: number;
	/** The mean squares every form is made of: targets (rows), raters (columns), residual, within. */
	meanSquares: { rows: number; columns: number; error: number; within: number };
}

/** Returns the six Shrout–Fleiss ICCs with CIs (as psych::ICC), or null for < 2 targets or raters. */
export function computeIcc(
	ratings: readonly (readonly (number | null)[])[],
	alpha = 0.05
): IccResult | null {
	const k = ratings[0]?.length ?? 0;
	if (ratings.some((row) => row.length !== k)) throw new Error('Every target needs k ratings');
	const rows: number[][] = [];
	let excluded = 0;
	for (const row of ratings) {
		if (row.every((value) => value !== null && Number.isFinite(value))) rows.push(row as number[]);
		else excluded++;
	}
	const n = rows.length;
	if (n < 2 || k < 2) return null;

	const rowMeans = rows.map((row) => sum(row) / k);
	const colMeans = Array.from({ length: k }, (_, j) => sum(rows.map((row) => row[j]!)) / n);
	const grand = sum(rowMeans) / n;
	const ssRows = k * sum(rowMeans.map((m) => (m - grand) ** 2));
	const ssCols = n * sum(colMeans.map((m) => (m - grand) ** 2));
	// The residual is summed directly rather than as total − rows − cols, which can go
	// slightly negative through cancellation when the raters agree perfectly.
	let ssError = 0;
	rows.forEach((row, i) =>
		row.forEach((x, j) => (ssError += (x - rowMeans[i]! - colMeans[j]! + grand) ** 2))
	);

	const msr = ssRows / (n - 1);
	const msc = ssCols / (k - 1);
	const mse = ssError / ((n - 1) * (k - 1));
	const msw = (ssCols + ssError) / (n * (k - 1));

	const icc1 = (msr - msw) / (msr + (k - 1) * msw);
	const icc2 = (msr - mse) / (msr + (k - 1) * mse + (k * (msc - mse)) / n);
	const icc3 = (msr - mse) / (msr + (k - 1) * mse);
	const icc1k = (msr - msw) / msr;
	const icc2k = (msr - mse) / (msr + (msc - mse) / n);
	const icc3k = (msr - mse) / msr;

	const q = 1 - alpha / 2;
	const oneWay = { f: msr / msw, df1: n - 1, df2: n * (k - 1) };
	const twoWay = { f: msr / mse, df1: n - 1, df2: (n - 1) * (k - 1) };
	const withP = (test: typeof oneWay) => ({ ...test, p: fUpperTail(test.f, test.df1, test.df2) });
	const test1 = withP(oneWay);
	const test23 = withP(twoWay);

	// Exact F-based bounds (Shrout & Fleiss 1979, eqs. for cases 1 and 3). (F − 1)/(F + k − 1) is
	// written as 1 − k/(F + k − 1) so that F = ∞ (no residual variance) gives 1 rather than NaN.
	const fBounds = (test: typeof oneWay) => ({
		low: test.f / fQuantile(q, test.df1, test.df2),
		high: test.f * fQuantile(q, test.df2, test.df1)
	});
	const single = (f: number) => 1 - k / (f + k - 1);
	const average = (f: number) => 1 - 1 / f;
	const b1 = fBounds(oneWay);
	const b3 = fBounds(twoWay);

	// ICC(2,1): Satterthwaite df for the mixture of mean squares (Shrout & Fleiss 1979, eq. 10;
	// McGraw & Wong 1996, Table 7), with the same expressions as psych::ICC.
	const fj = mse > 0 ? msc / mse : msc > 0 ? Infinity : 0;
	const raterTerm = k * icc2 * fj;
	const targetTerm = n * (1 + (k - 1) * icc2) - k * icc2;
	// As fj → ∞ the ratio tends to (k − 1); writing the limit out avoids ∞/∞.
	const v = Number.isFinite(raterTerm)
		? ((k - 1) * (n - 1) * (raterTerm + targetTerm) ** 2) /
			((n - 1) * raterTerm ** 2 + targetTerm ** 2)
		: k - 1;
	const fStarUpper = fQuantile(q, n - 1, v);
	const fStarLower = fQuantile(q, v, n - 1);
	const spread = k * msc + (k * n - k - n) * mse;
	const lower2 = (n * (msr - fStarUpper * mse)) / (fStarUpper * spread + n * msr);
	const upper2 = (n * (fStarLower * msr - mse)) / (spread + n * fStarLower * msr);
	const spearmanBrown = (r: number) => (k * r) / (1 + (k - 1) * r);

	const estimates: IccEstimate[] = [
		{ form: 'ICC(1,1)', value: icc1, lower: single(b1.low), upper: single(b1.high), ...test1 },
		{ form: 'ICC(2,1)', value: icc2, lower: lower2, upper: upper2, ...test23 },
		{ form: 'ICC(3,1)', value: icc3, lower: single(b3.low), upper: single(b3.high), ...test23 },
		{ form: 'ICC(1,k)', value: icc1k, lower: average(b1.low), upper: average(b1.high), ...test1 },
		{
			form: 'ICC(2,k)',
			value: icc2k,
			lower: spearmanBrown(lower2),
			upper: spearmanBrown(upper2),
			...test23
		},
		{ form: 'ICC(3,k)', value: icc3k, lower: average(b3.low), upper: average(b3.high), ...test23 }
	];
	return {
		estimates,
		n,
		k,
		excluded,
		meanSquares: { rows: msr, columns: msc, error: mse, within: msw }
	};
}

function sum(values: readonly number[]): number {
	let total = 0;
	for (const value of values) total += value;
	return total;
}
