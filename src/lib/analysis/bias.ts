import type { TotalRow } from './unit-totals';
import { meanWithTInterval, type MeanWithCi } from './agreement';
import { mean, pivotTotals, type ExternalSource, type GroupKey } from './totals';

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

/** A district-year, labelled by its district's code (the cluster it belongs to). */
const cellKey: GroupKey = (row) => ({
	key: `${row.code}:${row.year}`,
	labelKo: row.code ?? '',
	labelEn: row.code ?? ''
});

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
	// Every source of a district-year covers the same matched units: any row tells how many.
	const unitsOf = new Map(rows.map((row) => [cellKey(row).key, row.units]));
	const byDistrict = new Map<string, { gaps: number[]; units: number }>();
	for (const cell of pivotTotals(rows, cellKey, external)) {
		if (cell.gap === null) continue;
		const district = byDistrict.get(cell.labelKo) ?? { gaps: [], units: 0 };
		district.gaps.push(cell.gap);
		district.units += unitsOf.get(cell.key) ?? 0;
		byDistrict.set(cell.labelKo, district);
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
