import { describe, expect, it } from 'vitest';
import type { EvaluatorRatingRow, UnitScoreRow } from '$lib/query/scores';
import { evaluatorRatingMatrix, sourceRatingMatrix, toHundred, unitGaps, unitPairs } from './units';

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
	...overrides
});

describe('100-point scale', () => {
	it('puts a unit score on the 100-point scale', () => {
		expect(toHundred(15, 20)).toBe(75);
		expect(toHundred(null, 20)).toBeNull();
		expect(toHundred(3, 0)).toBeNull();
	});

	it('gaps per unit: 5-point and 20-point indicators weigh the same', () => {
		const units = [
			unit({ max_score: 5, self: 3, official: 4, expert: 5 }), // 60 − 90 = −30
			unit({ max_score: 20, self: 18, official: 14, expert: 16 }), // 90 − 75 = 15
			unit({ max_score: 10, self: 7 }) // no external: left out
		];
		expect(unitGaps(units, 'mean')).toEqual([-30, 15]);
		expect(unitGaps(units, 'official')).toEqual([60 - 80, 90 - 70]);
		expect(unitPairs(units, 'expert').map((p) => [p.self, p.external])).toEqual([
			[60, 100],
			[90, 80],
			[70, null]
		]);
	});

	it('source matrix: one row per unit, self/official/expert columns', () => {
		expect(sourceRatingMatrix([unit({ max_score: 10, self: 5, official: 7.5 })])).toEqual([
			[50, 75, null]
		]);
	});
});

describe('evaluatorRatingMatrix', () => {
	const rating = (indicator: string, evaluator_id: string, score: number): EvaluatorRatingRow => ({
		code: '11290',
		year: 2019,
		indicator,
		max_score: 10,
		evaluator_id,
		score
	});

	it('one row per unit, one column per evaluator, null where one did not score', () => {
		const result = evaluatorRatingMatrix([
			rating('지표1', '공무원B', 7),
			rating('지표1', '공무원A', 8),
			rating('지표2', '공무원A', 6),
			rating('지표2', '공무원B', 5),
			rating('지표2', '공무원C', 9),
			rating('지표3', '공무원A', 4)
		]);
		expect(result.evaluators).toEqual(['공무원A', '공무원B', '공무원C']);
		expect(result.matrix).toEqual([
			[80, 70, null],
			[60, 50, 90],
			[40, null, null]
		]);
	});
});
