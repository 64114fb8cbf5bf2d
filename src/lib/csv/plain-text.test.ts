import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainText, PLAIN_RANGES } from './plain-text';

const utf8 = (text: string) => new TextEncoder().encode(text);

const plainCodePoints = PLAIN_RANGES.flatMap(([first, last]) =>
	Array.from({ length: last - first + 1 }, (_, i) => first + i)
);

/**
 * Every code point NFC may compose onto the one before it: those after the first in any code
 * point's canonical decomposition (a combining accent, a Hangul vowel or final consonant).
 * Worked out from the whole of Unicode by the JavaScript engine's own NFD, not from the code.
 */
function composedOnto(): Set<number> {
	const seconds = new Set<number>();
	for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
		if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
		const parts = [...String.fromCodePoint(codePoint).normalize('NFD')];
		for (const part of parts.slice(1)) seconds.add(part.codePointAt(0)!);
	}
	return seconds;
}

describe('the plain characters', () => {
	it('are each their own NFC form, no mark, and never composed onto the one before', () => {
		const seconds = composedOnto();
		const changed = plainCodePoints.filter((c) => {
			const text = String.fromCodePoint(c);
			return text.normalize('NFC') !== text || /\p{M}/u.test(text) || seconds.has(c);
		});
		expect(changed.map((c) => c.toString(16))).toEqual([]);
		// The check can fail: a combining accent and a Hangul final consonant are caught by it.
		expect([0x0301, 0x11a8].every((c) => seconds.has(c))).toBe(true);
	});

	it('are each plain text, as UTF-8', () => {
		const refused = plainCodePoints.filter((c) => !isPlainText(utf8(String.fromCodePoint(c))));
		expect(refused).toEqual([]);
	});
});

// Characters plain text may and may not hold, mixed: plain text must be what decoding and NFC
// leave as it is, with nothing findDamage reports.
const plainChar = fc.oneof(
	fc.constantFrom('a', ',', '\n', '\t', ' ', '?', '1', '"'),
	fc.constantFrom(...plainCodePoints).map((c) => String.fromCodePoint(c))
);
const otherChar = fc.constantFrom(
	'\r',
	'\u0000',
	'\u0301', // combining acute accent
	'\u1100', // Hangul initial consonant (decomposed syllable)
	'\u1161',
	'\u11a8',
	'\u2000', // NFC makes it U+2002
	'\uf900', // CJK compatibility ideograph: NFC makes it U+8C48
	'\ufffd',
	'\ufeff',
	'\u212b', // Å sign: NFC makes it U+00C5
	'😀',
	'\u0080'
);
const text = fc
	.array(fc.oneof({ arbitrary: plainChar, weight: 20 }, { arbitrary: otherChar, weight: 1 }), {
		maxLength: 30
	})
	.map((chars) => chars.join(''));

describe('isPlainText', () => {
	it('says plain only of text that decoding, LF and NFC leave as it is, undamaged', () => {
		fc.assert(
			fc.property(fc.oneof(text.map(utf8), fc.uint8Array({ maxLength: 30 })), (bytes) => {
				if (!isPlainText(bytes)) return;
				const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
				expect(new TextEncoder().encode(decoded)).toEqual(bytes);
				expect(decoded.normalize('NFC')).toBe(decoded);
				for (const unplain of ['\r', '\u0000', '\ufffd', '\ufeff', '??']) {
					expect(decoded).not.toContain(unplain);
				}
			}),
			{ numRuns: 3000, seed: 20261206 }
		);
	});

	it('says plain of text made of plain characters, without ??', () => {
		fc.assert(
			fc.property(fc.array(plainChar, { maxLength: 30 }), (chars) => {
				const joined = chars.join('');
				expect(isPlainText(utf8(joined))).toBe(!joined.includes('??'));
			}),
			{ numRuns: 1000, seed: 20261206 }
		);
	});

	it('refuses cut or malformed UTF-8, and starts where it is told', () => {
		const hangul = utf8('성북구');
		expect(isPlainText(hangul.subarray(0, 4))).toBe(false);
		expect(isPlainText(new Uint8Array([0xc0, 0xaf]))).toBe(false); // overlong "/"
		expect(isPlainText(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(false); // a surrogate
		expect(isPlainText(utf8('\ufeff연도,자치구'))).toBe(false);
		expect(isPlainText(utf8('\ufeff연도,자치구'), 3)).toBe(true);
	});
});
