import { describe, expect, it } from 'vitest';
import type { BudgetDistrictYear, DistrictRef } from '$lib/views/models';
import { executionFlag, executionRate, sumByDistrict } from './budget';

const ref = (code: string, labelKo: string): DistrictRef => ({
	code,
	labelKo,
	labelEn: `${code}-gu`
});
const row = (
	district: DistrictRef,
	year: number,
	planned: number,
	spent: number
): BudgetDistrictYear => ({
	district,
	year,
	planned,
	spent,
	rate: planned > 0 ? spent / planned : null
});

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

describe('sumByDistrict', () => {
	it('sums over years and takes the rate of the sums, not the mean of the rates', () => {
		const a = ref('1', '가구');
		const b = ref('2', '나구');
		const sums = sumByDistrict([
			row(b, 2023, 500_000, 500_000),
			row(a, 2022, 1_000_000, 900_000),
			row(a, 2023, 3_000_000, 2_100_000)
		]);
		// 가구: 3,000,000 / 4,000,000 = 75% (the yearly 90% and 70% would average 80%).
		expect(sums).toEqual([
			{ district: b, planned: 500_000, spent: 500_000, rate: 1 },
			{ district: a, planned: 4_000_000, spent: 3_000_000, rate: 0.75 }
		]);
	});
});
