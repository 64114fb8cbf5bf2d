import { executionFlag, OVER_SPENT_ABOVE, UNDER_SPENT_BELOW } from '$lib/analysis/budget';
import type { EChartsOption, ScatterSeriesOption } from 'echarts';
import { formatNumber, formatPercent, formatWon } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n';
import type { BudgetDistrictYear, DistrictRef } from '$lib/views/models';
import { axisLabelClicked, markClicked, type BuiltChart } from '../built-chart';
import { AXIS_TEXT, GRID_LINE, OPAQUE_LABEL, RANGE_LINE, chartBase } from '../palette';
import { escapeHtml } from './escape';
import { groupLabel } from './score-dumbbell';
import { categoryStyle, LABEL_WIDTH } from './trend-lines';

export interface ExecutionRateSpec {
	locale: Locale;
	/** The sentence screen readers hear for the chart (its main finding). */
	description: string;
	labels: {
		rate: string;
		planned: string;
		spent: string;
		/** Names the 80% line, e.g. '부진 기준 80%'. */
		line80: string;
		/** Names the 100% line, e.g. '초과 기준 100%'. */
		line100: string;
	};
}

const FLAG_BORDER = '#1f2328';
const FLAG_MARK = { under: '▼', over: '▲' } as const;

/**
 * Execution rate (%) per district × year as dots, one series and marker shape per year, with
 * lines at 80% and 100%. A point outside them is drawn larger with a dark border and marked ▼
 * (under) or ▲ (over), so it stands out without colour. A null rate draws no point. A click on a
 * district's name gives that district; a click on a point, its district-year row.
 */
export function buildExecutionRateChart(
	rows: readonly BudgetDistrictYear[],
	spec: ExecutionRateSpec
): BuiltChart<{ district: DistrictRef }> {
	const { locale, labels } = spec;
	const districts = new Map<string, DistrictRef>();
	for (const row of rows)
		if (!districts.has(row.district.code)) districts.set(row.district.code, row.district);
	const refs = [...districts.values()];
	const names = refs.map((district) => groupLabel(district, locale));
	const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
	const byKey = new Map(rows.map((row) => [`${row.district.code}:${row.year}`, row]));
	const rowAt = (yearIndex: number, districtIndex: number) =>
		byKey.get(`${refs[districtIndex]?.code}:${years[yearIndex]}`);

	const percents = rows.flatMap((row) => (row.rate === null ? [] : [row.rate * 100]));
	// Markers do not widen the axis, so keep 80 and 100 in range by hand, with a margin.
	const axisMin = Math.max(0, Math.min(70, Math.floor((Math.min(...percents) - 5) / 10) * 10));
	const axisMax = Math.max(110, Math.ceil((Math.max(...percents) + 5) / 10) * 10);

	const yearSeries: ScatterSeriesOption[] = years.map((year, yearIndex) => {
		const { color, symbol } = categoryStyle(yearIndex);
		return {
			type: 'scatter',
			name: String(year),
			symbol,
			symbolSize: 9,
			// Opaque: ECharts draws scatter points at 80%, which takes lighter colours under 3:1.
			itemStyle: { color, opacity: 1 },
			data: refs.map((_, districtIndex) => {
				const rate = rowAt(yearIndex, districtIndex)?.rate ?? null;
				const flag = executionFlag(rate);
				if (rate === null) return [districtIndex, null];
				if (!flag) return [districtIndex, rate * 100];
				return {
					value: [districtIndex, rate * 100],
					symbolSize: 15,
					itemStyle: { borderColor: FLAG_BORDER, borderWidth: 2 },
					label: {
						show: true,
						position: flag === 'under' ? 'bottom' : 'top',
						formatter: FLAG_MARK[flag],
						color: FLAG_BORDER
					}
				};
			})
		};
	});

	const option: EChartsOption = {
		...chartBase(spec.description),
		grid: { left: 56, right: 24, top: 40, bottom: 88 },
		legend: { top: 0, data: years.map(String), textStyle: { color: AXIS_TEXT } },
		tooltip: {
			trigger: 'item',
			confine: true,
			formatter: (params) => {
				const param = Array.isArray(params) ? params[0] : params;
				const row = rowAt(param?.seriesIndex ?? -1, param?.dataIndex ?? -1);
				if (!row || row.rate === null) return '';
				const flag = executionFlag(row.rate);
				const rate = formatPercent(row.rate, locale) + (flag ? ` ${FLAG_MARK[flag]}` : '');
				const lines = [
					`${escapeHtml(labels.rate)}: ${escapeHtml(rate)}`,
					`${escapeHtml(labels.planned)}: ${escapeHtml(formatWon(row.planned, locale))}`,
					`${escapeHtml(labels.spent)}: ${escapeHtml(formatWon(row.spent, locale))}`
				];
				const title = `${escapeHtml(names[param!.dataIndex]!)} · ${escapeHtml(String(row.year))}`;
				return `<strong>${title}</strong><br>${lines.join('<br>')}`;
			}
		},
		xAxis: {
			type: 'category',
			data: names,
			axisLabel: {
				color: AXIS_TEXT,
				interval: 0,
				rotate: 45,
				width: LABEL_WIDTH,
				overflow: 'truncate'
			},
			axisTick: { alignWithLabel: true },
			// District names are clickable: a click filters to that district.
			triggerEvent: true
		},
		yAxis: {
			type: 'value',
			min: axisMin,
			max: axisMax,
			axisLabel: {
				color: AXIS_TEXT,
				formatter: (value: number) => `${formatNumber(value, locale)}%`
			},
			splitLine: { lineStyle: { color: GRID_LINE } }
		},
		series: [
			...yearSeries,
			// The thresholds ride on a series of their own, so they show even with no data.
			{
				type: 'scatter',
				data: [],
				silent: true,
				markLine: {
					silent: true,
					symbol: 'none',
					lineStyle: { color: RANGE_LINE, type: 'dashed' },
					label: { position: 'insideEndTop', color: AXIS_TEXT, ...OPAQUE_LABEL },
					data: [
						{ yAxis: UNDER_SPENT_BELOW * 100, label: { formatter: () => labels.line80 } },
						{ yAxis: OVER_SPENT_ABOVE * 100, label: { formatter: () => labels.line100 } }
					]
				}
			}
		]
	};

	return {
		option,
		itemAt(click) {
			const label = axisLabelClicked(click, 'xAxis');
			if (label !== undefined) {
				const district = refs[names.indexOf(label)];
				return district && { district };
			}
			// Series `y` is the y-th year, its item `d` the d-th district; the thresholds' series
			// after the years' has no points.
			const mark = markClicked(click);
			const row =
				mark && mark.seriesIndex < years.length
					? rowAt(mark.seriesIndex, mark.dataIndex)
					: undefined;
			return row?.rate === null ? undefined : row;
		}
	};
}
