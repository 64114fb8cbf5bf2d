import { describe, expect, it } from 'vitest';
import type { ClusteredBias } from '$lib/analysis/bias';
import { describeBias } from './descriptions';

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
