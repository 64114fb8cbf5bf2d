import { describe, expect, it } from 'vitest';
import type { DistrictBudget } from '$lib/analysis/budget';
import type { DistrictRef } from '$lib/views/models';
import { buildBudgetExecutionChart, wonAxisLabel } from './budget-execution';

const ref = (code: string, labelKo: string): DistrictRef => ({
	code,
	labelKo,
	labelEn: `${code}-gu`
});
const budget = (district: DistrictRef, planned: number, spent: number): DistrictBudget => ({
	district,
	planned,
	spent,
	rate: planned > 0 ? spent / planned : null
});

const spec = {
	locale: 'ko' as const,
	description: '집행률 설명',
	labels: { planned: '예산액', spent: '집행액', rate: '집행률' }
};

type Formatter = (params: unknown) => string;
type Option = ReturnType<typeof buildBudgetExecutionChart>['option'];
type Bar = { name: string; data: number[]; label?: { formatter: Formatter } };
const bars = (option: Option) => option.series as Bar[];
const yAxis = (option: Option) =>
	option.yAxis as { data: string[]; axisLabel: { overflow: string; width: number } };
const tooltip = (option: Option, dataIndex: number) =>
	(option.tooltip as { formatter: Formatter }).formatter([
		{ componentType: 'series', seriesType: 'bar', seriesIndex: 0, dataIndex, axisValue: '' }
	]);

describe('buildBudgetExecutionChart', () => {
	it('empty data: no districts, no bars', () => {
		const option = buildBudgetExecutionChart([], spec).option;
		expect(yAxis(option).data).toEqual([]);
		expect(bars(option).map((s) => s.data)).toEqual([[], []]);
		expect(option.aria).toEqual({ enabled: true, label: { description: '집행률 설명' } });
		expect(option.animation).toBe(false);
	});

	it('one row: planned and spent bars, the rate written after the spent bar', () => {
		const option = buildBudgetExecutionChart(
			[budget(ref('11290', '성북구'), 4_000_000, 3_500_000)],
			spec
		).option;
		const [planned, spent] = bars(option);
		expect(planned).toMatchObject({ name: '예산액', data: [4_000_000] });
		expect(spent).toMatchObject({ name: '집행액', data: [3_500_000] });
		expect(spent!.label!.formatter({ dataIndex: 0 })).toBe('87.5%');
		expect(yAxis(option).data).toEqual(['성북구']);
		const html = tooltip(option, 0);
		expect(html).toContain('예산액: 4,000,000원');
		expect(html).toContain('집행액: 3,500,000원');
		expect(html).toContain('집행률: 87.5%');
	});

	it('nothing planned: the rate is missing, not 0% or infinite', () => {
		const option = buildBudgetExecutionChart([budget(ref('1', '가구'), 0, 250_000)], spec).option;
		const [planned, spent] = bars(option);
		expect(planned!.data).toEqual([0]);
		expect(spent!.data).toEqual([250_000]);
		expect(spent!.label!.formatter({ dataIndex: 0 })).toBe('–');
		expect(tooltip(option, 0)).toContain('집행률: –');
	});

	it('rates of exactly 80% and 100% are written as such', () => {
		const option = buildBudgetExecutionChart(
			[budget(ref('1', '가구'), 1_000_000, 800_000), budget(ref('2', '나구'), 500_000, 500_000)],
			spec
		).option;
		const label = bars(option)[1]!.label!;
		expect(label.formatter({ dataIndex: 0 })).toBe('80.0%');
		expect(label.formatter({ dataIndex: 1 })).toBe('100.0%');
	});

	it('the amount axis counts in 만원 and 억원 in Korean, ₩ in English', () => {
		const option = buildBudgetExecutionChart([], spec).option;
		const format = (option.xAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel
			.formatter;
		expect(format(3_500_000)).toBe('350만원');
		expect(format(120_000_000)).toBe('1.2억원');
		expect(format(0)).toBe('0원');
		expect(wonAxisLabel('en').formatter(3_500_000)).toBe('₩3.5M');
	});

	it('English labels and amounts', () => {
		const option = buildBudgetExecutionChart([budget(ref('7', '가구'), 2_000_000, 2_000_000)], {
			...spec,
			locale: 'en'
		}).option;
		expect(yAxis(option).data).toEqual(['7-gu']);
		expect(tooltip(option, 0)).toContain('₩2,000,000');
	});

	it('long Korean labels are truncated on the axis, whole in the tooltip', () => {
		const long = '아주아주긴이름을가진가상의자치구시민협력플랫폼운영위원회';
		const option = buildBudgetExecutionChart([budget(ref('1', long), 100, 90)], spec).option;
		expect(yAxis(option).data).toEqual([long]);
		expect(yAxis(option).axisLabel).toMatchObject({ overflow: 'truncate', width: 88 });
		expect(tooltip(option, 0)).toContain(`<strong>${long}</strong>`);
	});

	it('a hostile label is escaped in the tooltip', () => {
		const option = buildBudgetExecutionChart(
			[budget(ref('1', '<img src=x onerror=alert(1)>'), 100, 90)],
			spec
		).option;
		const html = tooltip(option, 0);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).not.toContain('<img');
		expect(tooltip(option, 5)).toBe('');
	});
});

describe('buildBudgetExecutionChart: the district behind a click', () => {
	const budgets = [
		budget(ref('2', '나구'), 500_000, 500_000),
		budget(ref('1', '가구'), 4_000_000, 3_000_000)
	];
	const chart = buildBudgetExecutionChart(budgets, spec);

	it('district names take clicks', () => {
		expect(chart.option.yAxis).toMatchObject({ triggerEvent: true });
	});

	it('a district name gives its sums', () => {
		expect(chart.itemAt({ componentType: 'yAxis', value: '가구' })).toBe(budgets[1]);
		expect(chart.itemAt({ componentType: 'yAxis', value: '나구' })).toBe(budgets[0]);
	});

	it('a planned or a spent bar gives its district', () => {
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 0, dataIndex: 1 })).toBe(
			budgets[1]
		);
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 1, dataIndex: 0 })).toBe(
			budgets[0]
		);
	});

	it('a click elsewhere gives nothing', () => {
		expect(chart.itemAt({ componentType: 'title' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'legend', name: '예산액' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'xAxis', value: 500_000 })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'yAxis', value: '다구' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 1, dataIndex: 2 })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 2, dataIndex: 0 })).toBeUndefined();
	});
});
