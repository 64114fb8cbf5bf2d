import { describe, expect, it } from 'vitest';
import type { AgreementPoint } from '$lib/views/models';
import {
	buildBlandAltmanChart,
	type BlandAltmanSpec,
	type LabelledBlandAltman
} from './bland-altman';

const spec = (locale: BlandAltmanSpec['locale'] = 'ko'): BlandAltmanSpec => ({
	locale,
	description: '설명',
	labels: {
		meanAxis: '자체·외부 평균 (점)',
		differenceAxis: '차이 (자체 − 외부, 점)',
		bias: '평균 차이',
		lowerLimit: '하한',
		upperLimit: '상한',
		mean: '평균',
		difference: '차이'
	}
});

const point = (
	labelKo: string,
	indicator: string,
	mean: number,
	difference: number
): AgreementPoint => ({
	district: { code: '11290', labelKo, labelEn: 'Seongbuk-gu' },
	year: 2024,
	indicator,
	mean,
	difference
});

const withPoints = (
	labelled: AgreementPoint[],
	summary: Pick<LabelledBlandAltman, 'bias' | 'sd' | 'lowerLimit' | 'upperLimit'>
): LabelledBlandAltman => ({
	...summary,
	n: labelled.length,
	points: labelled.map(({ mean, difference }) => ({ mean, difference })),
	labelled
});

type MarkLineItem = {
	yAxis: number;
	lineStyle: { type: string };
	label: { show: boolean; formatter?: () => string; backgroundColor?: string };
};
type Series = {
	type: string;
	symbol: string;
	itemStyle: { color: string; borderColor: string; borderWidth: number };
	data: number[][];
	markLine: { data: MarkLineItem[] };
};
type Option = ReturnType<typeof buildBlandAltmanChart>['option'];
const scatter = (option: Option) => (option.series as Series[])[0]!;
type Axis = { name: string; min?: number; max?: number };
const axes = (option: Option) => ({ x: option.xAxis as Axis, y: option.yAxis as Axis });
const tooltip = (option: Option, params: unknown) =>
	(option.tooltip as { formatter: (p: unknown) => string }).formatter(params);
const atPoint = (dataIndex: number) => ({
	componentType: 'series',
	seriesType: 'scatter',
	seriesIndex: 0,
	dataIndex
});

describe('buildBlandAltmanChart', () => {
	it('null: the named axes, no points, only the zero line', () => {
		const option = buildBlandAltmanChart(null, spec()).option;
		expect(scatter(option).data).toEqual([]);
		expect(axes(option).x).toMatchObject({ name: '자체·외부 평균 (점)', min: 0, max: 100 });
		expect(axes(option).y).toMatchObject({ name: '차이 (자체 − 외부, 점)', min: -10, max: 10 });
		expect(scatter(option).markLine.data.map((line) => line.yAxis)).toEqual([0]);
		expect(tooltip(option, atPoint(0))).toBe('');
		expect(option.aria).toEqual({ enabled: true, label: { description: '설명' } });
		expect(option.animation).toBe(false);
	});

	it('one point: plotted at (mean, difference)', () => {
		const option = buildBlandAltmanChart(
			withPoints([point('성북구', '참여', 70, -5.5)], {
				bias: -5.5,
				sd: 0,
				lowerLimit: -5.5,
				upperLimit: -5.5
			}),
			spec()
		).option;
		expect(scatter(option).data).toEqual([[70, -5.5]]);
		expect(tooltip(option, atPoint(0))).toBe(
			'<strong>성북구</strong> · 2024<br>참여<br>평균: 70.0점<br>차이: −5.5점'
		);
	});

	it('mark lines sit at the bias and limits, labelled with their values; zero is dashed', () => {
		const option = buildBlandAltmanChart(
			withPoints([point('성북구', '참여', 70, -10), point('은평구', '소통', 62, -1)], {
				bias: -5.5,
				sd: 4.4,
				lowerLimit: -14.224,
				upperLimit: 3.124
			}),
			spec()
		).option;
		const lines = scatter(option).markLine.data;
		expect(lines.map((line) => line.yAxis)).toEqual([0, 3.124, -5.5, -14.224]);
		expect(lines.map((line) => line.label.formatter?.())).toEqual([
			undefined,
			'상한 +3.1점',
			'평균 차이 −5.5점',
			'하한 −14.2점'
		]);
		expect(lines[0]).toMatchObject({ lineStyle: { type: 'dashed' }, label: { show: false } });
		// Their words sit on an opaque white box, readable where a point lies under them.
		for (const line of lines.slice(1)) {
			expect(line.label).toMatchObject({ backgroundColor: '#ffffff' });
		}
		// The limits (−14.2, 3.1) widen the axis past the points (−10, −1) and zero.
		const { y } = axes(option);
		expect(y.min).toBeLessThanOrEqual(-14.224);
		expect(y.max).toBeGreaterThanOrEqual(3.124);
	});

	it('English labels use the English district name and unit', () => {
		const option = buildBlandAltmanChart(
			withPoints([point('성북구', 'Participation', 80.25, 2)], {
				bias: 2,
				sd: 1,
				lowerLimit: 0.04,
				upperLimit: 3.96
			}),
			spec('en')
		).option;
		expect(tooltip(option, atPoint(0))).toBe(
			'<strong>Seongbuk-gu</strong> · 2024<br>Participation<br>평균: 80.3 pts<br>차이: +2.0 pts'
		);
	});

	it('circles with a see-through fill and a solid border', () => {
		const { symbol, itemStyle } = scatter(buildBlandAltmanChart(null, spec()).option);
		expect(symbol).toBe('circle');
		expect(itemStyle.color).toMatch(/^rgba\(.*, 0\.\d+\)$/);
		expect(itemStyle.borderColor).toMatch(/^#[0-9a-f]{6}$/i);
		expect(itemStyle.borderWidth).toBeGreaterThan(0);
	});

	it('a hostile district or indicator is escaped in the tooltip', () => {
		const hostile = '<img src=x onerror=alert(1)>';
		const option = buildBlandAltmanChart(
			withPoints([point(hostile, '참여', 70, -3), point('성북구', hostile, 60, 1)], {
				bias: -1,
				sd: 2.83,
				lowerLimit: -6.54,
				upperLimit: 4.54
			}),
			spec()
		).option;
		const escaped = '&lt;img src=x onerror=alert(1)&gt;';
		expect(tooltip(option, atPoint(0))).toContain(`<strong>${escaped}</strong>`);
		expect(tooltip(option, [atPoint(1)])).toContain(`<br>${escaped}<br>`);
		for (const index of [0, 1]) expect(tooltip(option, atPoint(index))).not.toContain('<img');
		expect(tooltip(option, { componentType: 'markLine', dataIndex: 1 })).toBe('');
	});
});

describe('buildBlandAltmanChart: the point behind a click', () => {
	const points = [point('성북구', '참여', 70, -5.5), point('은평구', '소통', 80, 2)];
	const chart = buildBlandAltmanChart(
		withPoints(points, { bias: -1.75, sd: 5.3, lowerLimit: -12.1, upperLimit: 8.6 }),
		spec()
	);

	it('a point gives the labelled point drawn there', () => {
		expect(chart.itemAt(atPoint(0))).toBe(points[0]);
		expect(chart.itemAt(atPoint(1))).toBe(points[1]);
	});

	it('the zero, bias and limit lines and other clicks give nothing', () => {
		for (const dataIndex of [0, 1, 2, 3]) {
			expect(
				chart.itemAt({ componentType: 'markLine', seriesIndex: 0, dataIndex })
			).toBeUndefined();
		}
		expect(chart.itemAt({ componentType: 'title' })).toBeUndefined();
		expect(chart.itemAt(atPoint(2))).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 1, dataIndex: 0 })).toBeUndefined();
		expect(buildBlandAltmanChart(null, spec()).itemAt(atPoint(0))).toBeUndefined();
	});
});
