import { describe, expect, it } from 'vitest';
import { fQuantile, fUpperTail, tQuantile } from './distributions';

// Critical values from standard printed tables (e.g. NIST/SEMATECH e-Handbook of Statistical
// Methods, §1.3.6.7.2 "Critical values of the Student's t distribution" and §1.3.6.7.3 "Upper
// critical values of the F distribution"), quoted to the digits the tables give.
describe('tQuantile', () => {
	it('matches published two-sided 95% critical values', () => {
		expect(tQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
		expect(tQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
		expect(tQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
		// Tables list df = 240 as 1.970; df = 239 sits within a thousandth of it.
		expect(tQuantile(0.975, 239)).toBeCloseTo(1.97, 2);
		expect(Math.abs(tQuantile(0.975, 239) - 1.97)).toBeLessThan(0.001);
	});

	it('matches published one-sided values and is symmetric about 0', () => {
		expect(tQuantile(0.95, 5)).toBeCloseTo(2.015, 3);
		expect(tQuantile(0.995, 20)).toBeCloseTo(2.845, 3);
		expect(tQuantile(0.5, 7)).toBe(0);
		expect(tQuantile(0.025, 10)).toBeCloseTo(-2.228, 3);
	});

	it('returns NaN outside its domain', () => {
		expect(tQuantile(1.5, 10)).toBeNaN();
		expect(tQuantile(0.5, 0)).toBeNaN();
	});
});

describe('fQuantile', () => {
	it('matches published upper critical values', () => {
		expect(fQuantile(0.975, 5, 18)).toBeCloseTo(3.38, 2);
		expect(fQuantile(0.95, 5, 15)).toBeCloseTo(2.9, 2);
		expect(fQuantile(0.95, 1, 10)).toBeCloseTo(4.965, 3);
		expect(fQuantile(0.99, 2, 20)).toBeCloseTo(5.849, 3);
	});

	it('returns NaN outside its domain', () => {
		expect(fQuantile(-0.1, 5, 15)).toBeNaN();
	});
});

describe('fUpperTail', () => {
	it('gives back the tail area at a published critical value', () => {
		// F(0.95; 1, 10) = 4.965 and F(0.99; 2, 20) = 5.849, so the tails beyond are ≈ .05 and .01.
		expect(fUpperTail(4.965, 1, 10)).toBeCloseTo(0.05, 4);
		expect(fUpperTail(5.849, 2, 20)).toBeCloseTo(0.01, 4);
	});

	it('is 1 at F = 0 and 0 at F = ∞', () => {
		expect(fUpperTail(0, 3, 7)).toBe(1);
		expect(fUpperTail(Infinity, 3, 7)).toBe(0);
	});

	it('keeps precision far in the tail (t² with df ν is F(1, ν))', () => {
		// P(|t₁₀| > 2.228) = .05 from the t table, and t² = F(1, 10); 2.228² = 4.963984.
		expect(fUpperTail(2.228 ** 2, 1, 10)).toBeCloseTo(0.05, 4);
		expect(fUpperTail(1e6, 5, 15)).toBeGreaterThan(0);
	});
});
