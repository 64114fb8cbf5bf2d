import { describe, expect, it } from 'vitest';
import { blandAltman, meanWithTInterval } from './agreement';

describe('meanWithTInterval', () => {
	it('matches a hand-computed interval', () => {
		// Values 2, 4, 4, 4, 5, 5, 7, 9: n = 8, sum 40, mean 5.
		// Squared deviations 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32; SD = √(32/7) = 2.13809.
		// t(0.975, 7) = 2.365 (t table); SE = 2.13809/√8 = 0.75593; half-width = 2.365 × 0.75593
		// = 1.78778, so the interval is 3.2122 to 6.7878.
		const result = meanWithTInterval([2, 4, 4, 4, 5, 5, 7, 9])!;
		expect(result.mean).toBe(5);
		expect(result.n).toBe(8);
		expect(result.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
		expect(result.lower).toBeCloseTo(3.2122, 3);
		expect(result.upper).toBeCloseTo(6.7878, 3);
	});

	it("reproduces R's paired t interval for Student's sleep data", () => {
		// Cushny & Peebles' extra hours of sleep (R's `sleep` data), drug 2 minus drug 1 per patient.
		// R: t.test(extra ~ group, data = sleep, paired = TRUE) prints mean difference −1.58 and
		// 95% CI −2.4598858 to −0.7001142 (group 1 − group 2); here the sign is reversed.
		const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
		const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
		const result = meanWithTInterval(drug2.map((x, i) => x - drug1[i]!))!;
		expect(result.mean).toBeCloseTo(1.58, 10);
		expect(result.lower).toBeCloseTo(0.7001142, 6);
		expect(result.upper).toBeCloseTo(2.4598858, 6);
	});

	it('widens with a smaller alpha', () => {
		const values = [2, 4, 4, 4, 5, 5, 7, 9];
		const at95 = meanWithTInterval(values)!;
		const at99 = meanWithTInterval(values, 0.01)!;
		expect(at99.lower).toBeLessThan(at95.lower);
		expect(at99.upper).toBeGreaterThan(at95.upper);
	});

	it('returns null below two values', () => {
		expect(meanWithTInterval([])).toBeNull();
		expect(meanWithTInterval([3])).toBeNull();
	});
});

describe('blandAltman', () => {
	it('matches a hand-computed set and skips pairs with a null side', () => {
		// Complete pairs (10,10), (13,11), (9,5): differences 0, 2, 4 → bias 2;
		// squared deviations 4 + 0 + 4 = 8, SD = √(8/2) = 2; limits 2 ± 1.96·2 = −1.92 and 5.92.
		// Means (10+10)/2 = 10, (13+11)/2 = 12, (9+5)/2 = 7.
		const result = blandAltman([
			{ a: 10, b: 10 },
			{ a: null, b: 4 },
			{ a: 13, b: 11 },
			{ a: 7, b: null },
			{ a: 9, b: 5 }
		])!;
		expect(result.n).toBe(3);
		expect(result.bias).toBe(2);
		expect(result.sd).toBe(2);
		expect(result.lowerLimit).toBeCloseTo(-1.92, 12);
		expect(result.upperLimit).toBeCloseTo(5.92, 12);
		expect(result.points).toEqual([
			{ mean: 10, difference: 0 },
			{ mean: 12, difference: 2 },
			{ mean: 7, difference: 4 }
		]);
	});

	it('reproduces the Bland & Altman (1986) peak-flow example', () => {
		// Lancet 1986;327:307–310, Table 1: first PEFR reading (l/min) with the Wright and the mini
		// Wright meter, 17 subjects. The paper gives mean difference −2.1 and SD 38.8 l/min; with 1.96·SD
		// the limits are −2.1 ∓ 76.05 ≈ −78.1 and 73.9 (the paper rounds 2·SD to get −79.7, 75.5).
		const wright = [
			494, 395, 516, 434, 476, 557, 413, 442, 650, 433, 417, 656, 267, 478, 178, 423, 427
		];
		const mini = [
			512, 430, 520, 428, 500, 600, 364, 380, 658, 445, 432, 626, 260, 477, 259, 350, 451
		];
		const result = blandAltman(wright.map((a, i) => ({ a, b: mini[i]! })))!;
		expect(result.n).toBe(17);
		expect(result.bias).toBeCloseTo(-2.1, 1);
		// Differences sum to −36, so the bias is exactly −36/17.
		expect(result.bias).toBeCloseTo(-36 / 17, 12);
		expect(result.sd).toBeCloseTo(38.8, 1);
		expect(result.lowerLimit).toBeCloseTo(-78.1, 0);
		expect(result.upperLimit).toBeCloseTo(73.9, 0);
	});

	it('returns null with fewer than two complete pairs', () => {
		expect(blandAltman([])).toBeNull();
		expect(
			blandAltman([
				{ a: 1, b: 2 },
				{ a: null, b: 3 }
			])
		).toBeNull();
	});
});
