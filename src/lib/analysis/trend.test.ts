import { describe, expect, it } from 'vitest';
import { rankDescending, slope } from './trend';

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
