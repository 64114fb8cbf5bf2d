import { describe, expect, it } from 'vitest';
import type { TotalRow } from './unit-totals';
import {
	byArea,
	byDistrict,
	externalScore,
	mean,
	pivotTotals,
	selfMinusExternal,
	summarizeGroups
} from './totals';

const row = (code: string, type: TotalRow['evaluator_type'], total: number): TotalRow => ({
	code,
	name_ko: `${code}구`,
	name_en: `${code}-gu`,
	evaluator_type: type,
	total,
	units: 1,
	first_line: 1
});

describe('pivotTotals', () => {
	it('puts each type in its column and computes the gap by hand-checked arithmetic', () => {
		const [a, b] = pivotTotals(
			[
				row('A', 'self', 70),
				row('A', 'official', 80),
				row('A', 'expert', 76),
				row('B', 'self', 90),
				row('B', 'expert', 85)
			],
			byDistrict
		);
		// A: 70 − (80 + 76) / 2 = 70 − 78 = −8. B: only the experts, so no mean of both and no gap.
		expect(a).toMatchObject({
			key: 'A',
			labelKo: 'A구',
			self: 70,
			official: 80,
			expert: 76,
			gap: -8
		});
		expect(b).toMatchObject({ self: 90, official: null, expert: 85, gap: null });
	});

	it('compares with the external source chosen', () => {
		const rows = [row('A', 'self', 70), row('A', 'official', 80), row('A', 'expert', 76)];
		expect(pivotTotals(rows, byDistrict, 'official')[0]?.gap).toBe(-10);
		expect(pivotTotals(rows, byDistrict, 'expert')[0]?.gap).toBe(-6);
	});

	it('groups by area with the area as both labels', () => {
		const [group] = pivotTotals(
			[{ area: '추진체계', evaluator_type: 'self', total: 50, units: 2, first_line: 2 }],
			byArea
		);
		expect(group).toMatchObject({ key: '추진체계', labelKo: '추진체계', labelEn: '추진체계' });
	});

	it('gives no gap without a self score or without the external score', () => {
		expect(selfMinusExternal({ self: null, official: 80, expert: 70 })).toBeNull();
		expect(selfMinusExternal({ self: 60, official: null, expert: null })).toBeNull();
		expect(selfMinusExternal({ self: 60, official: null, expert: 70 }, 'official')).toBeNull();
		expect(externalScore({ official: 80, expert: 70 }, 'mean')).toBe(75);
		// The mean of official and expert is never one of them under the mean's name.
		expect(externalScore({ official: null, expert: 70 }, 'mean')).toBeNull();
		expect(externalScore({ official: 80, expert: null }, 'mean')).toBeNull();
	});

	it('handles no rows', () => {
		expect(pivotTotals([], byDistrict)).toEqual([]);
		expect(summarizeGroups([])).toEqual({
			self: null,
			official: null,
			expert: null,
			gap: null,
			districtCount: 0
		});
	});
});

describe('summarizeGroups', () => {
	it('averages each column over the groups that have it', () => {
		const groups = pivotTotals(
			[
				row('A', 'self', 70),
				row('A', 'official', 80),
				row('B', 'self', 60),
				row('B', 'official', 90)
			],
			byDistrict,
			'official'
		);
		// self (70 + 60) / 2 = 65; official (80 + 90) / 2 = 85; gaps −10 and −30 → −20.
		expect(summarizeGroups(groups)).toEqual({
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
