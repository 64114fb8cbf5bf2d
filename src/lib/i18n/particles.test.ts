import { describe, expect, it } from 'vitest';
import { particleAfter } from './particles';

describe('particleAfter', () => {
	it.each([
		// Hangul: by the last syllable's final consonant.
		['마포구', '을/를', '를'],
		['주민', '을/를', '을'],
		['성북구', '은/는', '는'],
		['평가지표', '이/가', '가'],
		['평가영역', '이/가', '이'],
		['서울', '으로/로', '로'], // ㄹ takes 로
		['성북구', '으로/로', '로'],
		['본청', '으로/로', '으로'],
		['외부전문가', '과/와', '와'],
		['공무원', '과/와', '과'],
		// Digits, as the number is read aloud.
		['25', '이/가', '가'], // 이십오
		['20', '이/가', '이'], // 이십
		['1', '은/는', '은'], // 일
		['3', '을/를', '을'], // 삼
		['100', '이/가', '이'], // 백
		['1,000', '은/는', '은'], // 천
		['10000', '이/가', '이'], // 만
		['12.5', '이/가', '가'], // 십이 점 오
		['7.0', '으로/로', '으로'], // 칠 점 영
		['0', '이/가', '이'], // 영
		['2017', '으로/로', '로'], // 이천십칠
		// Unknown reading: both forms.
		['Seongbuk-gu', '은/는', '은(는)'],
		['"', '을/를', '을(를)'],
		['', '이/가', '이(가)']
	] as const)('%s + %s → %s', (word, particle, expected) => {
		expect(particleAfter(word, particle)).toBe(expected);
	});
});
