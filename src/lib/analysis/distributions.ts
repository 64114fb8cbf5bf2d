import fCdfImpl from '@stdlib/stats-base-dists-f-cdf';
import fQuantileImpl from '@stdlib/stats-base-dists-f-quantile';
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';

/** The p-quantile of Student's t distribution with df degrees of freedom (NaN for bad input). */
export function tQuantile(p: number, df: number): number {
	return tQuantileImpl(p, df);
}

/** The p-quantile of the F distribution with (df1, df2) degrees of freedom (NaN for bad input). */
export function fQuantile(p: number, df1: number, df2: number): number {
	return fQuantileImpl(p, df1, df2);
}

/** The upper-tail probability P(F > f) of the F distribution with (df1, df2) degrees of freedom. */
export function fUpperTail(f: number, df1: number, df2: number): number {
	// P(F(d1, d2) > f) = P(F(d2, d1) < 1/f): a lower tail keeps full precision for tiny p-values,
	// where 1 − cdf would round to 0.
	return fCdfImpl(1 / f, df2, df1);
}
