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

/** Self and chosen external score of each unit on the 100-point scale (null where missing). */
export function unitPairs(
	units: readonly UnitScoreRow[],
	external: ExternalSource
): { unit: UnitScoreRow; self: number | null; external: number | null }[] {
	return units.map((unit) => ({
		unit,
		self: toHundred(unit.self, unit.max_score),
		external: toHundred(externalScore(unit, external), unit.max_score)
	}));
}

/** Self − external of every unit that has both, on the 100-point scale. */
export function unitGaps(units: readonly UnitScoreRow[], external: ExternalSource): number[] {
	return unitPairs(units, external).flatMap(({ self, external: other }) =>
		self !== null && other !== null ? [self - other] : []
	);
}

/** Targets × raters for agreement between the sources: [self, official, expert] per unit. */
export function sourceRatingMatrix(units: readonly UnitScoreRow[]): (number | null)[][] {
	return units.map((unit) => [
		toHundred(unit.self, unit.max_score),
		toHundred(unit.official, unit.max_score),
		toHundred(unit.expert, unit.max_score)
	]);
}

/**
 * Targets × raters for agreement among one source's evaluators: one row per unit, one column
 * per evaluator (sorted by label); null where that evaluator did not score the unit.
 */
export function evaluatorRatingMatrix(ratings: readonly EvaluatorRatingRow[]): {
	evaluators: string[];
	matrix: (number | null)[][];
} {
	const evaluators = [...new Set(ratings.map((rating) => rating.evaluator_id))].sort();
	const targets = new Map<string, (number | null)[]>();
	for (const rating of ratings) {
		const key = JSON.stringify([rating.code, rating.year, rating.indicator]);
		let row = targets.get(key);
		if (!row) {
			row = evaluators.map(() => null);
			targets.set(key, row);
		}
		row[evaluators.indexOf(rating.evaluator_id)] = toHundred(rating.score, rating.max_score);
	}
	return { evaluators, matrix: [...targets.values()] };
}
