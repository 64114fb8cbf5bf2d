import { describe, expect, it } from 'vitest';
import type { TotalRow } from './unit-totals';
import { buildGapMatrix } from './gap-matrix';

const row = (
	name_ko: string,
	area: string,
	evaluator_type: TotalRow['evaluator_type'],
	total: number,
	first_line: number
): TotalRow => ({
	code: name_ko === '마포구' ? '11440' : '11290',
	name_ko,
	name_en: name_ko,
	area,
	evaluator_type,
	total,
	units: 1,
	first_line
});

describe('buildGapMatrix', () => {
	it('rows in export order, districts by name, a cell only where both sides exist', () => {
		const matrix = buildGapMatrix(
			[
				row('성북구', '나영역', 'self', 60, 10),
				row('성북구', '나영역', 'official', 70, 11),
				row('성북구', '나영역', 'expert', 80, 12),
				row('성북구', '가영역', 'self', 90, 20),
				row('성북구', '가영역', 'expert', 85, 21),
				row('마포구', '나영역', 'self', 50, 30)
			],
			'area',
			'mean'
		);
		expect(matrix.rows).toEqual(['나영역', '가영역']);
		expect(matrix.columns.map((c) => c.labelKo)).toEqual(['마포구', '성북구']);
		// 성북 나영역: 60 − (70 + 80) / 2 = −15; 성북 가영역 has no official, so no mean of both and
		// no cell; 마포: no external → no cell.
		expect(matrix.cells).toEqual([{ row: 0, column: 1, gap: -15 }]);
	});

	it('follows the external source chosen', () => {
		const matrix = buildGapMatrix(
			[
				row('성북구', 'A', 'self', 60, 1),
				row('성북구', 'A', 'official', 70, 2),
				row('성북구', 'A', 'expert', 80, 3)
			],
			'area',
			'expert'
		);
		expect(matrix.cells).toEqual([{ row: 0, column: 0, gap: -20 }]);
	});

	it('no rows, no matrix', () => {
		expect(buildGapMatrix([], 'indicator', 'mean')).toEqual({ rows: [], columns: [], cells: [] });
	});
});
