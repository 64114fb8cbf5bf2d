import { describe, expect, it } from 'vitest';
import { computeIcc, type IccForm } from './icc';
import { SHROUT_FLEISS_RATINGS } from '$lib/testing/shrout-fleiss';

// Shrout & Fleiss (1979), Psychological Bulletin 86(2), Table 2: 6 targets rated by 4 judges.

const byForm = (form: IccForm) => {
	const estimate = computeIcc(SHROUT_FLEISS_RATINGS)!.estimates.find((e) => e.form === form);
	if (!estimate) throw new Error(form);
	return estimate;
};

describe('computeIcc on the Shrout & Fleiss (1979) example', () => {
	it('lists the six forms in the declared order', () => {
		const result = computeIcc(SHROUT_FLEISS_RATINGS)!;
		expect(result.estimates.map((e) => e.form)).toEqual([
			'ICC(1,1)',
			'ICC(2,1)',
			'ICC(3,1)',
			'ICC(1,k)',
			'ICC(2,k)',
			'ICC(3,k)'
		]);
		expect(result).toMatchObject({ n: 6, k: 4, excluded: 0 });
	});

	it('reproduces the published coefficients (Shrout & Fleiss 1979, Table 4, two decimals)', () => {
		expect(byForm('ICC(1,1)').value).toBeCloseTo(0.17, 2);
		expect(byForm('ICC(2,1)').value).toBeCloseTo(0.29, 2);
		expect(byForm('ICC(3,1)').value).toBeCloseTo(0.71, 2);
		expect(byForm('ICC(1,k)').value).toBeCloseTo(0.44, 2);
		expect(byForm('ICC(2,k)').value).toBeCloseTo(0.62, 2);
		expect(byForm('ICC(3,k)').value).toBeCloseTo(0.91, 2);
	});

	// psych::ICC(ratings) output for the same matrix, as printed in D. Wollschläger's R example
	// repository (github.com/dwoll/RExRepos, md/interRaterICC.md):
	//                          type  ICC    F df1 df2       p lower bound upper bound
	// Single_raters_absolute   ICC1 0.17  1.8   5  18 0.16477      -0.133        0.72
	// Single_random_raters     ICC2 0.29 11.0   5  15 0.00013       0.019        0.76
	// Single_fixed_raters      ICC3 0.71 11.0   5  15 0.00013       0.342        0.95
	// Average_raters_absolute ICC1k 0.44  1.8   5  18 0.16477      -0.884        0.91
	// Average_random_raters   ICC2k 0.62 11.0   5  15 0.00013       0.071        0.93
	// Average_fixed_raters    ICC3k 0.91 11.0   5  15 0.00013       0.676        0.99
	// The same file prints DescTools::ICC with more digits: F 1.79 / 11.03, p 0.164769 / 0.000135.
	it.each([
		['ICC(1,1)', -0.133, 0.72],
		['ICC(2,1)', 0.019, 0.76],
		['ICC(3,1)', 0.342, 0.95],
		['ICC(1,k)', -0.884, 0.91],
		['ICC(2,k)', 0.071, 0.93],
		['ICC(3,k)', 0.676, 0.99]
	] as const)('%s has the 95%% bounds psych::ICC prints (%d, %d)', (form, lower, upper) => {
		const estimate = byForm(form);
		expect(estimate.lower).toBeCloseTo(lower, 3);
		expect(estimate.upper).toBeCloseTo(upper, 2);
	});

	it('reports the F tests psych::ICC and DescTools::ICC print', () => {
		for (const form of ['ICC(1,1)', 'ICC(1,k)'] as const) {
			expect(byForm(form)).toMatchObject({ df1: 5, df2: 18 });
			expect(byForm(form).f).toBeCloseTo(1.79, 2);
			expect(byForm(form).p).toBeCloseTo(0.164769, 6);
		}
		for (const form of ['ICC(2,1)', 'ICC(3,1)', 'ICC(2,k)', 'ICC(3,k)'] as const) {
			expect(byForm(form)).toMatchObject({ df1: 5, df2: 15 });
			expect(byForm(form).f).toBeCloseTo(11.03, 2);
			expect(byForm(form).p).toBeCloseTo(0.000135, 6);
		}
	});

	it('agrees with the mean squares Shrout & Fleiss tabulate (Table 2)', () => {
		// BMS = 11.24, WMS = 6.26, EMS = 1.02 ⇒ F = BMS/WMS = 1.796 and BMS/EMS = 11.02 (rounded inputs).
		expect(byForm('ICC(1,1)').f).toBeCloseTo(11.24 / 6.26, 1);
		expect(byForm('ICC(3,1)').f).toBeCloseTo(11.24 / 1.02, 1);
	});

	it('narrows the bounds at a larger alpha', () => {
		const wide = byForm('ICC(3,1)');
		const narrow = computeIcc(SHROUT_FLEISS_RATINGS, 0.5)!.estimates[2]!;
		expect(narrow.value).toBe(wide.value);
		expect(narrow.lower).toBeGreaterThan(wide.lower);
		expect(narrow.upper).toBeLessThan(wide.upper);
	});
});

describe('computeIcc on hand-checkable cases', () => {
	it('gives 1 everywhere, bounds included, when every rater gives each target the same score', () => {
		// Residual and rater mean squares are 0, so every form is MSR/MSR = 1 and F = ∞.
		const result = computeIcc([
			[1, 1, 1],
			[4, 4, 4],
			[2, 2, 2]
		])!;
		for (const estimate of result.estimates) {
			expect(estimate.value).toBe(1);
			expect(estimate.lower).toBe(1);
			expect(estimate.upper).toBe(1);
			expect(estimate.f).toBe(Infinity);
			expect(estimate.p).toBe(0);
		}
	});

	it('separates consistency from agreement when one rater is offset by a constant', () => {
		// Rows (1,3), (2,4), (3,5): n = 3, k = 2. Row means 2, 3, 4; column means 2, 4; grand 3.
		// SSR = 2·(1 + 0 + 1) = 4 → MSR = 2; SSC = 3·(1 + 1) = 6 → MSC = 6; SSE = 0 → MSE = 0;
		// MSW = (6 + 0)/3 = 2.
		// ICC(3,1) = ICC(3,k) = (2 − 0)/2 = 1 (perfect consistency).
		// ICC(2,1) = 2/(2 + 0 + 2·6/3) = 2/6 = 1/3; ICC(2,k) = 2/(2 + 6/3) = 1/2.
		// ICC(1,1) = (2 − 2)/(2 + 2) = 0; ICC(1,k) = 0/2 = 0.
		const result = computeIcc([
			[1, 3],
			[2, 4],
			[3, 5]
		])!;
		const [i11, i21, i31, i1k, i2k, i3k] = result.estimates.map((e) => e.value);
		expect(i11).toBeCloseTo(0, 12);
		expect(i21).toBeCloseTo(1 / 3, 12);
		expect(i31).toBe(1);
		expect(i1k).toBeCloseTo(0, 12);
		expect(i2k).toBeCloseTo(1 / 2, 12);
		expect(i3k).toBe(1);
		// ICC(1,·): F = MSR/MSW = 1 on (2, 3) df.
		expect(result.estimates[0]).toMatchObject({ f: 1, df1: 2, df2: 3 });
		// ICC(2,1) bounds stay finite and bracket the estimate even though MSE = 0.
		const icc21 = result.estimates[1]!;
		expect(Number.isFinite(icc21.lower) && Number.isFinite(icc21.upper)).toBe(true);
		expect(icc21.lower).toBeLessThan(1 / 3);
		expect(icc21.upper).toBeGreaterThan(1 / 3);
	});

	it('drops rows with a null or NaN rating and counts them', () => {
		const withGaps = [...SHROUT_FLEISS_RATINGS, [5, null, 4, 6], [3, 2, Number.NaN, 1]];
		const result = computeIcc(withGaps)!;
		expect(result).toMatchObject({ n: 6, k: 4, excluded: 2 });
		expect(result.estimates[2]!.value).toBeCloseTo(0.71, 2);
	});

	it('counts a single null row as excluded = 1', () => {
		const result = computeIcc([
			[1, 3],
			[2, null],
			[2, 4],
			[3, 5]
		])!;
		expect(result).toMatchObject({ n: 3, k: 2, excluded: 1 });
		expect(result.estimates[1]!.value).toBeCloseTo(1 / 3, 12);
	});

	it('returns null with fewer than 2 complete targets or fewer than 2 raters', () => {
		expect(computeIcc([])).toBeNull();
		expect(computeIcc([[1, 2]])).toBeNull();
		expect(
			computeIcc([
				[1, 2],
				[3, null]
			])
		).toBeNull();
		expect(computeIcc([[1], [2], [3]])).toBeNull();
	});

	it('rejects ragged input', () => {
		expect(() => computeIcc([[1, 2], [3]])).toThrow();
	});
});
