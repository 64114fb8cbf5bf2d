import type { TotalRow } from '$lib/query/scores';
import { meanWithTInterval, type MeanWithCi } from './agreement';
import { mean, selfMinusExternal, type ExternalSource, type GroupScores } from './totals';

/** What one cluster of the bias interval is. */
export type BiasCluster = 'district' | 'year';

/**
 * The mean self − external gap, the same figure as the headline's, with a 95% interval over
 * clusters: `n` is the number of clusters and `sd` their spread.
 */
export interface ClusteredBias extends MeanWithCi {
	cluster: BiasCluster;
	/** Matched units (district × year × indicator) behind the gap. */
	units: number;
}

/**
 * The self − external gap over the districts shown, with an interval that respects how the data
 * were collected. The indicators of one district move together, so units are not independent:
 * each district's gap (the mean of its yearly gaps, as every figure over years is) is one
 * observation, and the interval is Student's t over those district means with G − 1 degrees of
 * freedom. With about ten clusters that is the small-sample analysis Donald and Lang (2007)
 * recommend; for equal clusters it equals CR2 with Bell–McCaffrey degrees of freedom. The mean
 * of the district gaps is the headline gap, so the page shows one gap, not two.
 *
 * One district shown: its years are the clusters. One district and one year: no interval.
 * `rows` are totals by district and year.
 */
export function clusteredBias(
	rows: readonly TotalRow[],
	external: ExternalSource
): ClusteredBias | null {
	const cells = new Map<
		string,
		{ code: string; scores: Pick<GroupScores, 'self' | 'official' | 'expert'>; units: number }
	>();
	for (const row of rows) {
		const key = `${row.code}:${row.year}`;
		const cell = cells.get(key) ?? {
			code: row.code ?? '',
			scores: { self: null, official: null, expert: null },
			units: 0
		};
		cell.scores[row.evaluator_type] = row.total;
		// Every source of a cell covers the same matched units.
		cell.units = row.units;
		cells.set(key, cell);
	}
	const byDistrict = new Map<string, { gaps: number[]; units: number }>();
	for (const { code, scores, units } of cells.values()) {
		const gap = selfMinusExternal(scores, external);
		if (gap === null) continue;
		const district = byDistrict.get(code) ?? { gaps: [], units: 0 };
		district.gaps.push(gap);
		district.units += units;
		byDistrict.set(code, district);
	}
	const districts = [...byDistrict.values()];
	const units = districts.reduce((sum, district) => sum + district.units, 0);
	const [only] = districts;
	if (districts.length === 1 && only) {
		const interval = meanWithTInterval(only.gaps);
		return interval && { ...interval, cluster: 'year', units };
	}
	const interval = meanWithTInterval(districts.map((district) => mean(district.gaps)!));
	return interval && { ...interval, cluster: 'district', units };
}
