import { describe, expect, it } from 'vitest';
import type { TotalRow } from './unit-totals';
import { buildDistrictTrends } from './district-trends';

const row = (
	name_ko: string,
	year: number,
	evaluator_type: TotalRow['evaluator_type'],
	total: number
): TotalRow => ({
	code: name_ko,
	name_ko,
	name_en: name_ko,
	year,
	evaluator_type,
	total,
	units: 1,
	first_line: 1
});

const rows: TotalRow[] = [
	// 가구: self 60 → 70, external mean 80 → 76: gap −20 → −6, closing by 14 a year.
	row('가구', 2019, 'self', 60),
	row('가구', 2019, 'official', 78),
	row('가구', 2019, 'expert', 82),
	row('가구', 2020, 'self', 70),
	row('가구', 2020, 'official', 76),
	row('가구', 2020, 'expert', 76),
	// 나구: only 2020, self 90, official 70 and no expert: the mean of both cannot be formed.
	row('나구', 2020, 'self', 90),
	row('나구', 2020, 'official', 70)
];

describe('buildDistrictTrends', () => {
	it('aligns districts with the years, a missing year null, never 0', () => {
		const trend = buildDistrictTrends(rows, 'external', 'mean');
		expect(trend.years).toEqual([2019, 2020]);
		const [ga, na] = trend.districts;
		expect(ga).toMatchObject({
			totals: [80, 76],
			ranks: [1, 1],
			gaps: [-20, -6],
			gapSlope: -14,
			// Two years leave no residual degree of freedom: no interval.
			gapSlopeInterval: null
		});
		expect(na).toMatchObject({
			totals: [null, null],
			ranks: [null, null],
			gaps: [null, null],
			gapSlope: null
		});
	});

	it('follows the source chosen', () => {
		const trend = buildDistrictTrends(rows, 'self', 'official');
		expect(trend.districts.map((d) => d.totals)).toEqual([
			[60, 70],
			[null, 90]
		]);
		expect(trend.districts.map((d) => d.ranks)).toEqual([
			[1, 2],
			[null, 1]
		]);
		// Against officials only: 가구 60 − 78 = −18, 70 − 76 = −6.
		expect(trend.districts[0]?.gaps).toEqual([-18, -6]);
	});

	it('no rows, no years', () => {
		expect(buildDistrictTrends([], 'external', 'mean')).toEqual({ years: [], districts: [] });
	});
});
