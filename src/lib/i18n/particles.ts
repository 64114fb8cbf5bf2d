// Korean particles (조사) that depend on the word before them: 은/는, 이/가, 을/를, 과/와, 으로/로.
// The first form follows a final consonant (받침), the second a vowel: 마포구는, 주민은. A value
// from a file may end in a digit, read as a Korean number (20 → 이십, so 20이), or in a letter
// or mark, whose reading is unknown: then both forms are written, 은(는), as Korean software does.

/** A particle pair: the form after a final consonant, then the form after a vowel. */
export const PARTICLES = ['은/는', '이/가', '을/를', '과/와', '으로/로'] as const;
export type Particle = (typeof PARTICLES)[number];

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** The final consonant ㄹ, which takes 로 rather than 으로 (서울로, 마포구로). */
const RIEUL = 8;

/**
 * The final consonant of the reading of a word's last character: 0 for none, the jongseong index
 * (1–27) otherwise; null when the reading is unknown.
 */
function finalConsonant(word: string): number | null {
	const text = word.trim();
	const last = text.at(-1);
	if (last === undefined) return null;
	const code = last.codePointAt(0)!;
	if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return (code - HANGUL_FIRST) % 28;
	if (/[0-9]/.test(last)) return digitFinal(text);
	return null;
}

// How a number's last spoken word ends: 영(ㅇ) 일(ㄹ) 이 삼(ㅁ) 사 오 육(ㄱ) 칠(ㄹ) 팔(ㄹ) 구, and
// for round numbers 십(ㅂ) 백(ㄱ) 천(ㄴ) 만(ㄴ) 억(ㄱ) 조(none).
const DIGIT_FINAL = [21, 8, 0, 16, 0, 0, 1, 8, 8, 0];
const ROUND_FINAL: [number, number][] = [
	[12, 0], // 조
	[8, 1], // 억
	[4, 4], // 만
	[3, 4], // 천
	[2, 1], // 백
	[1, 17] // 십
];

function digitFinal(text: string): number {
	const digits = /([0-9][0-9,]*)(?:\.([0-9]+))?$/.exec(text);
	// After a decimal point each digit is read alone: 12.5 → 십이 점 오.
	if (digits?.[2]) return DIGIT_FINAL[Number(digits[2].at(-1))]!;
	const whole = (digits?.[1] ?? text).replaceAll(',', '');
	const last = Number(whole.at(-1));
	if (last !== 0 || /^0+$/.test(whole)) return DIGIT_FINAL[last]!;
	const zeros = whole.length - whole.replace(/0+$/, '').length;
	return ROUND_FINAL.find(([power]) => zeros >= power)?.[1] ?? 0;
}

/** The particle form that follows `word`; both forms, as `은(는)`, when its reading is unknown. */
export function particleAfter(word: string, particle: Particle): string {
	const [afterConsonant, afterVowel] = particle.split('/') as [string, string];
	const final = finalConsonant(word);
	if (final === null) return `${afterConsonant}(${afterVowel})`;
	if (particle === '으로/로') return final === 0 || final === RIEUL ? afterVowel : afterConsonant;
	return final === 0 ? afterVowel : afterConsonant;
}
