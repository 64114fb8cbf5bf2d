import { describe, expect, it } from 'vitest';
import type { GroupScores } from '$lib/analysis/totals';
import { breakdownOrder } from './gap-view';

const row = (key: string, gap: number | null): GroupScores => ({
	key,
	labelKo: key,
	labelEn: key,
	self: null,
	official: null,
	expert: null,
	gap
});

describe('breakdownOrder', () => {
	const rows = [row('a', 2), row('b', null), row('c', -7.5), row('d', 0), row('e', -1)];

	it('puts districts with the largest self-shortfall first and those without a gap last', () => {
		expect(breakdownOrder(rows, 'district').map((r) => r.key)).toEqual(['c', 'e', 'd', 'a', 'b']);
		// The model's rows are left as they came.
		expect(rows.map((r) => r.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it('keeps areas and indicators in the export’s order', () => {
		expect(breakdownOrder(rows, 'area')).toEqual(rows);
		expect(breakdownOrder(rows, 'indicator')).toEqual(rows);
	});
});
