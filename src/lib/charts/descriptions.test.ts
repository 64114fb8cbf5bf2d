import { describe, expect, it } from 'vitest';
import type { ClusteredBias } from '$lib/analysis/bias';
import type { DistrictTrends } from '$lib/analysis/district-trends';
import { describeBias, describeTrend } from './descriptions';

const bias = (
	mean: number,
	lower: number,
	upper: number,
	cluster: 'district' | 'year' = 'district'
): ClusteredBias => ({
	mean,
	lower,
	upper,
	sd: 1,
	n: cluster === 'district' ? 10 : 4,
	cluster,
	units: 560
});

describe('describeBias', () => {
	it('states the direction only when the interval excludes 0, and names the clusters', () => {
		expect(describeBias(bias(-5.43, -8.03, -2.84), '공무원·전문가 평균', 'ko')).toBe(
			'자체평가가 공무원·전문가 평균보다 평균 5.4점 낮습니다 (자치구 10곳 단위로 계산한 95% 신뢰구간 2.8–8.0점, 단위 560개).'
		);
		expect(describeBias(bias(1.2, 0.3, 2.1, 'year'), 'the officials', 'en')).toBe(
			'Self-evaluation is on average 1.2 points above the officials (95% CI over 4 years: 0.3–2.1 points, 560 units).'
		);
	});

	it('says a difference whose interval holds 0 cannot be told from zero, with signed bounds', () => {
		expect(describeBias(bias(-1.04, -2.5, 0.42), '공무원평가', 'ko')).toBe(
			'자체평가와 공무원평가의 차이는 평균 \u22121.0점이지만, 0과 구별되지 않습니다 (자치구 10곳 단위로 계산한 95% 신뢰구간 \u22122.5–+0.4점, 단위 560개).'
		);
	});

	it('says what an interval needs when there is none', () => {
		expect(describeBias(null, '공무원평가', 'ko')).toBe(
			'신뢰구간에는 자치구가 두 곳 이상(한 자치구만 볼 때는 연도가 두 해 이상) 필요합니다.'
		);
	});
});

describe('describeTrend', () => {
	const district = (code: string, labelKo: string, labelEn: string) => ({ code, labelKo, labelEn });
	const oneYear: DistrictTrends = {
		years: [2020],
		districts: [
			{
				district: district('11290', '성북구', 'Seongbuk-gu'),
				totals: [79.75],
				ranks: [1],
				gaps: [-4.8],
				gapSlope: null,
				gapSlopeInterval: null
			},
			{
				district: district('11440', '마포구', 'Mapo-gu'),
				totals: [62.04],
				ranks: [2],
				gaps: [-4.1],
				gapSlope: null,
				gapSlopeInterval: null
			}
		]
	};

	it('with one year, names the highest and lowest total of that year instead of "no data"', () => {
		expect(describeTrend(oneYear, 'ko')).toBe(
			'2020년 자치구 2곳의 총점입니다. 가장 높은 곳은 성북구(79.8점), 가장 낮은 곳은 마포구(62.0점). 추이를 보려면 두 해 이상을 고르세요.'
		);
		expect(describeTrend(oneYear, 'en')).toBe(
			'Total scores of 2 districts in 2020. Highest: Seongbuk-gu (79.8 pts); lowest: Mapo-gu (62.0 pts). Choose two or more years to see a trend.'
		);
	});

	it('with no totals at all, says there is nothing to show', () => {
		expect(describeTrend({ years: [], districts: [] }, 'ko')).toBe('표시할 자료가 없습니다.');
	});
});
