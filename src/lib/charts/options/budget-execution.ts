import type { DistrictBudget } from '$lib/analysis/budget';
import type { EChartsOption } from 'echarts';
import { formatPercent, formatWon, formatWonShort } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n';
import { axisLabelClicked, markClicked, type BuiltChart } from '../built-chart';
import { AXIS_TEXT, EVALUATOR_STYLE, GRID_LINE, chartBase } from '../palette';
import { escapeHtml } from './escape';
import { groupLabel } from './score-dumbbell';
import { LABEL_WIDTH } from './trend-lines';

export interface BudgetExecutionSpec {
	locale: Locale;
	/** The sentence screen readers hear for the chart (its main finding). */
	description: string;
	labels: { planned: string; spent: string; rate: string };
}

const SPENT_FILL = EVALUATOR_STYLE.official.color;
const PLANNED_FILL = '#dbe9f4';

/** An amount axis's labels in the units staff count in: 350만원, 1.2억원 (₩3.5M in English). */
export function wonAxisLabel(locale: Locale) {
	return { color: AXIS_TEXT, formatter: (value: number) => formatWonShort(value, locale) };
}

/**
 * Horizontal bars per district: planned (light, outlined) beside spent (solid), as summed over
 * the years shown (`sumByDistrict`), with the execution rate written after the spent bar.
 * Districts keep the order given. A click on a district's name or on one of its bars gives it.
 */
export function buildBudgetExecutionChart(
	budgets: readonly DistrictBudget[],
	spec: BudgetExecutionSpec
): BuiltChart<DistrictBudget> {
	const { locale, labels } = spec;
	const names = budgets.map((budget) => groupLabel(budget.district, locale));

	const option: EChartsOption = {
		...chartBase(spec.description),
		grid: { left: LABEL_WIDTH + 8, right: 64, top: 40, bottom: 32 },
		legend: {
			top: 0,
			data: [labels.planned, labels.spent],
			textStyle: { color: AXIS_TEXT }
		},
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			confine: true,
			formatter: (params) => {
				const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? -1;
				const budget = budgets[index];
				if (!budget) return '';
				const lines = [
					`${escapeHtml(labels.planned)}: ${escapeHtml(formatWon(budget.planned, locale))}`,
					`${escapeHtml(labels.spent)}: ${escapeHtml(formatWon(budget.spent, locale))}`,
					`${escapeHtml(labels.rate)}: ${escapeHtml(formatPercent(budget.rate, locale))}`
				];
				return `<strong>${escapeHtml(names[index]!)}</strong><br>${lines.join('<br>')}`;
			}
		},
		xAxis: {
			type: 'value',
			min: 0,
			axisLabel: wonAxisLabel(locale),
			splitLine: { lineStyle: { color: GRID_LINE } }
		},
		yAxis: {
			type: 'category',
			data: names,
			inverse: true,
			axisLabel: { color: AXIS_TEXT, width: LABEL_WIDTH, overflow: 'truncate' },
			axisTick: { show: false },
			// District names are clickable: a click filters to that district.
			triggerEvent: true
		},
		series: [
			{
				type: 'bar',
				name: labels.planned,
				itemStyle: { color: PLANNED_FILL, borderColor: SPENT_FILL, borderWidth: 1 },
				barGap: '15%',
				data: budgets.map((budget) => budget.planned)
			},
			{
				type: 'bar',
				name: labels.spent,
				itemStyle: { color: SPENT_FILL },
				label: {
					show: true,
					position: 'right',
					color: AXIS_TEXT,
					formatter: (param) => formatPercent(budgets[param.dataIndex]?.rate ?? null, locale)
				},
				data: budgets.map((budget) => budget.spent)
			}
		]
	};

	return {
		option,
		itemAt(click) {
			const label = axisLabelClicked(click, 'yAxis');
			if (label !== undefined) return budgets[names.indexOf(label)];
			// Both bar series, planned and spent, have one item per district in the order given.
			const mark = markClicked(click);
			return mark && mark.seriesIndex < 2 ? budgets[mark.dataIndex] : undefined;
		}
	};
}
