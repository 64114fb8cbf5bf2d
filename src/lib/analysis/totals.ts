import type { EvaluatorType, ExternalSource } from '$lib/domain/evaluation';
import type { TotalRow } from './unit-totals';

// Defined with the other evaluation vocabulary; here for the modules that compute with it.
export { EXTERNAL_SOURCES, type ExternalSource } from '$lib/domain/evaluation';

/** One row of a breakdown (a district, an area or an indicator) with each source's total. */
export interface GroupScores {
	key: string;
	labelKo: string;
	labelEn: string;
	self: number | null;
	official: number | null;
	expert: number | null;
	/** Self minus the chosen external total; negative when the platform rated itself lower. */
	gap: number | null;
}

/** How a total row names the group it belongs to. */
export type GroupKey = (row: TotalRow) => { key: string; labelKo: string; labelEn: string };

export const byDistrict: GroupKey = (row) => ({
	key: row.code ?? '',
	labelKo: row.name_ko ?? '',
	labelEn: row.name_en ?? ''
});
export const byArea: GroupKey = (row) => ({
	key: row.area ?? '',
	labelKo: row.area ?? '',
	labelEn: row.area ?? ''
});
export const byIndicator: GroupKey = (row) => ({
	key: row.indicator ?? '',
	labelKo: row.indicator ?? '',
	labelEn: row.indicator ?? ''
});

/** Turns long rows (group × evaluator type) into one record per group, in first-seen order. */
export function pivotTotals(
	rows: readonly TotalRow[],
	keyOf: GroupKey,
	external: ExternalSource = 'mean'
): GroupScores[] {
	// In the order the groups first appear (the query's order).
	const labels = new Map<string, { labelKo: string; labelEn: string }>();
	for (const row of rows) {
		const { key, labelKo, labelEn } = keyOf(row);
		if (!labels.has(key)) labels.set(key, { labelKo, labelEn });
	}
	const scores = pivotSources(rows, (row) => keyOf(row).key);
	return [...labels].map(([key, label]) => {
		const sources = scores.get(key)!;
		return { key, ...label, ...sources, gap: selfMinusExternal(sources, external) };
	});
}

/** Each source's total for one key (a district, a district-year, a cell); null where none. */
export type SourceScores = Record<EvaluatorType, number | null>;

/**
 * Total rows (one per key and source) pivoted to one record per key with each source's total:
 * the one place the rows' `evaluator_type` becomes a field.
 */
export function pivotSources(
	rows: readonly TotalRow[],
	keyOf: (row: TotalRow) => string
): Map<string, SourceScores> {
	const pivoted = new Map<string, SourceScores>();
	for (const row of rows) {
		const key = keyOf(row);
		const scores = pivoted.get(key) ?? { self: null, official: null, expert: null };
		scores[row.evaluator_type] = row.total;
		pivoted.set(key, scores);
	}
	return pivoted;
}

/**
 * The external score to compare with: official, expert, or the mean of both. The mean needs
 * both: with one of them missing it is null, never that one source under the mean's name.
 */
export function externalScore(
	scores: Pick<GroupScores, 'official' | 'expert'>,
	external: ExternalSource
): number | null {
	if (external === 'official') return scores.official;
	if (external === 'expert') return scores.expert;
	if (scores.official === null || scores.expert === null) return null;
	return (scores.official + scores.expert) / 2;
}

/** Self total minus the chosen external total; null without both. */
export function selfMinusExternal(
	scores: Pick<GroupScores, EvaluatorType>,
	external: ExternalSource = 'mean'
): number | null {
	const other = externalScore(scores, external);
	if (scores.self === null || other === null) return null;
	return scores.self - other;
}

/** Headline figures: each type's mean over groups, and the mean self-minus-external gap. */
export interface Headline {
	self: number | null;
	official: number | null;
	expert: number | null;
	gap: number | null;
	districtCount: number;
}

export function summarizeGroups(groups: readonly GroupScores[]): Headline {
	const meanOf = (pick: (g: GroupScores) => number | null) =>
		mean(groups.map(pick).filter((value) => value !== null));
	return {
		self: meanOf((g) => g.self),
		official: meanOf((g) => g.official),
		expert: meanOf((g) => g.expert),
		gap: meanOf((g) => g.gap),
		districtCount: groups.length
	};
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	return values.reduce((sum, value) => sum + value, 0) / values.length;
}
