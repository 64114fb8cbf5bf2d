import { describe, expect, it } from 'vitest';
import type { EvaluatorRatingRow, UnitScoreRow } from '$lib/query/scores';
import { evaluatorRatingMatrices, sourceRatingMatrix, toHundred, unitPairs } from './units';

const unit = (overrides: Partial<UnitScoreRow>): UnitScoreRow => ({
	code: '11290',
	name_ko: '성북구',
	name_en: 'Seongbuk-gu',
	year: 2019,
	area: 'A',
	indicator: '지표1',
	max_score: 20,
	self: null,
	official: null,
	expert: null,
	self_max_score: null,
	official_max_score: null,
	expert_max_score: null,
	matched: true,
	first_line: 2,
	...overrides
});

describe('100-point scale', () => {
	it('puts a unit score on the 100-point scale', () => {
		expect(toHundred(15, 20)).toBe(75);
		expect(toHundred(null, 20)).toBeNull();
		expect(toHundred(3, 0)).toBeNull();
	});

	it('pairs per matched unit: 5-point and 20-point indicators weigh the same', () => {
		const units = [
			unit({ max_score: 5, self: 3, official: 4, expert: 5 }), // 60 − 90 = −30
			unit({ max_score: 20, self: 18, official: 14, expert: 16 }), // 90 − 75 = 15
			unit({ max_score: 10, self: 7, matched: false }) // no external: left out
		];
		const pairs = (external: 'mean' | 'official') =>
			unitPairs(units, external).map((p) => [p.self, p.external]);
		expect(pairs('mean')).toEqual([
			[60, 90],
			[90, 75]
		]);
		expect(pairs('official')).toEqual([
			[60, 80],
			[90, 70]
		]);
	});

	it('the mean of official and expert needs both in the unit', () => {
		const units = [unit({ max_score: 10, self: 5, official: 7.5, matched: true })];
		expect(unitPairs(units, 'mean').map((p) => p.external)).toEqual([null]);
		expect(unitPairs(units, 'official').map((p) => p.external)).toEqual([75]);
	});

	it('source matrix: one row per matched unit, self/official/expert columns', () => {
		expect(
			sourceRatingMatrix([
				unit({ max_score: 10, self: 5, official: 7.5 }),
				unit({ max_score: 10, self: 5, matched: false })
			])
		).toEqual([[50, 75, null]]);
	});
});

describe('evaluatorRatingMatrices', () => {
	const rating = (
		year: number,
		indicator: string,
		evaluator_id: string,
		score: number
	): EvaluatorRatingRow => ({
		code: '11290',
		year,
		indicator,
		max_score: 10,
		evaluator_id,
		score
	});

	it('per year: one row per unit, one column per evaluator of that year, null where one did not score', () => {
		const result = evaluatorRatingMatrices([
			rating(2019, '지표1', '공무원B', 7),
			rating(2019, '지표1', '공무원A', 8),
			rating(2019, '지표2', '공무원A', 6),
			rating(2019, '지표2', '공무원B', 5),
			rating(2019, '지표2', '공무원C', 9),
			rating(2019, '지표3', '공무원A', 4)
		]);
		expect(result).toEqual([
			{
				year: 2019,
				evaluators: ['공무원A', '공무원B', '공무원C'],
				matrix: [
					[80, 70, null],
					[60, 50, 90],
					[40, null, null]
				]
			}
		]);
	});

	it('keeps a label of one year apart from the same label in another: two raters, then three', () => {
		const result = evaluatorRatingMatrices([
			rating(2020, '지표1', '공무원A', 9),
			rating(2020, '지표1', '공무원B', 8),
			rating(2020, '지표1', '공무원C', 7),
			rating(2019, '지표1', '공무원A', 5),
			rating(2019, '지표1', '공무원B', 6)
		]);
		expect(result).toEqual([
			{ year: 2019, evaluators: ['공무원A', '공무원B'], matrix: [[50, 60]] },
			{ year: 2020, evaluators: ['공무원A', '공무원B', '공무원C'], matrix: [[90, 80, 70]] }
		]);
	});
});
