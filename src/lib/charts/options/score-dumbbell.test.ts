import { describe, expect, it } from 'vitest';
import type { GroupScores } from '$lib/analysis/totals';
import { buildScoreDumbbellOption } from './score-dumbbell';

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
const series = (option: ReturnType<typeof buildScoreDumbbellOption>) =>
	option.series as SeriesLike[];

describe('buildScoreDumbbellOption', () => {
	it('empty data: no categories, an axis from 0, no points', () => {
		const option = buildScoreDumbbellOption([], { locale: 'ko', description: '없음' });
		expect((option.yAxis as { data: string[] }).data).toEqual([]);
		expect((option.xAxis as { min: number }).min).toBe(0);
		for (const s of series(option)) expect(s.data).toEqual([]);
	});

	it('one district: a marker per type, the range bar from lowest to highest', () => {
		const option = buildScoreDumbbellOption(
			[district('11290', '성북구', { self: 62, official: 71, expert: 68, gap: -7.5 })],
			{ locale: 'ko', description: 'd' }
		);
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
		const option = buildScoreDumbbellOption(
			[district('1', '가구', { self: 80 }), district('2', '나구')],
			{ locale: 'en', description: 'd' }
		);
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
		const option = buildScoreDumbbellOption([district('1', long, { self: 70 })], {
			locale: 'ko',
			description: 'd'
		});
		const yAxis = option.yAxis as {
			data: string[];
			axisLabel: { overflow: string; width: number };
		};
		expect(yAxis.data).toEqual([long]);
		expect(yAxis.axisLabel).toMatchObject({ overflow: 'truncate', width: 88 });
	});

	it('a hostile label is escaped in the tooltip', () => {
		const hostile = '<img src=x onerror=alert(1)>';
		const option = buildScoreDumbbellOption(
			[district('1', hostile, { self: 70, official: 75, gap: -5 })],
			{
				locale: 'ko',
				description: 'd'
			}
		);
		const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
		const html = formatter([{ dataIndex: 0 }]);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).not.toContain('<img');
		expect(html).toContain('−5.0점');
	});
});
