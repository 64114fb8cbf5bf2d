import { describe, expect, it } from 'vitest';
import { rankDescending, slope, slopeWithInterval } from './trend';

describe('rankDescending', () => {
	it('ranks the highest first with competition ranking for ties', () => {
		expect(rankDescending([70, 90, 80, 80])).toEqual([4, 1, 2, 2]);
		expect(rankDescending([5, 5, 5])).toEqual([1, 1, 1]);
		expect(rankDescending([3, 1, 2])).toEqual([1, 3, 2]);
	});

	it('gives nulls null and ranks the rest among themselves', () => {
		expect(rankDescending([null, 10, 30, null, 20, 30])).toEqual([null, 4, 1, null, 3, 1]);
		expect(rankDescending([null, null])).toEqual([null, null]);
		expect(rankDescending([])).toEqual([]);
	});

	it('ties values that differ only by floating-point noise', () => {
		// (70.1 + 74.3) / 2 and 72.2 are one figure, computed two ways.
		const noisy = (70.1 + 74.3) / 2;
		expect(noisy).not.toBe(72.2);
		expect(rankDescending([noisy, 72.2, 75])).toEqual([2, 2, 1]);
		expect(rankDescending([72.2, 72.2001])).toEqual([2, 1]);
	});
});

describe('slope', () => {
	it('fits an exact line', () => {
		// y = 2x + 1 through (0,1), (1,3), (2,5).
		expect(
			slope([
				{ x: 0, y: 1 },
				{ x: 1, y: 3 },
				{ x: 2, y: 5 }
			])
		).toBe(2);
	});

	it('matches a hand-computed least-squares fit and skips null y', () => {
		// Used points (1,2), (2,3), (3,5), (4,4): x̄ = 2.5, ȳ = 3.5.
		// Sxy = (−1.5)(−1.5) + (−0.5)(−0.5) + (0.5)(1.5) + (1.5)(0.5) = 2.25 + 0.25 + 0.75 + 0.75 = 4;
		// Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5; slope = 4/5 = 0.8.
		expect(
			slope([
				{ x: 1, y: 2 },
				{ x: 2, y: 3 },
				{ x: 2.5, y: null },
				{ x: 3, y: 5 },
				{ x: 4, y: 4 }
			])
		).toBeCloseTo(0.8, 12);
	});

	it('returns null with fewer than two points or when every x is the same', () => {
		expect(slope([])).toBeNull();
		expect(
			slope([
				{ x: 1, y: 2 },
				{ x: 2, y: null }
			])
		).toBeNull();
		expect(
			slope([
				{ x: 3, y: 1 },
				{ x: 3, y: 2 }
			])
		).toBeNull();
	});
});

describe('slopeWithInterval', () => {
	it('matches a worked example: t interval on n − 2 degrees of freedom', () => {
		// By hand: x̄ 2.5, ȳ 2.75, Sxy 5.5, Sxx 5, slope 1.1; residuals −0.1, 0.8, −1.3, 0.6,
		// SSR 2.7, s² 1.35, SE √(1.35 ÷ 5) = 0.519615; t(0.975, 2) = 4.302653 (published tables),
		// half-width 2.235723.
		const result = slopeWithInterval([
			{ x: 1, y: 1 },
			{ x: 2, y: 3 },
			{ x: 3, y: 2 },
			{ x: 4, y: 5 }
		]);
		expect(result?.slope).toBeCloseTo(1.1, 10);
		expect(result?.se).toBeCloseTo(0.519615, 6);
		expect(result?.lower).toBeCloseTo(-1.135723, 5);
		expect(result?.upper).toBeCloseTo(3.335723, 5);
		expect(result?.n).toBe(4);
	});

	it('skips missing years, and needs three points', () => {
		expect(
			slopeWithInterval([
				{ x: 2019, y: 4 },
				{ x: 2020, y: null },
				{ x: 2021, y: 2 }
			])
		).toBeNull();
	});

	it('a perfect line has a zero-width interval', () => {
		const result = slopeWithInterval([
			{ x: 1, y: 3 },
			{ x: 2, y: 1 },
			{ x: 3, y: -1 }
		]);
		expect(result).toMatchObject({ slope: -2, lower: -2, upper: -2, se: 0 });
	});
});
