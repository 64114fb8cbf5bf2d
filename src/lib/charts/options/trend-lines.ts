import type {
	EChartsOption,
	LineSeriesOption,
	MarkLineComponentOption,
	YAXisComponentOption
} from 'echarts';
import { formatNumber, formatPoints } from '$lib/i18n/format';
import { translate, type Locale } from '$lib/i18n';
import type { DistrictRef, DistrictTrend, DistrictTrends } from '$lib/views/models';
import { axisLabelClicked, markClicked, type BuiltChart } from '../built-chart';
import { AXIS_TEXT, GRID_LINE, chartBase } from '../palette';
import { escapeHtml } from './escape';
import { groupLabel } from './score-dumbbell';

/**
 * Paul Tol's colour-blind-safe "muted" scheme (9) plus Okabe–Ito black, most contrasting first
 * (the first few are the ones highlighted lines get). Every colour reaches 3:1 on white (WCAG
 * 1.4.11), so Tol's teal, olive, cyan and sand are darkened (#44AA99 → #3ba291, #999933 →
 * #8f8f2e, #88CCEE → #6699b3) and sand, which darkened turns into olive, gives way to brown
 * (#8c510a); simulated protan, deutan and tritan vision still keeps every pair apart (ΔE*ab ≥ 11).
 * Every series also carries its own marker shape.
 */
export const CATEGORY_COLORS = [
	'#332288',
	'#CC6677',
	'#117733',
	'#882255',
	'#AA4499',
	'#3ba291',
	'#8f8f2e',
	'#000000',
	'#6699b3',
	'#8c510a'
] as const;

// Seven shapes against ten colours: 7 and 10 share no factor, so the first 70 series all differ.
export const CATEGORY_SYMBOLS = [
	'circle',
	'rect',
	'triangle',
	'diamond',
	'emptyCircle',
	'emptyRect',
	'emptyTriangle'
] as const;

/** The thin grey of lines that are not highlighted; still 3:1 on white (the app's --line-strong). */
export const CONTEXT_LINE = '#8a93a0';

/** Width at which axis and line-end labels are cut with an ellipsis (the tooltip has them whole). */
export const LABEL_WIDTH = 88;

const LINE_DASHES = ['solid', 'dashed', 'dotted'] as const;

/** Colour, marker shape and line dash of the `index`-th series of a categorical chart. */
export function categoryStyle(index: number): {
	color: string;
	symbol: string;
	dash: 'solid' | 'dashed' | 'dotted';
} {
	return {
		color: CATEGORY_COLORS[index % CATEGORY_COLORS.length]!,
		symbol: CATEGORY_SYMBOLS[index % CATEGORY_SYMBOLS.length]!,
		// Past the last marker shape the line changes its dash, so no two series of a legend
		// are told apart by colour alone.
		dash: LINE_DASHES[Math.floor(index / CATEGORY_SYMBOLS.length) % LINE_DASHES.length]!
	};
}

/** An axis tick in points, whole when it is whole: 70점, 72.5점. */
export function pointsTick(value: number, locale: Locale): string {
	const digits = Number.isInteger(value) ? 0 : 1;
	return translate(locale, 'units.points', { value: formatNumber(value, locale, digits) });
}

/** What a click on a chart of district lines picks: a year (its axis label) or a district. */
export type TrendPick = { year: number } | { district: DistrictRef };

export interface DistrictLinesSpec {
	locale: Locale;
	/** The sentence screen readers hear for the chart (its main finding). */
	description: string;
	/** Codes of the districts drawn thick, coloured and named; the others are thin and grey. */
	highlighted: readonly string[];
}

/** What differs between the charts drawing one line per district over the years. */
export interface DistrictLinesChart {
	values: (district: DistrictTrend) => readonly (number | null)[];
	/** A value as the tooltip and labels show it, with its unit. */
	format: (value: number) => string;
	yAxis: YAXisComponentOption;
	/** Tooltip order: highest value first, or lowest first (ranks). */
	descending: boolean;
	/** Name every line at both ends (bump chart), not only the highlighted ones at their end. */
	nameEveryLine: boolean;
	/** Reference lines, drawn by a series of their own after the districts'. */
	markLine?: MarkLineComponentOption;
}

/**
 * One line per district over `trend.years`, shared by the trend, rank and gap charts. A null
 * value breaks the line. Highlighted districts are thick, coloured and named at the line end;
 * with none highlighted every line is coloured, shaped and listed in a legend. A click on a year
 * gives that year; on a line, a point or a line's name, that district.
 */
export function buildDistrictLinesChart(
	trend: DistrictTrends,
	spec: DistrictLinesSpec,
	chart: DistrictLinesChart
): BuiltChart<TrendPick> {
	const { locale } = spec;
	const present = new Set(trend.districts.map((d) => d.district.code));
	const highlightOrder = new Map(
		spec.highlighted.filter((code) => present.has(code)).map((code, order) => [code, order])
	);
	const anyHighlighted = highlightOrder.size > 0;
	const names = trend.districts.map((d) => groupLabel(d.district, locale));

	const series: LineSeriesOption[] = trend.districts.map((district, index) => {
		const name = names[index]!;
		const order = highlightOrder.get(district.district.code);
		const highlighted = order !== undefined;
		const coloured = highlighted || !anyHighlighted;
		const style = categoryStyle(order ?? index);
		const color = coloured ? style.color : CONTEXT_LINE;
		const named = chart.nameEveryLine || highlighted;
		const values = chart.values(district);
		const first = values.findIndex((value) => value !== null);
		const last = values.findLastIndex((value) => value !== null);
		const nameLabel = (position: 'left' | 'right') => ({
			show: true,
			position,
			formatter: () => name,
			color: AXIS_TEXT,
			fontWeight: highlighted ? ('bold' as const) : ('normal' as const),
			width: LABEL_WIDTH,
			overflow: 'truncate' as const
		});
		return {
			type: 'line',
			id: district.district.code,
			name,
			connectNulls: false,
			color,
			// A year between two gaps is a lone point: without a marker it would not show at all.
			symbol: coloured ? style.symbol : 'circle',
			symbolSize: highlighted ? 8 : coloured ? 6 : 4,
			lineStyle: {
				color,
				width: highlighted ? 3 : coloured ? 2 : 1,
				type: coloured ? style.dash : 'solid'
			},
			itemStyle: { color },
			z: highlighted ? 3 : 2,
			emphasis: { focus: 'series' },
			labelLayout: { hideOverlap: true },
			data: values.map((value, year) => {
				if (value === null || !named) return value;
				if (year === last) return { value, label: nameLabel('right') };
				if (year === first && chart.nameEveryLine) return { value, label: nameLabel('left') };
				return value;
			})
		};
	});
	if (chart.markLine) {
		series.push({ type: 'line', data: [], silent: true, markLine: chart.markLine });
	}

	const namedAtStart = chart.nameEveryLine;
	const namedAtEnd = chart.nameEveryLine || anyHighlighted;
	const legend = !anyHighlighted && !chart.nameEveryLine;

	const option: EChartsOption = {
		...chartBase(spec.description),
		grid: {
			left: namedAtStart ? LABEL_WIDTH + 64 : 64,
			right: namedAtEnd ? LABEL_WIDTH + 16 : 24,
			top: legend ? 40 : 16,
			bottom: 32
		},
		...(legend
			? {
					legend: {
						type: 'scroll' as const,
						top: 0,
						data: names,
						textStyle: { color: AXIS_TEXT, width: LABEL_WIDTH, overflow: 'truncate' as const }
					}
				}
			: {}),
		tooltip: {
			trigger: 'axis',
			confine: true,
			formatter: (params) => {
				const list = Array.isArray(params) ? params : [params];
				const yearIndex = list[0]?.dataIndex ?? -1;
				const year = trend.years[yearIndex];
				if (year === undefined) return '';
				const entries = list.flatMap((param) => {
					const index = param.seriesIndex ?? -1;
					const district = trend.districts[index];
					const value = district ? chart.values(district)[yearIndex] : undefined;
					return district && value !== null && value !== undefined
						? [{ code: district.district.code, name: names[index]!, value }]
						: [];
				});
				entries.sort((a, b) => (chart.descending ? b.value - a.value : a.value - b.value));
				const lines = entries.map(({ code, name, value }) => {
					const line = `${escapeHtml(name)}: ${escapeHtml(chart.format(value))}`;
					return highlightOrder.has(code) ? `<strong>${line}</strong>` : line;
				});
				return [`<strong>${escapeHtml(String(year))}</strong>`, ...lines].join('<br>');
			}
		},
		xAxis: {
			type: 'category',
			data: trend.years.map(String),
			boundaryGap: false,
			axisLabel: { color: AXIS_TEXT },
			axisTick: { alignWithLabel: true },
			// Years are clickable: a click filters every view to that year.
			triggerEvent: true
		},
		yAxis: {
			splitLine: { lineStyle: { color: GRID_LINE } },
			...chart.yAxis
		} as YAXisComponentOption,
		series
	};

	return {
		option,
		itemAt(click) {
			const label = axisLabelClicked(click, 'xAxis');
			if (label !== undefined) {
				const year = trend.years.find((year) => String(year) === label);
				return year === undefined ? undefined : { year };
			}
			// Series i is the i-th district's line, grey or not, with its points and names; the
			// reference lines' series comes after them.
			const mark = markClicked(click);
			const district = mark && trend.districts[mark.seriesIndex];
			return district && { district: district.district };
		}
	};
}

/** Total score (점) per district over the years; a year without a score is a gap in the line. */
export function buildTrendLinesChart(
	trend: DistrictTrends,
	spec: DistrictLinesSpec
): BuiltChart<TrendPick> {
	const { locale } = spec;
	return buildDistrictLinesChart(trend, spec, {
		values: (district) => district.totals,
		format: (value) => formatPoints(value, locale),
		descending: true,
		nameEveryLine: false,
		yAxis: {
			type: 'value',
			// Totals sit in a narrow band; starting at 0 would flatten every change.
			scale: true,
			axisLabel: { color: AXIS_TEXT, formatter: (value: number) => pointsTick(value, locale) }
		}
	});
}
