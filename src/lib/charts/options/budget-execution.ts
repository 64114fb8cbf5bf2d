import type { EChartsOption } from 'echarts';
import { formatPercent, formatWon, formatWonShort } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n';
import type { BudgetDistrictYear, DistrictRef } from '$lib/views/models';
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

/** A district's planned and spent (원) summed over years, with spent / planned. */
export interface DistrictBudget {
	district: DistrictRef;
	planned: number;
	spent: number;
	/** spent / planned of the sums; null when nothing was planned. */
	rate: number | null;
}

const SPENT_FILL = EVALUATOR_STYLE.official.color;
const PLANNED_FILL = '#dbe9f4';

/** Sums planned and spent per district over the rows given, districts in first-seen order. */
export function sumByDistrict(rows: readonly BudgetDistrictYear[]): DistrictBudget[] {
	const sums = new Map<string, DistrictBudget>();
	for (const row of rows) {
		const sum = sums.get(row.district.code);
		if (sum) {
			sum.planned += row.planned;
			sum.spent += row.spent;
		} else {
			sums.set(row.district.code, {
				district: row.district,
				planned: row.planned,
				spent: row.spent,
				rate: null
			});
		}
	}
	// The rate of the sums, not a mean of yearly rates: a small year must not weigh like a big one.
	return [...sums.values()].map((sum) => ({
		...sum,
		rate: sum.planned > 0 ? sum.spent / sum.planned : null
	}));
}

/** An amount axis's labels in the units staff count in: 350만원, 1.2억원 (₩3.5M in English). */
export function wonAxisLabel(locale: Locale) {
	return { color: AXIS_TEXT, formatter: (value: number) => formatWonShort(value, locale) };
}

/**
 * Horizontal bars per district: planned (light, outlined) beside spent (solid), summed over the
 * years given, with the execution rate written after the spent bar.
 */
export function buildBudgetExecutionOption(
	rows: readonly BudgetDistrictYear[],
	spec: BudgetExecutionSpec
): EChartsOption {
	const { locale, labels } = spec;
	const budgets = sumByDistrict(rows);
	const names = budgets.map((budget) => groupLabel(budget.district, locale));

	return {
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
			axisTick: { show: false }
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
}
