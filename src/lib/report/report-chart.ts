import type { EChartsOption } from 'echarts';
import { AXIS_TEXT, chartBase, EVALUATOR_STYLE, GRID_LINE } from '$lib/charts/palette';
import { EVALUATOR_TYPES } from '$lib/domain/evaluation';
import { translator, type Locale } from '$lib/i18n';
import { formatPoints } from '$lib/i18n/format';
import type { DistrictReport } from './district-report';

/** A chart image's size in the .docx, in pixels at 96 dpi (about 16 × 6.5 cm). */
export const REPORT_CHART_SIZE = { width: 600, height: 250 };

/**
 * A district's totals by source and year as lines, for the .docx: the page's table drawn, its
 * text alternative the same figures in words. A year without scores is a gap in the line.
 */
export function reportChart(
	report: DistrictReport,
	locale: Locale
): { option: EChartsOption; description: string } {
	const t = translator(locale);
	const entry = (year: number) => report.byYear.find((row) => row.year === year);
	const description = EVALUATOR_TYPES.map(
		(source) =>
			`${t(`evaluator.${source}`)}: ${report.years
				.map((year) => `${year} ${formatPoints(entry(year)?.scores[source] ?? null, locale)}`)
				.join(', ')}`
	).join('; ');
	return {
		description,
		option: {
			...chartBase(description),
			grid: { left: 44, right: 16, top: 36, bottom: 28 },
			legend: { top: 0, textStyle: { color: AXIS_TEXT } },
			xAxis: {
				type: 'category',
				data: report.years.map(String),
				axisLabel: { color: AXIS_TEXT }
			},
			yAxis: {
				type: 'value',
				min: 0,
				max: 100,
				axisLabel: { color: AXIS_TEXT },
				splitLine: { lineStyle: { color: GRID_LINE } }
			},
			series: EVALUATOR_TYPES.map((source) => ({
				type: 'line',
				name: t(`evaluator.${source}`),
				data: report.years.map((year) => entry(year)?.scores[source] ?? null),
				color: EVALUATOR_STYLE[source].color,
				symbol: EVALUATOR_STYLE[source].symbol,
				symbolSize: 7,
				connectNulls: false
			}))
		}
	};
}
