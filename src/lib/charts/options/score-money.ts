import type { EChartsOption, ScatterSeriesOption } from 'echarts';
import { formatPoints, formatWon } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n';
import type { ScoreMoneyPoint } from '$lib/views/models';
import { markClicked, type BuiltChart } from '../built-chart';
import { AXIS_TEXT, GRID_LINE, chartBase } from '../palette';
import { wonAxisLabel } from './budget-execution';
import { escapeHtml } from './escape';
import { groupLabel } from './score-dumbbell';
import { categoryStyle, pointsTick } from './trend-lines';

export interface ScoreMoneySpec {
	locale: Locale;
	/** The sentence screen readers hear for the chart (its main finding). */
	description: string;
	/** Axis names and tooltip words: money spent, and the external total score. */
	labels: { spent: string; score: string };
}

// Point labels are cut shorter than axis labels: they sit among the points.
const POINT_LABEL_WIDTH = 56;

/**
 * Scatter of money spent (x) against the external total score (y), one series and marker shape
 * per year, each point named with its district; overlapping names are hidden, not stacked. A
 * click on a point or its name gives the point.
 */
export function buildScoreMoneyChart(
	points: readonly ScoreMoneyPoint[],
	spec: ScoreMoneySpec
): BuiltChart<ScoreMoneyPoint> {
	const { locale, labels } = spec;
	const years = [...new Set(points.map((point) => point.year))].sort((a, b) => a - b);
	const byYear = years.map((year) => points.filter((point) => point.year === year));

	const series: ScatterSeriesOption[] = years.map((year, yearIndex) => {
		const { color, symbol } = categoryStyle(yearIndex);
		return {
			type: 'scatter',
			name: String(year),
			symbol,
			symbolSize: 9,
			// Opaque: ECharts draws scatter points at 80%, which takes lighter colours under 3:1.
			itemStyle: { color, opacity: 1 },
			label: {
				show: true,
				position: 'right',
				color: AXIS_TEXT,
				// A white halo: a name drawn across another year's point stays readable (4.5:1).
				textBorderColor: '#ffffff',
				textBorderWidth: 3,
				fontSize: 11,
				// The box ECharts hides overlapping names by: as tall as the drawn glyphs (about 13 px
				// of Pretendard at 11 px), not the font size, or two names 12 px apart overlap on paper.
				lineHeight: 14,
				width: POINT_LABEL_WIDTH,
				overflow: 'truncate',
				formatter: (param) => {
					const point = byYear[yearIndex]?.[param.dataIndex];
					return point ? groupLabel(point.district, locale) : '';
				}
			},
			labelLayout: { hideOverlap: true },
			data: byYear[yearIndex]!.map((point) => [point.spent, point.score])
		};
	});

	const option: EChartsOption = {
		...chartBase(spec.description),
		grid: { left: 64, right: 32, top: 40, bottom: 56 },
		legend: { top: 0, data: years.map(String), textStyle: { color: AXIS_TEXT } },
		tooltip: {
			trigger: 'item',
			confine: true,
			formatter: (params) => {
				const param = Array.isArray(params) ? params[0] : params;
				const point = byYear[param?.seriesIndex ?? -1]?.[param?.dataIndex ?? -1];
				if (!point) return '';
				const title = `${escapeHtml(groupLabel(point.district, locale))} · ${escapeHtml(String(point.year))}`;
				const lines = [
					`${escapeHtml(labels.spent)}: ${escapeHtml(formatWon(point.spent, locale))}`,
					`${escapeHtml(labels.score)}: ${escapeHtml(formatPoints(point.score, locale))}`
				];
				return `<strong>${title}</strong><br>${lines.join('<br>')}`;
			}
		},
		xAxis: {
			type: 'value',
			// Spending differs by a few times between districts; the axis fits the data, not 0.
			scale: true,
			name: labels.spent,
			nameLocation: 'middle',
			nameGap: 32,
			axisLabel: wonAxisLabel(locale),
			splitLine: { lineStyle: { color: GRID_LINE } }
		},
		yAxis: {
			type: 'value',
			scale: true,
			name: labels.score,
			nameLocation: 'middle',
			nameGap: 48,
			axisLabel: { color: AXIS_TEXT, formatter: (value: number) => pointsTick(value, locale) },
			splitLine: { lineStyle: { color: GRID_LINE } }
		},
		series
	};

	return {
		option,
		itemAt(click) {
			// One series per year: its data index points into that year's points.
			const mark = markClicked(click);
			return mark && byYear[mark.seriesIndex]?.[mark.dataIndex];
		}
	};
}
