import type { EvaluatorType } from '$lib/domain/evaluation';
import type { DistrictTotalRow } from '$lib/query/scores';

/** One district with its total score (0–100, 점) from each evaluator type; null when absent. */
export interface DistrictScores {
	code: string;
	nameKo: string;
	nameEn: string;
	self: number | null;
	official: number | null;
	expert: number | null;
	/** Self minus the mean of the external totals present; null without both sides. */
	gap: number | null;
}

/** Turns long rows (district × evaluator type) into one record per district. */
export function pivotDistrictTotals(rows: readonly DistrictTotalRow[]): DistrictScores[] {
	const byCode = new Map<string, DistrictScores>();
	for (const row of rows) {
		let district = byCode.get(row.code);
		if (!district) {
			district = {
				code: row.code,
				nameKo: row.name_ko,
				nameEn: row.name_en,
				self: null,
				official: null,
				expert: null,
				gap: null
			};
			byCode.set(row.code, district);
		}
		district[row.evaluator_type] = row.total;
	}
	for (const district of byCode.values()) district.gap = selfMinusExternal(district);
	return [...byCode.values()];
}

/** Self total minus the mean of the official and expert totals that exist. */
export function selfMinusExternal(scores: Pick<DistrictScores, EvaluatorType>): number | null {
	const external = [scores.official, scores.expert].filter((value) => value !== null);
	if (scores.self === null || external.length === 0) return null;
	return scores.self - mean(external)!;
}

/** Headline figures: each type's mean over districts, and the mean self-minus-external gap. */
export interface Headline {
	self: number | null;
	official: number | null;
	expert: number | null;
	gap: number | null;
	districtCount: number;
}

export function summarizeDistricts(districts: readonly DistrictScores[]): Headline {
	const meanOf = (pick: (d: DistrictScores) => number | null) =>
		mean(districts.map(pick).filter((value) => value !== null));
	return {
		self: meanOf((d) => d.self),
		official: meanOf((d) => d.official),
		expert: meanOf((d) => d.expert),
		gap: meanOf((d) => d.gap),
		districtCount: districts.length
	};
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	return values.reduce((sum, value) => sum + value, 0) / values.length;
}
