import { describe, expect, it } from 'vitest';
import type { DistrictTrend } from '$lib/views/models';
import { buildGapTrendChart, signedPointsTick } from './gap-trend';

const district = (code: string, labelKo: string, gaps: (number | null)[]): DistrictTrend => ({
	district: { code, labelKo, labelEn: `${code}-gu` },
	totals: gaps.map(() => null),
	ranks: gaps.map(() => null),
	gaps,
	gapSlope: null,
	gapSlopeInterval: null
});

const spec = (highlighted: string[] = []) => ({
	locale: 'ko' as const,
	description: '격차 추세',
	highlighted
});

type Formatter = (params: unknown) => string;
type Series = {
	type: string;
	color?: string;
	lineStyle?: { width: number };
	data: unknown[];
	markLine?: { data: { yAxis: number }[] };
};
type Option = ReturnType<typeof buildGapTrendChart>['option'];
const series = (option: Option) => option.series as Series[];
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

describe('signedPointsTick', () => {
	it('signs the tick, with a true minus, and leaves zero bare', () => {
		expect(signedPointsTick(5, 'ko')).toBe('+5점');
		expect(signedPointsTick(-2.5, 'ko')).toBe('−2.5점');
		expect(signedPointsTick(0, 'ko')).toBe('0점');
		expect(signedPointsTick(-10, 'en')).toBe('−10 pts');
	});
});

describe('buildGapTrendChart', () => {
	it('empty data: only the zero line', () => {
		const option = buildGapTrendChart({ years: [], districts: [] }, spec()).option;
		const all = series(option);
		expect(all).toHaveLength(1);
		expect(all[0]).toMatchObject({ type: 'line', data: [], markLine: { data: [{ yAxis: 0 }] } });
		expect(option.aria).toEqual({ enabled: true, label: { description: '격차 추세' } });
		expect(option.animation).toBe(false);
	});

	it('one district, one year: a signed gap, the axis keeping 0 in range', () => {
		const option = buildGapTrendChart(
			{ years: [2023], districts: [district('11290', '성북구', [3.2])] },
			spec()
		).option;
		expect(series(option)[0]!.data).toEqual([3.2]);
		const yAxis = option.yAxis as {
			scale?: boolean;
			axisLabel: { formatter: (v: number) => string };
		};
		expect(yAxis.scale).toBeUndefined();
		expect(yAxis.axisLabel.formatter(-4)).toBe('−4점');
		expect(tooltip(option, 0, 2)).toBe('<strong>2023</strong><br>성북구: +3.2점');
	});

	it('nulls: a missing gap stays null, never 0', () => {
		const option = buildGapTrendChart(
			{
				years: [2022, 2023],
				districts: [district('1', '가구', [null, -6.2]), district('2', '나구', [1, 0])]
			},
			spec()
		).option;
		const [a, b] = series(option);
		expect(a!.data).toEqual([null, -6.2]);
		expect(b!.data).toEqual([1, 0]);
		expect(tooltip(option, 0, 3)).toBe('<strong>2022</strong><br>나구: +1.0점');
		// Highest first; a real zero is listed.
		expect(tooltip(option, 1, 3)).toBe('<strong>2023</strong><br>나구: ±0.0점<br>가구: −6.2점');
	});

	it('highlighted lines are thick, coloured and named at their end', () => {
		const option = buildGapTrendChart(
			{
				years: [2022, 2023],
				districts: [district('1', '가구', [2, 3]), district('2', '나구', [-1, -2])]
			},
			spec(['1'])
		).option;
		const [a, b] = series(option);
		expect(a).toMatchObject({ color: '#332288', lineStyle: { width: 3 } });
		expect(a!.data[1]).toMatchObject({ value: 3, label: { show: true, position: 'right' } });
		expect(b).toMatchObject({ color: '#8a93a0', lineStyle: { width: 1 }, data: [-1, -2] });
	});

	it('long Korean labels are truncated at the line end, whole in the tooltip', () => {
		const long = '아주아주긴이름을가진가상의자치구시민협력플랫폼운영위원회';
		const option = buildGapTrendChart(
			{ years: [2023], districts: [district('1', long, [-1.5])] },
			spec(['1'])
		).option;
		expect(series(option)[0]!.data[0]).toMatchObject({
			label: { overflow: 'truncate', width: 88 }
		});
		expect(tooltip(option, 0, 1)).toContain(`${long}: −1.5점`);
	});

	it('a hostile label is escaped in the tooltip', () => {
		const option = buildGapTrendChart(
			{ years: [2023], districts: [district('1', '<img src=x onerror=alert(1)>', [2])] },
			spec()
		).option;
		const html = tooltip(option, 0, 2);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;: +2.0점');
		expect(html).not.toContain('<img');
	});
});

describe('buildGapTrendChart: the year or district behind a click', () => {
	const trend = {
		years: [2022, 2023],
		districts: [district('1', '가구', [-3, -1]), district('2', '나구', [2, 4])]
	};
	const chart = buildGapTrendChart(trend, spec());

	it('a year label gives that year', () => {
		expect(chart.itemAt({ componentType: 'xAxis', value: '2023' })).toEqual({ year: 2023 });
	});

	it('a line gives its district', () => {
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 1, dataIndex: 1 })).toEqual({
			district: trend.districts[1]!.district
		});
	});

	it('the zero line’s series and other clicks give nothing', () => {
		// Series 2 carries only the zero line, after the districts' lines.
		expect(series(chart.option)[2]!.markLine).toBeDefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 2, dataIndex: 0 })).toBeUndefined();
		expect(
			chart.itemAt({ componentType: 'markLine', seriesIndex: 2, dataIndex: 0 })
		).toBeUndefined();
		expect(chart.itemAt({ componentType: 'xAxis', value: '2021' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'title' })).toBeUndefined();
	});
});
