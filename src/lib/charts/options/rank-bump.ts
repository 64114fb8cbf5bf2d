import type { DistrictTrends } from '$lib/views/models';
import type { BuiltChart } from '../built-chart';
import { AXIS_TEXT } from '../palette';
import {
	buildDistrictLinesChart,
	LABEL_WIDTH,
	type DistrictLinesSpec,
	type TrendPick
} from './trend-lines';

export interface RankBumpSpec extends DistrictLinesSpec {
	/** A rank as staff say it, e.g. `(rank) => \`${rank}위\``; used on the axis and in the tooltip. */
	formatRank: (rank: number) => string;
}

/** Rank among districts per year (1 at the top), each line named at both ends. */
export function buildRankBumpChart(
	trend: DistrictTrends,
	spec: RankBumpSpec
): BuiltChart<TrendPick> {
	// At least 2: an axis from 1 to 1 has no height, and ECharts then invents fractional ranks.
	const lowest = Math.max(
		2,
		...trend.districts.flatMap((district) => district.ranks.filter((rank) => rank !== null))
	);
	return buildDistrictLinesChart(trend, spec, {
		values: (district) => district.ranks,
		format: spec.formatRank,
		descending: false,
		nameEveryLine: true,
		yAxis: {
			type: 'value',
			inverse: true,
			min: 1,
			max: lowest,
			minInterval: 1,
			// Pushed left past the names at the lines' start, so ranks and names do not overlap.
			offset: LABEL_WIDTH + 8,
			axisLabel: { color: AXIS_TEXT, formatter: (rank: number) => spec.formatRank(rank) }
		}
	});
}
