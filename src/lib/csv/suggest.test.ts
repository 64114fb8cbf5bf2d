import { describe, expect, it } from 'vitest';
import { editDistance, suggestName, type NameCandidate } from './suggest';

describe('editDistance', () => {
	it.each([
		['', '', 0],
		['abc', '', 3],
		['', 'abc', 3],
		['kitten', 'sitting', 3],
		['expert', 'expret', 1], // a swap of neighbours is one edit
		['ca', 'abc', 3], // optimal string alignment: no edit of a swapped pair
		['마포구'.normalize('NFD'), '마표구'.normalize('NFD'), 1] // ㅗ → ㅛ
	])('%j → %j is %i', (a, b, expected) => {
		expect(editDistance(a, b)).toBe(expected);
		expect(editDistance(b, a)).toBe(expected);
	});
});

const districts: NameCandidate[] = [
	{ key: '마포구', target: '11440', display: '마포구' },
	{ key: '마포', target: '11440', display: '마포구' },
	{ key: 'mapo-gu', target: '11440', display: 'Mapo-gu' },
	{ key: '성북구', target: '11290', display: '성북구' },
	{ key: '성동구', target: '11200', display: '성동구' },
	{ key: '강남구', target: '11680', display: '강남구' },
	{ key: '강동구', target: '11740', display: '강동구' }
];

describe('suggestName', () => {
	it.each([
		// ㅛ for ㅗ: one jamo of six
		['마표구', '마포구'],
		// 붓 vs 북 is one jamo (ㅅ/ㄱ); 성동구 is three away (ㅂ→ㄷ, ㅜ→ㅗ, ㅅ→ㅇ)
		['성붓구', '성북구'],
		// 놈 vs 남 is one (ㅗ/ㅏ); 강동구 is two (ㄴ→ㄷ, ㅁ→ㅇ)
		['강놈구', '강남구'],
		// Latin spellings suggest the English name; spaces and case do not count
		['Mapo-go', 'Mapo-gu'],
		[' MAPO-GU ', null], // an exact match is not a near miss
		// 9 jamo (ㄷㅗㅇㄷㅐㅁㅜㄴㄱㅜ): nothing within two edits
		['동대문구', null],
		['', null]
	])('%j → %j', (value, expected) => {
		expect(suggestName(value, districts)).toBe(expected);
	});

	it('suggests nothing when two targets are equally near', () => {
		const candidates = [
			{ key: 'abc1', target: 'A', display: 'A' },
			{ key: 'abc2', target: 'B', display: 'B' }
		];
		expect(suggestName('abc3', candidates)).toBeNull();
	});

	it('suggests when the nearest spellings all mean the same thing', () => {
		const candidates = [
			{ key: 'abc1', target: 'A', display: 'A one' },
			{ key: 'abc2', target: 'A', display: 'A two' },
			{ key: 'xyz', target: 'B', display: 'B' }
		];
		expect(suggestName('abc3', candidates)).toBe('A one');
	});

	it('allows one edit per four jamo or letters', () => {
		const candidates = [{ key: 'abcdefgh', target: 'A', display: 'A' }];
		expect(suggestName('abcdefXY', candidates)).toBe('A'); // 8 letters: two edits
		expect(suggestName('abcdeXYZ', candidates)).toBeNull(); // three
		expect(suggestName('abcX', [{ key: 'abcd', target: 'A', display: 'A' }])).toBe('A');
		expect(suggestName('abXY', [{ key: 'abcd', target: 'A', display: 'A' }])).toBeNull();
	});
});
