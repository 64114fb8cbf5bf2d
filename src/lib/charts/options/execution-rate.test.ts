import { describe, expect, it } from 'vitest';
import type { BudgetDistrictYear, DistrictRef } from '$lib/views/models';
import { buildExecutionRateOption } from './execution-rate';

const ref = (code: string, labelKo: string): DistrictRef => ({
	code,
	labelKo,
	labelEn: `${code}-gu`
});
const row = (
	district: DistrictRef,
	year: number,
	rate: number | null,
	planned = 1_000_000
): BudgetDistrictYear => ({
	district,
	year,
	planned,
	spent: rate === null ? 0 : Math.round(planned * rate),
	rate
});

const spec = {
	locale: 'ko' as const,
	description: '집행률 점 그래프',
	labels: {
		rate: '집행률',
		planned: '예산액',
		spent: '집행액',
		line80: '부진 기준 80%',
		line100: '초과 기준 100%'
	}
};

type Formatter = (params: unknown) => string;
type Series = {
	type: string;
	name?: string;
	symbol?: string;
	data: unknown[];
	markLine?: { data: { yAxis: number; label: { formatter: () => string } }[] };
};
type Option = ReturnType<typeof buildExecutionRateOption>;
const series = (option: Option) => option.series as Series[];
const yAxis = (option: Option) =>
	option.yAxis as { min: number; max: number; axisLabel: { formatter: (v: number) => string } };
const xAxis = (option: Option) =>
	option.xAxis as { data: string[]; axisLabel: { overflow: string; width: number } };
const tooltip = (option: Option, seriesIndex: number, dataIndex: number) =>
	(option.tooltip as { formatter: Formatter }).formatter({
		componentType: 'series',
		seriesType: 'scatter',
		seriesIndex,
		dataIndex,
		value: [dataIndex, 0]
	});

describe('buildExecutionRateOption', () => {
	it('empty data: no points, but the 80% and 100% lines with their labels', () => {
		const option = buildExecutionRateOption([], spec);
		const all = series(option);
		expect(all).toHaveLength(1);
		expect(all[0]!.data).toEqual([]);
		const lines = all[0]!.markLine!.data;
		expect(lines.map((line) => line.yAxis)).toEqual([80, 100]);
		expect(lines.map((line) => line.label.formatter())).toEqual([
			'부진 기준 80%',
			'초과 기준 100%'
		]);
		expect(yAxis(option)).toMatchObject({ min: 70, max: 110 });
		expect(option.aria).toEqual({ enabled: true, label: { description: '집행률 점 그래프' } });
	});

	it('one row: one series for its year, the rate in percent at the district', () => {
		const option = buildExecutionRateOption([row(ref('11290', '성북구'), 2023, 0.9)], spec);
		const [year] = series(option);
		expect(year).toMatchObject({
			type: 'scatter',
			name: '2023',
			symbol: 'circle',
			data: [[0, 90]]
		});
		expect(xAxis(option).data).toEqual(['성북구']);
		expect(yAxis(option).axisLabel.formatter(90)).toBe('90%');
		const html = tooltip(option, 0, 0);
		expect(html).toContain('<strong>성북구 · 2023</strong>');
		expect(html).toContain('집행률: 90.0%');
		expect(html).toContain('예산액: 1,000,000원');
		expect(html).toContain('집행액: 900,000원');
	});

	it('exactly 80% and 100% are plain points; under and over are large, bordered, ▼ and ▲', () => {
		const option = buildExecutionRateOption(
			[
				row(ref('1', '가구'), 2023, 0.8),
				row(ref('2', '나구'), 2023, 1),
				row(ref('3', '다구'), 2023, 0.75),
				row(ref('4', '라구'), 2023, 1.25)
			],
			spec
		);
		const [year] = series(option);
		expect(year!.data[0]).toEqual([0, 80]);
		expect(year!.data[1]).toEqual([1, 100]);
		expect(year!.data[2]).toMatchObject({
			value: [2, 75],
			symbolSize: 15,
			itemStyle: { borderColor: '#1f2328', borderWidth: 2 },
			label: { show: true, formatter: '▼', position: 'bottom' }
		});
		expect(year!.data[3]).toMatchObject({
			value: [3, 125],
			symbolSize: 15,
			label: { show: true, formatter: '▲', position: 'top' }
		});
		expect(tooltip(option, 0, 2)).toContain('집행률: 75.0% ▼');
		expect(tooltip(option, 0, 3)).toContain('집행률: 125.0% ▲');
		expect(tooltip(option, 0, 0)).toContain('집행률: 80.0%<br>');
	});

	it('nulls: a null rate and a missing year have no point (null, never 0)', () => {
		const a = ref('1', '가구');
		const b = ref('2', '나구');
		const option = buildExecutionRateOption(
			[row(a, 2022, 0.9), row(a, 2023, null, 0), row(b, 2023, 0.95)],
			spec
		);
		const [y2022, y2023] = series(option);
		expect(y2022).toMatchObject({ name: '2022', symbol: 'circle' });
		expect(y2023).toMatchObject({ name: '2023', symbol: 'rect' });
		expect(y2022!.data).toEqual([
			[0, 90],
			[1, null]
		]);
		expect(y2023!.data).toEqual([
			[0, null],
			[1, 95]
		]);
		expect(tooltip(option, 1, 0)).toBe('');
		expect(tooltip(option, 0, 1)).toBe('');
	});

	it('the rate axis widens past the data in tens, keeping 80% and 100% in view', () => {
		const option = buildExecutionRateOption(
			[row(ref('1', '가구'), 2023, 0.5), row(ref('2', '나구'), 2023, 1.3)],
			spec
		);
		// 50 − 5 = 45 → 40; 130 + 5 = 135 → 140.
		expect(yAxis(option)).toMatchObject({ min: 40, max: 140 });
	});

	it('long Korean labels are truncated on the axis, whole in the tooltip', () => {
		const long = '아주아주긴이름을가진가상의자치구시민협력플랫폼운영위원회';
		const option = buildExecutionRateOption([row(ref('1', long), 2023, 0.9)], spec);
		expect(xAxis(option).data).toEqual([long]);
		expect(xAxis(option).axisLabel).toMatchObject({ overflow: 'truncate', width: 88 });
		expect(tooltip(option, 0, 0)).toContain(long);
	});

	it('a hostile label is escaped in the tooltip; the threshold series has none', () => {
		const option = buildExecutionRateOption(
			[row(ref('1', '<img src=x onerror=alert(1)>'), 2023, 0.7)],
			spec
		);
		const html = tooltip(option, 0, 0);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; · 2023');
		expect(html).not.toContain('<img');
		expect(tooltip(option, 1, 0)).toBe('');
	});
});
