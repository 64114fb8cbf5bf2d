import { describe, expect, it } from 'vitest';
import type { DistrictTrend } from '$lib/views/models';
import { buildRankBumpChart } from './rank-bump';

const district = (code: string, labelKo: string, ranks: (number | null)[]): DistrictTrend => ({
	district: { code, labelKo, labelEn: `${code}-gu` },
	totals: ranks.map(() => null),
	ranks,
	gaps: ranks.map(() => null),
	gapSlope: null,
	gapSlopeInterval: null
});

const spec = (highlighted: string[] = []) => ({
	locale: 'ko' as const,
	description: '순위 변화',
	highlighted,
	formatRank: (rank: number) => `${rank}위`
});

type Formatter = (params: unknown) => string;
type Label = { show: boolean; position: string; formatter: () => string };
type Line = {
	color: string;
	lineStyle: { width: number };
	data: (number | null | { value: number; label: Label })[];
};
type Option = ReturnType<typeof buildRankBumpChart>['option'];
const lines = (option: Option) => option.series as Line[];
type RankAxis = {
	inverse: boolean;
	min: number;
	max: number;
	minInterval: number;
	axisLabel: { formatter: (v: number) => string };
};
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

describe('buildRankBumpChart', () => {
	it('empty data: no lines, a rank axis from 1 to 2 so it has height', () => {
		const option = buildRankBumpChart({ years: [], districts: [] }, spec()).option;
		expect(lines(option)).toEqual([]);
		expect(option.yAxis).toMatchObject({ inverse: true, min: 1, max: 2, minInterval: 1 });
		expect(option.aria).toEqual({ enabled: true, label: { description: '순위 변화' } });
		expect(option.animation).toBe(false);
	});

	it('one district, one year: its name on the single point', () => {
		const option = buildRankBumpChart(
			{ years: [2023], districts: [district('11290', '성북구', [1])] },
			spec()
		).option;
		const [line] = lines(option);
		expect(line!.data[0]).toMatchObject({ value: 1, label: { show: true, position: 'right' } });
		expect((line!.data[0] as { label: Label }).label.formatter()).toBe('성북구');
		expect(tooltip(option, 0, 1)).toBe('<strong>2023</strong><br>성북구: 1위');
	});

	it('rank 1 at the top, integer ticks to the lowest rank, every line named at both ends', () => {
		const option = buildRankBumpChart(
			{
				years: [2021, 2022, 2023],
				districts: [district('1', '가구', [1, 2, 3]), district('2', '나구', [3, 1, 2])]
			},
			spec()
		).option;
		const yAxis = option.yAxis as RankAxis;
		expect(yAxis).toMatchObject({ inverse: true, min: 1, max: 3, minInterval: 1 });
		expect(yAxis.axisLabel.formatter(3)).toBe('3위');
		const [a, b] = lines(option);
		expect(a!.data[0]).toMatchObject({ value: 1, label: { position: 'left' } });
		expect(a!.data[1]).toBe(2);
		expect(a!.data[2]).toMatchObject({ value: 3, label: { position: 'right' } });
		expect((b!.data[0] as { label: Label }).label.formatter()).toBe('나구');
		expect(option.legend).toBeUndefined();
		// Best rank first.
		expect(tooltip(option, 1, 2)).toBe('<strong>2022</strong><br>나구: 1위<br>가구: 2위');
	});

	it('nulls: a year without a rank stays null; names go on the first and last ranked years', () => {
		const option = buildRankBumpChart(
			{ years: [2021, 2022, 2023, 2024], districts: [district('1', '가구', [null, 4, 5, null])] },
			spec()
		).option;
		const [line] = lines(option);
		expect(line!.data[0]).toBeNull();
		expect(line!.data[1]).toMatchObject({ value: 4, label: { position: 'left' } });
		expect(line!.data[2]).toMatchObject({ value: 5, label: { position: 'right' } });
		expect(line!.data[3]).toBeNull();
		expect(tooltip(option, 0, 1)).toBe('<strong>2021</strong>');
	});

	it('highlighted lines are thick and coloured, the others thin grey but still named', () => {
		const option = buildRankBumpChart(
			{
				years: [2022, 2023],
				districts: [district('1', '가구', [1, 2]), district('2', '나구', [2, 1])]
			},
			spec(['2'])
		).option;
		const [a, b] = lines(option);
		expect(a).toMatchObject({ color: '#8a93a0', lineStyle: { width: 1 } });
		expect(b).toMatchObject({ color: '#332288', lineStyle: { width: 3 } });
		expect(a!.data[1]).toMatchObject({ value: 2, label: { show: true } });
	});

	it('long Korean labels are truncated at the ends, whole in the tooltip', () => {
		const long = '아주아주긴이름을가진가상의자치구시민협력플랫폼운영위원회';
		const option = buildRankBumpChart(
			{ years: [2022, 2023], districts: [district('1', long, [1, 1])] },
			spec()
		).option;
		const label = (lines(option)[0]!.data[0] as { label: Label }).label;
		expect(label).toMatchObject({ overflow: 'truncate', width: 88 });
		expect(tooltip(option, 0, 1)).toContain(`${long}: 1위`);
	});

	it('a hostile label is escaped in the tooltip', () => {
		const option = buildRankBumpChart(
			{ years: [2023], districts: [district('1', '<img src=x onerror=alert(1)>', [1])] },
			spec()
		).option;
		const html = tooltip(option, 0, 1);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;: 1위');
		expect(html).not.toContain('<img');
	});
});

describe('buildRankBumpChart: the year or district behind a click', () => {
	const trend = {
		years: [2022, 2023],
		districts: [district('1', '가구', [1, 2]), district('2', '나구', [2, 1])]
	};
	const chart = buildRankBumpChart(trend, spec(['1']));

	it('a year label gives that year', () => {
		expect(chart.itemAt({ componentType: 'xAxis', value: '2022' })).toEqual({ year: 2022 });
	});

	it('a line or the name at either end gives its district', () => {
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 1, dataIndex: 0 })).toEqual({
			district: trend.districts[1]!.district
		});
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 0, dataIndex: 1 })).toEqual({
			district: trend.districts[0]!.district
		});
	});

	it('a rank label and other clicks give nothing', () => {
		expect(chart.itemAt({ componentType: 'yAxis', value: 1 })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'xAxis', value: '2024' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'title' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 2, dataIndex: 0 })).toBeUndefined();
	});
});
