import type { DistrictRef } from '$lib/domain/district';
import type { BudgetLineRow } from '$lib/query/budget';

/** Execution below this share of the plan is flagged as under-spent (staff watch 80%). */
export const UNDER_SPENT_BELOW = 0.8;
/** Execution above this share is flagged as over-spent. */
export const OVER_SPENT_ABOVE = 1;

/** spent / planned; null when nothing was planned. */
export function executionRate(planned: number, spent: number): number | null {
	return planned > 0 ? spent / planned : null;
}

export type ExecutionFlag = 'under' | 'over' | null;

/** Whether an execution rate is one staff must look at: under 80% or over 100%. */
export function executionFlag(rate: number | null): ExecutionFlag {
	if (rate === null) return null;
	// A hair of tolerance, so 2.4 / 3 (0.7999999999999999 in floating point) is not "under".
	const EPSILON = 1e-9;
	if (rate < UNDER_SPENT_BELOW - EPSILON) return 'under';
	if (rate > OVER_SPENT_ABOVE + EPSILON) return 'over';
	return null;
}

/** District lines whose execution is flagged, in the order given. */
export function flaggedLines(lines: readonly BudgetLineRow[]): BudgetLineRow[] {
	return lines.filter((line) => executionFlag(executionRate(line.planned, line.spent)) !== null);
}

/** A district's planned and spent (원) summed over years, with spent / planned. */
export interface DistrictBudget {
	district: DistrictRef;
	planned: number;
	spent: number;
	/** spent / planned of the sums; null when nothing was planned. */
	rate: number | null;
}

/** Sums planned and spent per district over the rows given, districts in first-seen order. */
export function sumByDistrict(
	rows: readonly { district: DistrictRef; planned: number; spent: number }[]
): DistrictBudget[] {
	const sums = new Map<string, DistrictBudget>();
	for (const row of rows) {
		const sum = sums.get(row.district.code);
		if (sum) {
			sum.planned += row.planned;
			sum.spent += row.spent;
		} else {
			sums.set(row.district.code, {
				district: row.district,
				planned: row.planned,
				spent: row.spent,
				rate: null
			});
		}
	}
	// The rate of the sums, not a mean of yearly rates: a small year must not weigh like a big one.
	return [...sums.values()].map((sum) => ({
		...sum,
		rate: executionRate(sum.planned, sum.spent)
	}));
}
