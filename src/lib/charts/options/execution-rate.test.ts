import { describe, expect, it } from 'vitest';
import type { BudgetDistrictYear, DistrictRef } from '$lib/views/models';
import { buildExecutionRateChart } from './execution-rate';

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
	markLine?: {
		label: { backgroundColor?: string };
		data: { yAxis: number; label: { formatter: () => string } }[];
	};
};
type Option = ReturnType<typeof buildExecutionRateChart>['option'];
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

describe('buildExecutionRateChart', () => {
	it('empty data: no points, but the 80% and 100% lines with their labels', () => {
		const option = buildExecutionRateChart([], spec).option;
		const all = series(option);
		expect(all).toHaveLength(1);
		expect(all[0]!.data).toEqual([]);
		const lines = all[0]!.markLine!.data;
		expect(lines.map((line) => line.yAxis)).toEqual([80, 100]);
		expect(lines.map((line) => line.label.formatter())).toEqual([
			'부진 기준 80%',
			'초과 기준 100%'
		]);
		// On an opaque box: a point under a line's words leaves them readable.
		expect(all[0]!.markLine!.label.backgroundColor).toBe('#ffffff');
		expect(yAxis(option)).toMatchObject({ min: 70, max: 110 });
		expect(option.aria).toEqual({ enabled: true, label: { description: '집행률 점 그래프' } });
	});

	it('one row: one series for its year, the rate in percent at the district', () => {
		const option = buildExecutionRateChart([row(ref('11290', '성북구'), 2023, 0.9)], spec).option;
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
		const option = buildExecutionRateChart(
			[
				row(ref('1', '가구'), 2023, 0.8),
				row(ref('2', '나구'), 2023, 1),
				row(ref('3', '다구'), 2023, 0.75),
				row(ref('4', '라구'), 2023, 1.25)
			],
			spec
		).option;
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
		const option = buildExecutionRateChart(
			[row(a, 2022, 0.9), row(a, 2023, null, 0), row(b, 2023, 0.95)],
			spec
		).option;
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
		const option = buildExecutionRateChart(
			[row(ref('1', '가구'), 2023, 0.5), row(ref('2', '나구'), 2023, 1.3)],
			spec
		).option;
		// 50 − 5 = 45 → 40; 130 + 5 = 135 → 140.
		expect(yAxis(option)).toMatchObject({ min: 40, max: 140 });
	});

	it('long Korean labels are truncated on the axis, whole in the tooltip', () => {
		const long = '아주아주긴이름을가진가상의자치구시민협력플랫폼운영위원회';
		const option = buildExecutionRateChart([row(ref('1', long), 2023, 0.9)], spec).option;
		expect(xAxis(option).data).toEqual([long]);
		expect(xAxis(option).axisLabel).toMatchObject({ overflow: 'truncate', width: 88 });
		expect(tooltip(option, 0, 0)).toContain(long);
	});

	it('a hostile label is escaped in the tooltip; the threshold series has none', () => {
		const option = buildExecutionRateChart(
			[row(ref('1', '<img src=x onerror=alert(1)>'), 2023, 0.7)],
			spec
		).option;
		const html = tooltip(option, 0, 0);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; · 2023');
		expect(html).not.toContain('<img');
		expect(tooltip(option, 1, 0)).toBe('');
	});
});

describe('buildExecutionRateChart: the district behind a click', () => {
	const a = ref('1', '가구');
	const b = ref('2', '나구');
	const rows = [row(a, 2023, 0.7), row(b, 2023, 1.2), row(a, 2022, 0.9), row(b, 2022, null)];
	const chart = buildExecutionRateChart(rows, spec);

	it('district names take clicks', () => {
		expect(chart.option.xAxis).toMatchObject({ triggerEvent: true });
	});

	it('a district name gives that district', () => {
		expect(chart.itemAt({ componentType: 'xAxis', value: '나구' })).toEqual({ district: b });
		expect(chart.itemAt({ componentType: 'xAxis', value: '가구' })?.district).toBe(a);
	});

	it('a point gives its district-year: series by year, item by district', () => {
		// Years ascending (2022, 2023); districts in first-seen order (가구, 나구).
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 0, dataIndex: 0 })).toBe(rows[2]);
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 1, dataIndex: 1 })).toBe(rows[1]);
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 1, dataIndex: 0 })).toBe(rows[0]);
	});

	it('a year without a rate (no point), the thresholds and other clicks give nothing', () => {
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 0, dataIndex: 1 })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 2, dataIndex: 0 })).toBeUndefined();
		expect(
			chart.itemAt({ componentType: 'markLine', seriesIndex: 2, dataIndex: 0 })
		).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 1, dataIndex: 2 })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'xAxis', value: '다구' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'legend', name: '2023' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'title' })).toBeUndefined();
	});
});
