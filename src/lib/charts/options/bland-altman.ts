import { districtLabel } from '$lib/domain/district';
import type { EChartsOption } from 'echarts';
import type { BlandAltman } from '$lib/analysis/agreement';
import { formatNumber, formatPoints, formatSignedPoints } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n';
import type { AgreementPoint } from '$lib/views/models';
import { AXIS_TEXT, GRID_LINE, OPAQUE_LABEL, RANGE_LINE, chartBase } from '../palette';
import { markClicked, type BuiltChart } from '../built-chart';
import { escapeHtml } from './escape';

/** A Bland–Altman summary with the point behind each plotted pair, as the gap view hands it. */
export type LabelledBlandAltman = BlandAltman & { labelled: AgreementPoint[] };

export interface BlandAltmanSpec {
	locale: Locale;
	/** The sentence screen readers hear for the chart (its main finding). */
	description: string;
	labels: {
		/** x-axis name, e.g. '자체·외부 평균 (점)'. */
		meanAxis: string;
		/** y-axis name, e.g. '차이 (자체 − 외부, 점)'. */
		differenceAxis: string;
		/** Mark line word before the mean difference, e.g. '평균 차이'. */
		bias: string;
		/** Mark line word before the lower limit of agreement, e.g. '하한'. */
		lowerLimit: string;
		/** Mark line word before the upper limit of agreement, e.g. '상한'. */
		upperLimit: string;
		/** Tooltip name of a point's mean, e.g. '평균'. */
		mean: string;
		/** Tooltip name of a point's difference, e.g. '차이'. */
		difference: string;
	};
}

const POINT_COLOR = '#0072B2';
const POINT_FILL = 'rgba(0, 114, 178, 0.35)';
const BIAS_COLOR = '#1f2328';

// Axis ticks are whole or half points; show the decimal only when there is one.
function axisNumber(locale: Locale) {
	return (value: number) => formatNumber(value, locale, Number.isInteger(value) ? 0 : 1);
}

/**
 * Bland–Altman plot: each district × indicator × year at (mean, self − external), with the mean
 * difference and the limits of agreement as labelled lines and a dashed zero line. `null` gives
 * the empty axes. A click on a point gives the labelled point behind it.
 */
export function buildBlandAltmanChart(
	ba: LabelledBlandAltman | null,
	spec: BlandAltmanSpec
): BuiltChart<AgreementPoint> {
	const { locale, labels } = spec;
	const points = ba?.labelled ?? [];
	const differences = points.map((point) => point.difference);
	const low = Math.min(0, ...differences, ...(ba ? [ba.lowerLimit] : [-5]));
	const high = Math.max(0, ...differences, ...(ba ? [ba.upperLimit] : [5]));
	// Mark lines do not widen the axis, so it is fitted to them; the margin keeps their labels in.
	const margin = Math.max(1, (high - low) * 0.08);
	const yMin = Math.floor((low - margin) / 5) * 5;
	const yMax = Math.ceil((high + margin) / 5) * 5;

	const district = (point: AgreementPoint) => districtLabel(point.district, locale);
	const line = (value: number, word: string, width: number, color: string) => {
		const text = `${word} ${formatSignedPoints(value, locale)}`;
		return {
			yAxis: value,
			name: text,
			lineStyle: { color, width, type: 'solid' as const },
			// On an opaque box: drawn over points, the words keep their contrast whatever the fonts
			// (a wider font moved a label onto a point in one machine's run, at 3.2:1).
			label: {
				show: true,
				position: 'insideEndTop' as const,
				color,
				formatter: () => text,
				...OPAQUE_LABEL
			}
		};
	};

	const option: EChartsOption = {
		...chartBase(spec.description),
		grid: { left: 64, right: 24, top: 16, bottom: 56 },
		tooltip: {
			trigger: 'item',
			confine: true,
			formatter: (params) => {
				const item = Array.isArray(params) ? params[0] : params;
				if (!item || item.componentType !== 'series') return '';
				const point = points[item.dataIndex];
				if (!point) return '';
				return [
					`<strong>${escapeHtml(district(point))}</strong> · ${point.year}`,
					escapeHtml(point.indicator),
					`${escapeHtml(labels.mean)}: ${escapeHtml(formatPoints(point.mean, locale))}`,
					`${escapeHtml(labels.difference)}: ${escapeHtml(formatSignedPoints(point.difference, locale))}`
				].join('<br>');
			}
		},
		xAxis: {
			type: 'value',
			name: labels.meanAxis,
			nameLocation: 'middle',
			nameGap: 32,
			// Means sit in a narrow band; zero would squash it. Empty: the whole 0–100 scale.
			...(ba ? { scale: true } : { min: 0, max: 100 }),
			// Differences cross zero; the mean axis belongs at the bottom, not on the zero line.
			axisLine: { onZero: false },
			axisLabel: { color: AXIS_TEXT, formatter: axisNumber(locale) },
			splitLine: { lineStyle: { color: GRID_LINE } }
		},
		yAxis: {
			type: 'value',
			name: labels.differenceAxis,
			nameLocation: 'middle',
			nameGap: 44,
			min: yMin,
			max: yMax,
			axisLabel: { color: AXIS_TEXT, formatter: axisNumber(locale) },
			splitLine: { lineStyle: { color: GRID_LINE } }
		},
		series: [
			{
				type: 'scatter',
				symbol: 'circle',
				symbolSize: 9,
				// Hundreds of points drawn as one path instead of one element each: a filter
				// change redraws in a fraction of the time. The tooltip still finds each point.
				large: true,
				largeThreshold: 200,
				// A see-through fill with a solid rim: stacked points darken, each edge stays visible.
				itemStyle: { color: POINT_FILL, borderColor: POINT_COLOR, borderWidth: 1 },
				emphasis: { itemStyle: { color: POINT_COLOR } },
				data: points.map((point) => [point.mean, point.difference]),
				markLine: {
					silent: true,
					symbol: ['none', 'none'],
					animation: false,
					data: [
						{
							yAxis: 0,
							name: '0',
							lineStyle: { color: RANGE_LINE, width: 1, type: 'dashed' },
							label: { show: false }
						},
						...(ba
							? [
									line(ba.upperLimit, labels.upperLimit, 1, RANGE_LINE),
									line(ba.bias, labels.bias, 2, BIAS_COLOR),
									line(ba.lowerLimit, labels.lowerLimit, 1, RANGE_LINE)
								]
							: [])
					]
				}
			}
		]
	};

	return {
		option,
		itemAt(click) {
			// The one series draws `ba.labelled` in order; its mark lines (zero, bias, limits) are
			// silent and would come as 'markLine' clicks anyway.
			const mark = markClicked(click);
			return mark?.seriesIndex === 0 ? points[mark.dataIndex] : undefined;
		}
	};
}
