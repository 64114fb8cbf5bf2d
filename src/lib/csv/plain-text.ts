/**
 * Whether UTF-8 bytes are text the importer would read exactly as they are: decoding them, making
 * line breaks LF and the text NFC would change nothing, and they show no damage. Most exports are
 * such text, and one pass over the bytes costs less than decoding them (a 100 MB file: decoding
 * 0.33 s and NFC 0.09 s in Chromium), so for them only the first lines are decoded, to find the
 * header. Anything else is decoded and normalized whole, as before.
 *
 * Plain text is well-formed UTF-8 of these characters only: tab, line feed, printable ASCII and
 * characters from {@link PLAIN_RANGES}. Each of those is its own NFC form, has no combining
 * class, and is never the second of a pair NFC composes (`plain-text.test.ts` checks every one of
 * them against the whole of Unicode), so text made of them is already NFC. Also never in plain
 * text: a carriage return (line breaks are made LF), NUL (a binary file), U+FFFD and `??` (the
 * damage `findDamage` reports), a byte-order mark (a second one is dropped when decoding).
 */

/**
 * Ranges of code points (inclusive) that plain text may hold besides ASCII: what Korean exports
 * write. Ordered by how often they appear, as they are tested in that order.
 */
export const PLAIN_RANGES: readonly (readonly [number, number])[] = [
	[0xac00, 0xd7a3], // Hangul syllables
	[0x00a0, 0x00ff], // Latin-1: no-break space, ·, ×, é
	[0x3000, 0x3029], // CJK punctuation: 「」『』〈〉・ (U+302A–U+302F are combining marks)
	[0x3030, 0x303f],
	[0x3131, 0x318e], // Hangul compatibility jamo: ㄱ, ㅏ
	[0x4e00, 0x9fff], // CJK unified ideographs (Hanja)
	[0xff01, 0xffee], // full-width forms: （）１, ￦
	[0x2010, 0x2027], // dashes, quotes, bullets, ellipsis (U+2000 and U+2001 NFC changes)
	[0x2030, 0x205e], // ‰, ′, ※
	[0x20a0, 0x20bf], // currency signs: ₩
	[0x2460, 0x24ff], // enclosed alphanumerics: ①
	[0x2500, 0x27bf], // box drawing, shapes, symbols: ■ □ ○ ● ★ ✓
	[0x3200, 0x33ff] // enclosed CJK and CJK compatibility: ㈜, ㎡
];

function isPlainCodePoint(codePoint: number): boolean {
	for (const [first, last] of PLAIN_RANGES) {
		if (codePoint >= first && codePoint <= last) return true;
	}
	return false;
}

const TAB = 0x09;
const LF = 0x0a;
const QUESTION_MARK = 0x3f;

/** Whether `bytes` from `start` on are plain text (see the module's comment). */
export function isPlainText(bytes: Uint8Array, start = 0): boolean {
	let previous = 0;
	let i = start;
	while (i < bytes.length) {
		const lead = bytes[i]!;
		if (lead < 0x80) {
			if (lead < 0x20 ? lead !== LF && lead !== TAB : lead === 0x7f) return false;
			if (lead === QUESTION_MARK && previous === QUESTION_MARK) return false;
			previous = lead;
			i++;
			continue;
		}
		previous = 0;
		// A missing byte past the end reads as undefined, which is no continuation byte either.
		if (lead >= 0xc2 && lead <= 0xdf) {
			const second = bytes[i + 1]!;
			if ((second & 0xc0) !== 0x80) return false;
			if (!isPlainCodePoint(((lead & 0x1f) << 6) | (second & 0x3f))) return false;
			i += 2;
		} else if (lead >= 0xe0 && lead <= 0xef) {
			const second = bytes[i + 1]!;
			const third = bytes[i + 2]!;
			if ((second & 0xc0) !== 0x80 || (third & 0xc0) !== 0x80) return false;
			// An overlong form or a surrogate decodes to no code point in the ranges.
			const codePoint = ((lead & 0x0f) << 12) | ((second & 0x3f) << 6) | (third & 0x3f);
			if (!isPlainCodePoint(codePoint)) return false;
			i += 3;
		} else {
			// Four bytes (no plain character is outside the first plane), or not UTF-8.
			return false;
		}
	}
	return true;
}
