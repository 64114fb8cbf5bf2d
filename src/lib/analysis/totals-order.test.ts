import { describe, expect, it } from 'vitest';
import { inFirstListedOrder, type TotalRow } from './unit-totals';

function row(
	fields: Partial<TotalRow> & Pick<TotalRow, 'evaluator_type' | 'first_line'>
): TotalRow {
	return { total: 0, units: 1, ...fields };
}

describe('inFirstListedOrder', () => {
	it('orders groups by their first line over every evaluator type, then types by name', () => {
		// 마포 (11440) is listed first, at line 2 by its official row; 강북 (11305) at line 5.
		const rows = [
			row({ code: '11305', evaluator_type: 'self', first_line: 5 }),
			row({ code: '11440', evaluator_type: 'self', first_line: 9 }),
			row({ code: '11305', evaluator_type: 'expert', first_line: 7 }),
			row({ code: '11440', evaluator_type: 'official', first_line: 2 })
		];
		expect(inFirstListedOrder(rows, ['district']).map((r) => [r.code, r.evaluator_type])).toEqual([
			['11440', 'official'],
			['11440', 'self'],
			['11305', 'expert'],
			['11305', 'self']
		]);
	});

	it('keeps a group whole across its columns (district × year)', () => {
		// 2020 of 11440 starts at line 1; 2019 of 11440 at line 3; 2019 of 11305 at line 2.
		const rows = [
			row({ code: '11440', year: 2019, evaluator_type: 'self', first_line: 3 }),
			row({ code: '11440', year: 2020, evaluator_type: 'self', first_line: 1 }),
			row({ code: '11305', year: 2019, evaluator_type: 'self', first_line: 2 }),
			row({ code: '11440', year: 2020, evaluator_type: 'expert', first_line: 4 })
		];
		expect(
			inFirstListedOrder(rows, ['district', 'year']).map((r) => [r.code, r.year, r.evaluator_type])
		).toEqual([
			['11440', 2020, 'expert'],
			['11440', 2020, 'self'],
			['11305', 2019, 'self'],
			['11440', 2019, 'self']
		]);
	});

	it('breaks a tie of first lines (two imported files) by the group values', () => {
		const rows = [
			row({ area: '나영역', indicator: '지표2', evaluator_type: 'self', first_line: 2 }),
			row({ area: '가영역', indicator: '지표9', evaluator_type: 'self', first_line: 2 }),
			row({ area: '가영역', indicator: '지표1', evaluator_type: 'self', first_line: 2 })
		];
		expect(inFirstListedOrder(rows, ['indicator']).map((r) => r.indicator)).toEqual([
			'지표1',
			'지표9',
			'지표2'
		]);
	});

	it('returns a new array and leaves the input as it was', () => {
		const rows = [
			row({ code: 'b', evaluator_type: 'self', first_line: 2 }),
			row({ code: 'a', evaluator_type: 'self', first_line: 1 })
		];
		const ordered = inFirstListedOrder(rows, ['district']);
		expect(ordered.map((r) => r.code)).toEqual(['a', 'b']);
		expect(rows.map((r) => r.code)).toEqual(['b', 'a']);
	});
});
