import { describe, expect, it } from 'vitest';
import {
	formatPercent,
	formatPoints,
	formatSignedPoints,
	formatWon,
	formatWonShort
} from './format';
import { translate } from './index';
import { en, ko } from './messages';

describe('catalogs', () => {
	it('English has every Korean key and no other', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
	});

	it('every placeholder of a Korean message is in its English twin', () => {
		const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(ko) as (keyof typeof ko)[]) {
			expect(placeholders(en[key]), key).toEqual(placeholders(ko[key]));
		}
	});

	it('fills placeholders and leaves unknown ones visible', () => {
		expect(translate('ko', 'import.issue.score-above-max', { value: 25, detail: 20 })).toBe(
			'점수 25가 배점 20보다 큽니다.'
		);
		expect(translate('en', 'headline.districts', {})).toBe('over {count} districts');
	});
});

describe('ko-KR number formats', () => {
	it.each([
		[formatWon(1456200, 'ko'), '1,456,200원'],
		[formatWon(1456200, 'en'), '₩1,456,200'],
		[formatPoints(78.35, 'ko'), '78.4점'],
		// 11.5 / 40 × 100 is 28.75 exactly, but in floating point 28.749999999999996: it must
		// still round up, as a person working it out by hand would.
		[formatPoints((11.5 / 40) * 100, 'ko'), '28.8점'],
		[formatPoints(78.35, 'en'), '78.4 pts'],
		[formatPoints(null, 'ko'), '–'],
		[formatSignedPoints(-6.24, 'ko'), '−6.2점'],
		[formatSignedPoints(3.25, 'en'), '+3.3 pts'],
		// Halves round away from zero on both sides, also through float noise.
		[formatSignedPoints(-9.250000000000007, 'ko'), '−9.3점'],
		[formatSignedPoints(-9.249999999999993, 'ko'), '−9.3점'],
		[formatSignedPoints(2.249999999999986, 'ko'), '+2.3점'],
		[formatSignedPoints(-0.04, 'ko'), '±0.0점'],
		[formatSignedPoints(0.01, 'ko'), '±0.0점'],
		[formatPercent(0.9214, 'ko'), '92.1%'],
		[formatWonShort(3_500_000, 'ko'), '350만원'],
		[formatWonShort(123_456_789, 'ko'), '1.2억원'],
		[formatWonShort(3_500_000, 'en'), '₩3.5M']
	])('%s is %s', (actual, expected) => {
		expect(actual).toBe(expected);
	});
});
