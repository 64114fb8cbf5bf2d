import { describe, expect, it } from 'vitest';
import type { DistrictRef, ScoreMoneyPoint } from '$lib/views/models';
import { buildScoreMoneyChart } from './score-money';

const ref = (code: string, labelKo: string): DistrictRef => ({
	code,
	labelKo,
	labelEn: `${code}-gu`
});
const point = (
	district: DistrictRef,
	year: number,
	spent: number,
	score: number
): ScoreMoneyPoint => ({ district, year, spent, score });

const spec = {
	locale: 'ko' as const,
	description: '집행액과 점수',
	labels: { spent: '집행액', score: '외부평가 총점' }
};

type Formatter = (params: unknown) => string;
type Series = {
	name: string;
	symbol: string;
	data: unknown[];
	label: { show: boolean; width: number; overflow: string; formatter: Formatter };
	labelLayout: unknown;
};
type Option = ReturnType<typeof buildScoreMoneyChart>['option'];
const series = (option: Option) => option.series as Series[];
type Axis = { name: string; axisLabel: { formatter: (v: number) => string } };
const tooltip = (option: Option, seriesIndex: number, dataIndex: number) =>
	(option.tooltip as { formatter: Formatter }).formatter({
		componentType: 'series',
		seriesType: 'scatter',
		seriesIndex,
		dataIndex,
		value: [0, 0]
	});

describe('buildScoreMoneyChart', () => {
	it('empty data: no series, no legend entries', () => {
		const option = buildScoreMoneyChart([], spec).option;
		expect(series(option)).toEqual([]);
		expect((option.legend as { data: string[] }).data).toEqual([]);
		expect(option.aria).toEqual({ enabled: true, label: { description: '집행액과 점수' } });
		expect(option.animation).toBe(false);
	});

	it('one point: spent on x, score on y, named with its district', () => {
		const option = buildScoreMoneyChart(
			[point(ref('11290', '성북구'), 2023, 3_500_000, 72.5)],
			spec
		).option;
		const [only] = series(option);
		expect(only).toMatchObject({ name: '2023', symbol: 'circle', data: [[3_500_000, 72.5]] });
		expect(only!.label.formatter({ dataIndex: 0 })).toBe('성북구');
		expect(only!.labelLayout).toEqual({ hideOverlap: true });
		const html = tooltip(option, 0, 0);
		expect(html).toContain('<strong>성북구 · 2023</strong>');
		expect(html).toContain('집행액: 3,500,000원');
		expect(html).toContain('외부평가 총점: 72.5점');
	});

	it('one series per year in order, each with its own shape; a missing year adds no point', () => {
		const a = ref('1', '가구');
		const b = ref('2', '나구');
		const option = buildScoreMoneyChart(
			[point(a, 2023, 2_000_000, 70), point(a, 2022, 1_000_000, 60), point(b, 2023, 0, 65)],
			spec
		).option;
		const [y2022, y2023] = series(option);
		expect(y2022).toMatchObject({ name: '2022', symbol: 'circle', data: [[1_000_000, 60]] });
		expect(y2023).toMatchObject({
			name: '2023',
			symbol: 'rect',
			data: [
				[2_000_000, 70],
				[0, 65]
			]
		});
		expect(y2023!.label.formatter({ dataIndex: 1 })).toBe('나구');
		expect(tooltip(option, 0, 0)).toContain('가구 · 2022');
		expect(tooltip(option, 0, 1)).toBe('');
	});

	it('axes: amounts in 만원 and 억원, scores in 점', () => {
		const option = buildScoreMoneyChart([], spec).option;
		const x = option.xAxis as Axis;
		const y = option.yAxis as Axis;
		expect(x.name).toBe('집행액');
		expect(x.axisLabel.formatter(3_500_000)).toBe('350만원');
		expect(x.axisLabel.formatter(120_000_000)).toBe('1.2억원');
		expect(y.name).toBe('외부평가 총점');
		expect(y.axisLabel.formatter(70)).toBe('70점');
		expect(y.axisLabel.formatter(72.5)).toBe('72.5점');
	});

	it('English: district names and amounts in English', () => {
		const option = buildScoreMoneyChart([point(ref('7', '가구'), 2023, 3_500_000, 80)], {
			...spec,
			locale: 'en'
		}).option;
		expect(series(option)[0]!.label.formatter({ dataIndex: 0 })).toBe('7-gu');
		expect((option.xAxis as Axis).axisLabel.formatter(3_500_000)).toBe('₩3.5M');
		expect(tooltip(option, 0, 0)).toContain('₩3,500,000');
	});

	it('long Korean labels are cut on the point, whole in the tooltip', () => {
		const long = '아주아주긴이름을가진가상의자치구시민협력플랫폼운영위원회';
		const option = buildScoreMoneyChart([point(ref('1', long), 2023, 100, 70)], spec).option;
		expect(series(option)[0]!.label).toMatchObject({ overflow: 'truncate', width: 56 });
		expect(tooltip(option, 0, 0)).toContain(`<strong>${long} · 2023</strong>`);
	});

	it('a hostile label is escaped in the tooltip', () => {
		const option = buildScoreMoneyChart(
			[point(ref('1', '<img src=x onerror=alert(1)>'), 2023, 100, 70)],
			spec
		).option;
		const html = tooltip(option, 0, 0);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).not.toContain('<img');
	});
});

describe('buildScoreMoneyChart: the point behind a click', () => {
	const a = ref('1', '가구');
	const b = ref('2', '나구');
	const points = [
		point(a, 2023, 3_000_000, 80),
		point(b, 2022, 2_000_000, 70),
		point(b, 2023, 2_500_000, 75),
		point(a, 2022, 1_000_000, 65)
	];
	const chart = buildScoreMoneyChart(points, spec);

	it('a point or its name gives the point: series by year, item in that year’s order', () => {
		// Series 0 is 2022 (나구, then 가구, as given), series 1 is 2023 (가구, then 나구).
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 0, dataIndex: 0 })).toBe(points[1]);
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 0, dataIndex: 1 })).toBe(points[3]);
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 1, dataIndex: 0 })).toBe(points[0]);
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 1, dataIndex: 1 })).toBe(points[2]);
	});

	it('a click elsewhere gives nothing', () => {
		expect(chart.itemAt({ componentType: 'title' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'legend', name: '2022' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 2, dataIndex: 0 })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 0, dataIndex: 2 })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', dataIndex: 0 })).toBeUndefined();
	});
});
