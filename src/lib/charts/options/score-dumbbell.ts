import { districtLabel } from '$lib/domain/district';
import type { EChartsOption, SeriesOption } from 'echarts';
import type { GroupScores } from '$lib/analysis/totals';
import { EVALUATOR_TYPES, type EvaluatorType } from '$lib/domain/evaluation';
import { formatPoints, formatSignedPoints } from '$lib/i18n/format';
import { translate, type Locale } from '$lib/i18n';
import { AXIS_TEXT, EVALUATOR_STYLE, GRID_LINE, RANGE_LINE, chartBase } from '../palette';
import { axisLabelClicked, markClicked, type BuiltChart } from '../built-chart';
import { escapeHtml } from './escape';

export interface ScoreDumbbellSpec {
	locale: Locale;
	/** The sentence screen readers hear for the chart (its main finding). */
	description: string;
	/** Room for the row labels, in pixels: district names are short, indicator names are not. */
	labelWidth?: number;
}

/** A district's name in the UI language. */
export function groupLabel(district: Pick<GroupScores, 'labelKo' | 'labelEn'>, locale: Locale) {
	return districtLabel(district, locale);
}

/**
 * Dot (dumbbell) chart: one row per district, a marker per evaluator type on a 0–100 axis,
 * and a thin bar spanning lowest to highest. Districts keep the order given. A click on a row
 * label or on a marker gives that row.
 */
export function buildScoreDumbbellChart(
	districts: readonly GroupScores[],
	spec: ScoreDumbbellSpec
): BuiltChart<GroupScores> {
	const { locale } = spec;
	const labelWidth = spec.labelWidth ?? 88;
	const labels = districts.map((district) => groupLabel(district, locale));
	const ranges = districts.map((district) => {
		const present = EVALUATOR_TYPES.map((type) => district[type]).filter((v) => v !== null);
		return present.length ? { low: Math.min(...present), high: Math.max(...present) } : null;
	});
	const lows = ranges.map((range) => range?.low ?? 0);
	const lowest = Math.min(...ranges.flatMap((range) => (range ? [range.low] : [])));
	// Start the axis at a round ten below the lowest score, so differences are visible.
	const axisMin = Number.isFinite(lowest) ? Math.max(0, Math.floor((lowest - 5) / 10) * 10) : 0;

	const typeName = (type: EvaluatorType) => translate(locale, `evaluator.${type}`);

	const series: SeriesOption[] = [
		// The range bar: an invisible stack up to the lowest score, then lowest → highest.
		{
			type: 'bar',
			stack: 'range',
			silent: true,
			itemStyle: { color: 'transparent' },
			data: lows,
			barWidth: 3,
			tooltip: { show: false }
		},
		{
			type: 'bar',
			stack: 'range',
			name: translate(locale, 'gapChart.range'),
			silent: true,
			itemStyle: { color: RANGE_LINE },
			data: ranges.map((range) => (range ? range.high - range.low : null)),
			barWidth: 3
		},
		...EVALUATOR_TYPES.map((type) => ({
			type: 'scatter' as const,
			name: typeName(type),
			symbol: EVALUATOR_STYLE[type].symbol,
			symbolSize: 13,
			itemStyle: { color: EVALUATOR_STYLE[type].color, borderColor: '#fff', borderWidth: 1 },
			z: 3,
			data: districts.map((district, index) => [district[type], index])
		}))
	];

	const option: EChartsOption = {
		...chartBase(spec.description),
		grid: { left: labelWidth + 8, right: 24, top: 40, bottom: 48 },
		legend: {
			top: 0,
			data: EVALUATOR_TYPES.map((type) => ({
				name: typeName(type),
				icon: EVALUATOR_STYLE[type].symbol
			})),
			textStyle: { color: AXIS_TEXT }
		},
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			formatter: (params) => {
				const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? -1;
				const district = districts[index];
				if (!district) return '';
				const lines = EVALUATOR_TYPES.map(
					(type) =>
						`${escapeHtml(typeName(type))}: ${escapeHtml(formatPoints(district[type], locale))}`
				);
				lines.push(
					`${escapeHtml(translate(locale, 'table.gap'))}: ${escapeHtml(formatSignedPoints(district.gap, locale))}`
				);
				return `<strong>${escapeHtml(groupLabel(district, locale))}</strong><br>${lines.join('<br>')}`;
			}
		},
		xAxis: {
			type: 'value',
			min: axisMin,
			max: 100,
			name: translate(locale, 'gapChart.axis'),
			nameLocation: 'middle',
			nameGap: 28,
			axisLabel: { color: AXIS_TEXT },
			splitLine: { lineStyle: { color: GRID_LINE } }
		},
		yAxis: {
			type: 'category',
			data: labels,
			inverse: true,
			axisLabel: { color: AXIS_TEXT, width: labelWidth, overflow: 'truncate' },
			axisTick: { show: false },
			// Row labels are clickable: a click drills down or filters.
			triggerEvent: true
		},
		series
	};

	return {
		option,
		itemAt(click) {
			const label = axisLabelClicked(click, 'yAxis');
			if (label !== undefined) return districts[labels.indexOf(label)];
			// Every series (the range bars, each type's markers) has one item per row, in the rows'
			// order; only the markers take clicks, the bars are silent.
			const mark = markClicked(click);
			return mark && mark.seriesIndex < series.length ? districts[mark.dataIndex] : undefined;
		}
	};
}
