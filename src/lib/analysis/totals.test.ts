import { describe, expect, it } from 'vitest';
import type { DistrictTotalRow } from '$lib/query/scores';
import { mean, pivotDistrictTotals, selfMinusExternal, summarizeDistricts } from './totals';

const row = (
	code: string,
	type: DistrictTotalRow['evaluator_type'],
	total: number
): DistrictTotalRow => ({
	code,
	name_ko: `${code}구`,
	name_en: `${code}-gu`,
	evaluator_type: type,
	total,
	rows: 1
});

describe('pivotDistrictTotals', () => {
	it('puts each type in its column and computes the gap by hand-checked arithmetic', () => {
		const [a, b] = pivotDistrictTotals([
			row('A', 'self', 70),
			row('A', 'official', 80),
			row('A', 'expert', 76),
			row('B', 'self', 90),
			row('B', 'expert', 85)
		]);
		// A: 70 − (80 + 76) / 2 = 70 − 78 = −8. B: 90 − 85 = 5 (only one external source).
		expect(a).toMatchObject({ self: 70, official: 80, expert: 76, gap: -8 });
		expect(b).toMatchObject({ self: 90, official: null, expert: 85, gap: 5 });
	});

	it('gives no gap without a self score or without external scores', () => {
		expect(selfMinusExternal({ self: null, official: 80, expert: 70 })).toBeNull();
		expect(selfMinusExternal({ self: 60, official: null, expert: null })).toBeNull();
	});

	it('handles no rows', () => {
		expect(pivotDistrictTotals([])).toEqual([]);
		expect(summarizeDistricts([])).toEqual({
			self: null,
			official: null,
			expert: null,
			gap: null,
			districtCount: 0
		});
	});
});

describe('summarizeDistricts', () => {
	it('averages each column over the districts that have it', () => {
		const districts = pivotDistrictTotals([
			row('A', 'self', 70),
			row('A', 'official', 80),
			row('B', 'self', 60),
			row('B', 'official', 90)
		]);
		// self (70 + 60) / 2 = 65; official (80 + 90) / 2 = 85; gaps −10 and −30 → −20.
		expect(summarizeDistricts(districts)).toEqual({
			self: 65,
			official: 85,
			expert: null,
			gap: -20,
			districtCount: 2
		});
	});

	it('mean of nothing is null', () => {
		expect(mean([])).toBeNull();
		expect(mean([1, 2, 4])).toBeCloseTo(7 / 3, 12);
	});
});
