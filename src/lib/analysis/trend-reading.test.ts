import { describe, expect, it } from 'vitest';
import { gapDirection, rankGain, yearOverYear } from './trend-reading';

describe('yearOverYear and gapDirection', () => {
	it('Δ from the year before', () => {
		expect(yearOverYear([70, 72.5, null, 80])).toEqual([null, 2.5, null, null]);
	});
	const interval = (lower: number, upper: number) => ({
		slope: (lower + upper) / 2,
		lower,
		upper,
		se: 1,
		n: 4
	});
	it.each([
		['an interval below 0', -3, interval(-5, -1), 'closing'],
		['an interval above 0', 2, interval(0.5, 3.5), 'widening'],
		// 마포구 in the sample: −0.55 a year, SE 0.95 over four years.
		['an interval holding 0', -0.55, interval(-4.64, 3.54), 'unclear'],
		['a slope of two years, without interval', -14, null, 'unclear'],
		['no slope', null, null, null]
	] as const)('%s is %s', (_, gapSlope, gapSlopeInterval, direction) => {
		expect(gapDirection({ gapSlope, gapSlopeInterval })).toBe(direction);
	});
});

describe('rankGain', () => {
	it('counts places gained since the year before, never a negative zero', () => {
		expect(rankGain([3, 1, 1, 4, null, 2])).toEqual([null, 2, 0, -3, null, null]);
		expect(Object.is(rankGain([1, 1])[1], 0)).toBe(true);
	});
});
