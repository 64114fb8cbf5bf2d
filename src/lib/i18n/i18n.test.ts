import { describe, expect, it } from 'vitest';
import {
	formatNumber,
	formatPercent,
	formatPoints,
	formatSignedPoints,
	formatWon,
	formatWonShort,
	roundAsShown
} from './format';
import { locateIssue } from './import-messages';
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
		expect(translate('en', 'headline.districts', {})).toBe(
			'over {count} {count|district/districts}'
		);
	});

	it('places a whole-file problem in the file, a row problem on its line and column', () => {
		const issue = {
			file: 'a.csv',
			line: 1,
			field: null,
			column: '',
			value: '',
			detail: null
		} as const;
		expect(locateIssue({ ...issue, code: 'binary-file' }, 'ko')).toBe('a.csv 파일 전체');
		expect(locateIssue({ ...issue, code: 'unknown-headers' }, 'en')).toBe('a.csv, the whole file');
		expect(locateIssue({ ...issue, line: 3, column: '점수', code: 'invalid-number' }, 'ko')).toBe(
			'a.csv 3행 점수열'
		);
	});

	it('writes the particle the value takes, not 은(는)', () => {
		expect(translate('ko', 'import.issue.score-above-max', { value: 20, detail: 10 })).toBe(
			'점수 20이 배점 10보다 큽니다.'
		);
		expect(translate('ko', 'import.issue.unknown-district', { value: '마포' })).toBe(
			'"마포"는 서울시 자치구가 아닙니다.'
		);
		expect(translate('ko', 'import.issue.unknown-district', { value: '성북동' })).toBe(
			'"성북동"은 서울시 자치구가 아닙니다.'
		);
		expect(
			translate('ko', 'import.issue.unknown-district.suggest', { value: 'Mapo', detail: '마포구' })
		).toBe('"Mapo"은(는) 서울시 자치구가 아닙니다. 마포구를 뜻했나요?');
	});

	it('says one row, and 1,234 rows, in English', () => {
		expect(translate('en', 'status.ready', { rows: '1', budgetRows: '1,234' })).toBe(
			'Loaded 1 evaluation row and 1,234 budget rows.'
		);
		expect(translate('en', 'import.skipped', { count: '1' })).toBe(
			' 1 row with problems was skipped.'
		);
		expect(translate('en', 'import.skipped', { count: '0' })).toBe(
			' 0 rows with problems were skipped.'
		);
		expect(translate('en', 'headline.districts', { count: '1' })).toBe('over 1 district');
	});

	it('no English message puts a bare plural after a number', () => {
		// A count followed by a countable noun must choose its form: "{count} {count|row/rows}".
		const barePlural =
			/\{\w+\} (?:[a-z]+ )?(?:rows|districts|files|units|years|targets|raters|cells|sheets|results|places|characters|columns|district-years)\b/;
		expect(Object.entries(en).filter(([, text]) => barePlural.test(text))).toEqual([]);
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
		// One minus sign on the page, U+2212, never the hyphen Intl writes.
		[formatNumber(-1.75, 'ko', 1), '\u22121.8'],
		[formatNumber(-0.55, 'en', 2), '\u22120.55'],
		[formatNumber(-1234.5, 'ko', 0), '\u22121,235'],
		[formatPercent(0.9214, 'ko'), '92.1%'],
		[formatWonShort(3_500_000, 'ko'), '350만원'],
		[formatWonShort(123_456_789, 'ko'), '1.2억원'],
		[formatWonShort(3_500_000, 'en'), '₩3.5M']
	])('%s is %s', (actual, expected) => {
		expect(actual).toBe(expected);
	});
});

describe('roundAsShown', () => {
	it.each([
		[68.83333333333333, 1, 68.8],
		[(11.5 / 40) * 100, 1, 28.8],
		[-9.250000000000007, 1, -9.3],
		[-7.25, 1, -7.3],
		[0.9467604187638413 * 100, 1, 94.7],
		[1456200.4, 0, 1456200],
		[-0.04, 1, 0],
		[0.55555, 3, 0.556]
	])('%s to %i decimals is %s, as the page writes it', (value, digits, expected) => {
		expect(roundAsShown(value, digits)).toBe(expected);
		expect(Object.is(roundAsShown(value, digits), -0)).toBe(false);
	});
});
