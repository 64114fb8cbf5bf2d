import type { EvaluatorRatingRow, UnitScoreRow } from '$lib/query/scores';
import { externalScore, type ExternalSource } from './totals';

// A unit is one district × year × indicator. Indicators have different 배점 (5, 10, 20 …), so
// every unit score is put on the 100-point scale (score / 배점 × 100) before units are compared
// or averaged: otherwise a 20-point indicator would weigh four times a 5-point one.

/** A unit score on the 100-point scale; null when missing. */
export function toHundred(score: number | null, maxScore: number): number | null {
	if (score === null || !(maxScore > 0)) return null;
	return (score / maxScore) * 100;
}

/** Self and chosen external score of each matched unit on the 100-point scale (null where missing). */
export function unitPairs(
	units: readonly UnitScoreRow[],
	external: ExternalSource
): { unit: UnitScoreRow; self: number | null; external: number | null }[] {
	return units
		.filter((unit) => unit.matched)
		.map((unit) => ({
			unit,
			self: toHundred(unit.self, unit.max_score),
			external: toHundred(externalScore(unit, external), unit.max_score)
		}));
}

/** Targets × raters for agreement between the sources: [self, official, expert] per matched unit. */
export function sourceRatingMatrix(units: readonly UnitScoreRow[]): (number | null)[][] {
	return units
		.filter((unit) => unit.matched)
		.map((unit) => [
			toHundred(unit.self, unit.max_score),
			toHundred(unit.official, unit.max_score),
			toHundred(unit.expert, unit.max_score)
		]);
}

/** One year's targets × raters for agreement among one source's evaluators. */
export interface YearRatingMatrix {
	year: number;
	/** That year's evaluators, by label. */
	evaluators: string[];
	/** One row per unit of that year, one column per evaluator; null where one did not score. */
	matrix: (number | null)[][];
}

/**
 * Targets × raters for agreement among one source's evaluators, one matrix per year: labels such
 * as 공무원A are reused across years by different people, so a rater is a label within its year.
 */
export function evaluatorRatingMatrices(
	ratings: readonly EvaluatorRatingRow[]
): YearRatingMatrix[] {
	const years = [...new Set(ratings.map((rating) => rating.year))].sort((a, b) => a - b);
	return years.map((year) => {
		const ofYear = ratings.filter((rating) => rating.year === year);
		const evaluators = [...new Set(ofYear.map((rating) => rating.evaluator_id))].sort();
		const targets = new Map<string, (number | null)[]>();
		for (const rating of ofYear) {
			const key = JSON.stringify([rating.code, rating.indicator]);
			let row = targets.get(key);
			if (!row) {
				row = evaluators.map(() => null);
				targets.set(key, row);
			}
			row[evaluators.indexOf(rating.evaluator_id)] = toHundred(rating.score, rating.max_score);
		}
		return { year, evaluators, matrix: [...targets.values()] };
	});
}
