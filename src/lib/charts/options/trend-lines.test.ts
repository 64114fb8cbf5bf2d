import { describe, expect, it } from 'vitest';
import type { DistrictTrend, DistrictTrends } from '$lib/views/models';
import { buildTrendLinesChart, categoryStyle, pointsTick } from './trend-lines';

const district = (code: string, labelKo: string, totals: (number | null)[]): DistrictTrend => ({
	district: { code, labelKo, labelEn: `${code}-gu` },
	totals,
	ranks: totals.map(() => null),
	gaps: totals.map(() => null),
	gapSlope: null,
	gapSlopeInterval: null
});

const spec = (highlighted: string[] = []) => ({
	locale: 'ko' as const,
	description: '추세',
	highlighted
});

type Formatter = (params: unknown) => string;
type Label = { show: boolean; position: string; formatter: () => string; width: number };
type Line = {
	type: string;
	id: string;
	name: string;
	color: string;
	symbol: string;
	connectNulls: boolean;
	lineStyle: { width: number; color: string };
	z: number;
	data: (number | null | { value: number; label: Label })[];
};
type Option = ReturnType<typeof buildTrendLinesChart>['option'];
const lines = (option: Option) => option.series as Line[];
// What ECharts hands an axis-triggered tooltip: one entry per series at the hovered year.
const tooltip = (option: Option, dataIndex: number, seriesCount: number) =>
	(option.tooltip as { formatter: Formatter }).formatter(
		Array.from({ length: seriesCount }, (_, seriesIndex) => ({
			componentType: 'series',
			seriesType: 'line',
			seriesIndex,
			dataIndex,
			axisValue: '',
			value: null
		}))
	);

describe('categoryStyle', () => {
	it('cycles ten colours against seven shapes', () => {
		expect(categoryStyle(0)).toEqual({ color: '#332288', symbol: 'circle', dash: 'solid' });
		expect(categoryStyle(1)).toEqual({ color: '#CC6677', symbol: 'rect', dash: 'solid' });
		expect(categoryStyle(7)).toEqual({ color: '#000000', symbol: 'circle', dash: 'dashed' });
		expect(categoryStyle(10)).toEqual({ color: '#332288', symbol: 'diamond', dash: 'dashed' });
	});
});

describe('pointsTick', () => {
	it('whole ticks without decimals, halves with one', () => {
		expect(pointsTick(70, 'ko')).toBe('70점');
		expect(pointsTick(72.5, 'ko')).toBe('72.5점');
		expect(pointsTick(70, 'en')).toBe('70 pts');
	});
});

describe('buildTrendLinesChart', () => {
	it('empty data: no lines, no years', () => {
		const option = buildTrendLinesChart({ years: [], districts: [] }, spec()).option;
		expect(lines(option)).toEqual([]);
		expect((option.xAxis as { data: string[] }).data).toEqual([]);
		expect(option.aria).toEqual({ enabled: true, label: { description: '추세' } });
		expect(option.animation).toBe(false);
		expect(tooltip(option, 0, 0)).toBe('');
	});

	it('one district, one year: one coloured line with a point', () => {
		const option = buildTrendLinesChart(
			{ years: [2023], districts: [district('11290', '성북구', [78.4])] },
			spec()
		).option;
		expect((option.xAxis as { data: string[] }).data).toEqual(['2023']);
		expect(lines(option)).toMatchObject([
			{ type: 'line', id: '11290', name: '성북구', color: '#332288', data: [78.4] }
		]);
		expect(tooltip(option, 0, 1)).toBe('<strong>2023</strong><br>성북구: 78.4점');
		const yAxis = option.yAxis as {
			scale: boolean;
			axisLabel: { formatter: (v: number) => string };
		};
		expect(yAxis.scale).toBe(true);
		expect(yAxis.axisLabel.formatter(80)).toBe('80점');
	});

	it('nulls: a missing year stays null (a gap), never 0, and is left out of the tooltip', () => {
		const trend: DistrictTrends = {
			years: [2021, 2022, 2023],
			districts: [district('1', '가구', [70, null, 74]), district('2', '나구', [null, 65, 66])]
		};
		const option = buildTrendLinesChart(trend, spec()).option;
		const [a, b] = lines(option);
		expect(a!.data).toEqual([70, null, 74]);
		expect(b!.data).toEqual([null, 65, 66]);
		expect(a!.connectNulls).toBe(false);
		expect(tooltip(option, 1, 2)).toBe('<strong>2022</strong><br>나구: 65.0점');
	});

	it('none highlighted: every line coloured and shaped in turn, with a legend', () => {
		const trend: DistrictTrends = {
			years: [2023],
			districts: [district('1', '가구', [70]), district('2', '나구', [80])]
		};
		const option = buildTrendLinesChart(trend, spec()).option;
		expect(lines(option).map((l) => [l.color, l.symbol, l.lineStyle.width])).toEqual([
			['#332288', 'circle', 2],
			['#CC6677', 'rect', 2]
		]);
		expect((option.legend as { data: string[] }).data).toEqual(['가구', '나구']);
		// Highest first.
		expect(tooltip(option, 0, 2)).toBe('<strong>2023</strong><br>나구: 80.0점<br>가구: 70.0점');
	});

	it('highlighted: thick, coloured, named at the last year with a score; the rest thin grey', () => {
		const trend: DistrictTrends = {
			years: [2021, 2022, 2023],
			districts: [
				district('1', '가구', [70, 71, 72]),
				district('2', '나구', [60, 62, null]),
				district('3', '다구', [65, 66, 67])
			]
		};
		const option = buildTrendLinesChart(trend, spec(['2', '3'])).option;
		const [a, b, c] = lines(option);
		expect(a).toMatchObject({
			color: '#8a93a0',
			lineStyle: { width: 1 },
			z: 2,
			data: [70, 71, 72]
		});
		expect(b).toMatchObject({ color: '#332288', lineStyle: { width: 3 }, z: 3 });
		expect(c).toMatchObject({ color: '#CC6677', lineStyle: { width: 3 }, z: 3 });
		// 나구 has no 2023 score: its name goes at 2022, and 2023 stays a gap.
		expect(b!.data.slice(0, 1)).toEqual([60]);
		expect(b!.data[1]).toMatchObject({ value: 62, label: { show: true, position: 'right' } });
		expect(b!.data[2]).toBeNull();
		expect((b!.data[1] as { label: Label }).label.formatter()).toBe('나구');
		expect(c!.data[2]).toMatchObject({ value: 67, label: { show: true } });
		expect(option.legend).toBeUndefined();
		expect(tooltip(option, 1, 3)).toBe(
			'<strong>2022</strong><br>가구: 71.0점<br><strong>다구: 66.0점</strong><br><strong>나구: 62.0점</strong>'
		);
	});

	it('a highlighted code not in the data counts as none highlighted', () => {
		const option = buildTrendLinesChart(
			{ years: [2023], districts: [district('1', '가구', [70])] },
			spec(['99'])
		).option;
		expect(lines(option)[0]).toMatchObject({ color: '#332288', lineStyle: { width: 2 } });
		expect(option.legend).toBeDefined();
	});

	it('long Korean labels are truncated at the line end and in the legend, whole in the tooltip', () => {
		const long = '아주아주긴이름을가진가상의자치구시민협력플랫폼운영위원회';
		const trend = { years: [2023], districts: [district('1', long, [70])] };
		const highlighted = buildTrendLinesChart(trend, spec(['1'])).option;
		const label = (lines(highlighted)[0]!.data[0] as { label: Label }).label;
		expect(label).toMatchObject({ overflow: 'truncate', width: 88 });
		expect(label.formatter()).toBe(long);
		expect(tooltip(highlighted, 0, 1)).toContain(long);
		const plain = buildTrendLinesChart(trend, spec()).option;
		expect((plain.legend as { textStyle: unknown }).textStyle).toMatchObject({
			overflow: 'truncate',
			width: 88
		});
	});

	it('a hostile label is escaped in the tooltip', () => {
		const option = buildTrendLinesChart(
			{ years: [2023], districts: [district('1', '<img src=x onerror=alert(1)>', [70])] },
			spec(['1'])
		).option;
		const html = tooltip(option, 0, 1);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;: 70.0점');
		expect(html).not.toContain('<img');
	});
});

describe('buildTrendLinesChart: the year or district behind a click', () => {
	const trend: DistrictTrends = {
		years: [2022, 2023],
		districts: [district('1', '가구', [70, 72]), district('2', '나구', [60, null])]
	};

	it('a year label gives that year, as a number', () => {
		const chart = buildTrendLinesChart(trend, spec());
		expect(chart.itemAt({ componentType: 'xAxis', value: '2023' })).toEqual({ year: 2023 });
		expect(chart.itemAt({ componentType: 'xAxis', value: '2022' })).toEqual({ year: 2022 });
	});

	it('a line, a point or a line’s name gives its district, grey context lines too', () => {
		const chart = buildTrendLinesChart(trend, spec(['2']));
		// A point's `name` is its year on the category axis, not the district.
		expect(
			chart.itemAt({ componentType: 'series', seriesIndex: 0, dataIndex: 1, name: '2023' })
		).toEqual({ district: trend.districts[0]!.district });
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 1, dataIndex: 0 })).toEqual({
			district: trend.districts[1]!.district
		});
	});

	it('a click elsewhere gives nothing', () => {
		const chart = buildTrendLinesChart(trend, spec());
		expect(chart.itemAt({ componentType: 'xAxis', value: '2021' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'yAxis', value: 70 })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'legend', name: '가구' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'title' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 2, dataIndex: 0 })).toBeUndefined();
	});
});
