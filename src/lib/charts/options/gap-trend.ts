import { formatSignedPoints } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n';
import type { DistrictTrends } from '$lib/views/models';
import type { BuiltChart } from '../built-chart';
import { AXIS_TEXT } from '../palette';
import {
	buildDistrictLinesChart,
	pointsTick,
	type DistrictLinesSpec,
	type TrendPick
} from './trend-lines';

/** A signed axis tick in points: +5점, −2.5점, 0점. */
export function signedPointsTick(value: number, locale: Locale): string {
	const sign = value > 0 ? '+' : value < 0 ? '−' : '';
	return sign + pointsTick(Math.abs(value), locale);
}

/** Self − external gap (점) per district over the years, around a zero line. */
export function buildGapTrendChart(
	trend: DistrictTrends,
	spec: DistrictLinesSpec
): BuiltChart<TrendPick> {
	const { locale } = spec;
	return buildDistrictLinesChart(trend, spec, {
		values: (district) => district.gaps,
		format: (value) => formatSignedPoints(value, locale),
		descending: true,
		nameEveryLine: false,
		// The value axis keeps 0 in range (no `scale`), so the zero line always shows.
		yAxis: {
			type: 'value',
			axisLabel: { color: AXIS_TEXT, formatter: (value: number) => signedPointsTick(value, locale) }
		},
		markLine: {
			silent: true,
			symbol: 'none',
			label: { show: false },
			lineStyle: { color: AXIS_TEXT, type: 'solid', width: 1 },
			data: [{ yAxis: 0 }]
		}
	});
}
