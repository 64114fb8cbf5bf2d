import { describe, expect, it } from 'vitest';
import type { GroupScores } from '$lib/analysis/totals';
import { buildScoreDumbbellChart } from './score-dumbbell';

const district = (
	key: string,
	labelKo: string,
	scores: Partial<GroupScores> = {}
): GroupScores => ({
	key,
	labelKo,
	labelEn: `${key}-gu`,
	self: null,
	official: null,
	expert: null,
	gap: null,
	...scores
});

type SeriesLike = { type: string; name?: string; data: unknown[] };
const series = (option: ReturnType<typeof buildScoreDumbbellChart>['option']) =>
	option.series as SeriesLike[];

describe('buildScoreDumbbellChart', () => {
	it('empty data: no categories, an axis from 0, no points', () => {
		const option = buildScoreDumbbellChart([], { locale: 'ko', description: '없음' }).option;
		expect((option.yAxis as { data: string[] }).data).toEqual([]);
		expect((option.xAxis as { min: number }).min).toBe(0);
		for (const s of series(option)) expect(s.data).toEqual([]);
	});

	it('one district: a marker per type, the range bar from lowest to highest', () => {
		const option = buildScoreDumbbellChart(
			[district('11290', '성북구', { self: 62, official: 71, expert: 68, gap: -7.5 })],
			{ locale: 'ko', description: 'd' }
		).option;
		const [base, range, self, official, expert] = series(option);
		expect(base!.data).toEqual([62]);
		expect(range!.data).toEqual([9]);
		expect(self).toMatchObject({ name: '자체평가', data: [[62, 0]] });
		expect(official).toMatchObject({ name: '공무원평가', data: [[71, 0]] });
		expect(expert).toMatchObject({ name: '외부전문가평가', data: [[68, 0]] });
		// Lowest 62 − 5 = 57, floored to 50.
		expect((option.xAxis as { min: number }).min).toBe(50);
		expect(option.aria).toEqual({ enabled: true, label: { description: 'd' } });
	});

	it('nulls: a missing type has no marker, a district with no scores no range', () => {
		const option = buildScoreDumbbellChart(
			[district('1', '가구', { self: 80 }), district('2', '나구')],
			{ locale: 'en', description: 'd' }
		).option;
		const [, range, self, official] = series(option);
		expect(range!.data).toEqual([0, null]);
		expect(self!.data).toEqual([
			[80, 0],
			[null, 1]
		]);
		expect(official!.data).toEqual([
			[null, 0],
			[null, 1]
		]);
		expect((option.yAxis as { data: string[] }).data).toEqual(['1-gu', '2-gu']);
	});

	it('long Korean labels are truncated on the axis, not dropped', () => {
		const long = '아주아주긴이름을가진가상의자치구시민협력플랫폼운영위원회';
		const option = buildScoreDumbbellChart([district('1', long, { self: 70 })], {
			locale: 'ko',
			description: 'd'
		}).option;
		const yAxis = option.yAxis as {
			data: string[];
			axisLabel: { overflow: string; width: number };
		};
		expect(yAxis.data).toEqual([long]);
		expect(yAxis.axisLabel).toMatchObject({ overflow: 'truncate', width: 88 });
	});

	it('a hostile label is escaped in the tooltip', () => {
		const hostile = '<img src=x onerror=alert(1)>';
		const option = buildScoreDumbbellChart(
			[district('1', hostile, { self: 70, official: 75, gap: -5 })],
			{
				locale: 'ko',
				description: 'd'
			}
		).option;
		const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
		const html = formatter([{ dataIndex: 0 }]);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).not.toContain('<img');
		expect(html).toContain('−5.0점');
	});
});

describe('buildScoreDumbbellChart: the row behind a click', () => {
	// Not in the order a view might sort them: the chart keeps the order given.
	const rows = [
		district('2', '나구', { self: 60, official: 70, gap: -10 }),
		district('1', '가구', { self: 80, expert: 75, gap: 5 }),
		district('3', '다구')
	];
	const chart = buildScoreDumbbellChart(rows, { locale: 'ko', description: 'd' });

	it('a row label gives the row drawn with that label', () => {
		expect(chart.itemAt({ componentType: 'yAxis', value: '가구' })).toBe(rows[1]);
		expect(chart.itemAt({ componentType: 'yAxis', value: '다구' })).toBe(rows[2]);
		const english = buildScoreDumbbellChart(rows, { locale: 'en', description: 'd' });
		expect(english.itemAt({ componentType: 'yAxis', value: '2-gu' })).toBe(rows[0]);
	});

	it('a marker of any evaluator type gives its row', () => {
		// Series 2, 3, 4: self, official, expert markers, after the two range bars.
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 2, dataIndex: 0 })).toBe(rows[0]);
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 3, dataIndex: 0 })).toBe(rows[0]);
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 4, dataIndex: 1 })).toBe(rows[1]);
	});

	it('a click elsewhere gives nothing', () => {
		expect(chart.itemAt({ componentType: 'title' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'legend', name: '자체평가' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'xAxis', value: 70 })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'yAxis', value: '라구' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 2, dataIndex: 3 })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 5, dataIndex: 0 })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 2 })).toBeUndefined();
		expect(
			buildScoreDumbbellChart([], { locale: 'ko', description: 'd' }).itemAt({
				componentType: 'series',
				seriesIndex: 2,
				dataIndex: 0
			})
		).toBeUndefined();
	});
});
