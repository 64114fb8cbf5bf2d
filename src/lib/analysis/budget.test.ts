import { describe, expect, it } from 'vitest';
import { executionFlag, executionRate } from './budget';

describe('execution rate and flags', () => {
	it.each([
		[1_000_000, 900_000, 0.9, null],
		[1_000_000, 800_000, 0.8, null],
		[1_000_000, 799_999, 0.799999, 'under'],
		[1_000_000, 1_000_000, 1, null],
		[1_000_000, 1_000_100, 1.0001, 'over'],
		[3, 2.4, 0.8, null] // 2.4 / 3 is 0.7999999999999999 in floating point
	])('%d planned, %d spent → %d, %s', (planned, spent, rate, flag) => {
		expect(executionRate(planned, spent)).toBeCloseTo(rate, 9);
		expect(executionFlag(executionRate(planned, spent))).toBe(flag);
	});

	it('nothing planned has no rate and no flag', () => {
		expect(executionRate(0, 100)).toBeNull();
		expect(executionFlag(null)).toBeNull();
	});
});
