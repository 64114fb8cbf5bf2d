import { describe, expect, it } from 'vitest';
import type { RubricRow } from '$lib/query/scores';
import { findRubricChanges } from './rubric';

const row = (
	name_ko: string,
	year: number,
	area: string,
	indicator: string,
	max_score: number
): RubricRow => ({
	code: name_ko === '마포구' ? '11440' : '11290',
	name_ko,
	name_en: name_ko,
	year,
	area,
	indicator,
	max_score
});

describe('findRubricChanges', () => {
	it('finds an added indicator, a removed one and a changed 배점, per district and year', () => {
		const changes = findRubricChanges([
			row('성북구', 2019, 'A', '지표1', 10),
			row('성북구', 2019, 'A', '지표2', 5),
			row('성북구', 2020, 'A', '지표1', 20),
			row('성북구', 2020, 'A', '지표3', 5),
			row('마포구', 2019, 'A', '지표1', 10),
			row('마포구', 2020, 'A', '지표1', 10)
		]);
		expect(changes).toEqual([
			{
				district: { code: '11290', labelKo: '성북구', labelEn: '성북구' },
				year: 2020,
				previousYear: 2019,
				added: ['A · 지표3'],
				removed: ['A · 지표2'],
				rescored: [{ indicator: 'A · 지표1', from: 10, to: 20 }]
			}
		]);
	});

	it('compares with the district’s previous year present, across a missing year', () => {
		const changes = findRubricChanges([
			row('성북구', 2017, 'A', '지표1', 10),
			row('성북구', 2019, 'A', '지표1', 5)
		]);
		expect(changes.map((c) => [c.previousYear, c.year, c.rescored])).toEqual([
			[2017, 2019, [{ indicator: 'A · 지표1', from: 10, to: 5 }]]
		]);
	});

	it('an unchanged rubric, or a single year, has no note', () => {
		expect(
			findRubricChanges([
				row('성북구', 2019, 'A', '지표1', 10),
				row('성북구', 2020, 'A', '지표1', 10)
			])
		).toEqual([]);
		expect(findRubricChanges([row('성북구', 2019, 'A', '지표1', 10)])).toEqual([]);
	});
});
