import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { nodeCp949 } from '$lib/testing/node-engine';
import { decodeText, detectEncoding, isValidUtf8 } from './decode';

const utf8 = (text: string) => new TextEncoder().encode(text);
const cp949 = (text: string) => new Uint8Array(iconv.encode(text, 'cp949'));
const withBom = (bom: number[], body: Uint8Array) => new Uint8Array([...bom, ...body]);
const utf16 = (text: string, encoding: 'utf-16le' | 'utf-16be') =>
	new Uint8Array(iconv.encode(text, encoding));

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

describe('decodeText', () => {
	const text = '연도,자치구\n2019,성북구 똠 뷁';

	it.each([
		['utf-8', utf8(text)],
		['utf-8-bom', withBom(UTF8_BOM, utf8(text))],
		['utf-16le', withBom(UTF16LE_BOM, utf16(text, 'utf-16le'))],
		['utf-16be', withBom(UTF16BE_BOM, utf16(text, 'utf-16be'))],
		['cp949', cp949(text)]
	])('reads %s', (encoding, bytes) => {
		expect(decodeText(bytes, nodeCp949)).toEqual({ text, encoding, replacementCount: 0 });
	});

	it('reads UTF-8 with one damaged byte as UTF-8, counting the damage', () => {
		const bytes = utf8('자치구,성북구,마포구');
		bytes[1] = 0x41; // 자 = EC 9E 90: its second byte becomes 'A', leaving two bad bytes
		const decoded = decodeText(bytes, nodeCp949);
		expect(decoded.encoding).toBe('utf-8');
		expect(decoded.text.endsWith(',성북구,마포구')).toBe(true);
		expect(decoded.replacementCount).toBe(2); // EC before 'A', then the lone 90
	});

	it('detects the encoding from the byte-order mark first', () => {
		expect(detectEncoding(withBom(UTF16LE_BOM, utf16('a', 'utf-16le')))).toBe('utf-16le');
		expect(detectEncoding(cp949('성북구'))).toBe('cp949');
		expect(detectEncoding(utf8('성북구'))).toBe('utf-8');
	});
});

// Text as it may appear in a file; a leading U+FEFF would be read as a byte-order mark.
const anyText = fc
	.string({ unit: 'binary', maxLength: 200 })
	.filter((t) => !t.startsWith('\uFEFF'));

// Characters CP949 can encode: ASCII, Hangul syllables (all 11,172, through UHC), jamo, and
// a few symbols and hanja; a character is kept only if it survives an iconv round trip.
const cp949Char = fc
	.oneof(
		fc.integer({ min: 0x20, max: 0x7e }),
		fc.constantFrom(0x09, 0x0a, 0x0d),
		fc.integer({ min: 0xac00, max: 0xd7a3 }),
		fc.integer({ min: 0x3131, max: 0x318e }),
		fc.integer({ min: 0x4e00, max: 0x9fff }),
		fc.constantFrom(0x00d7, 0x00b7, 0x2026, 0x203b, 0x3001, 0x3002, 0xff05)
	)
	.map((code) => String.fromCodePoint(code))
	.filter((char) => iconv.decode(iconv.encode(char, 'cp949'), 'cp949') === char);

describe('decodeText round trips (fast-check)', () => {
	it('UTF-8, with and without a BOM', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				expect(decodeText(utf8(text)).text).toBe(text);
				expect(decodeText(withBom(UTF8_BOM, utf8(text)))).toMatchObject({
					text,
					encoding: 'utf-8-bom'
				});
			})
		);
	});

	it('UTF-16LE and UTF-16BE with a BOM', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const le = decodeText(withBom(UTF16LE_BOM, utf16(text, 'utf-16le')));
				const be = decodeText(withBom(UTF16BE_BOM, utf16(text, 'utf-16be')));
				expect(le).toMatchObject({ text, encoding: 'utf-16le' });
				expect(be).toMatchObject({ text, encoding: 'utf-16be' });
			})
		);
	});

	it('CP949, whenever the bytes are not also valid UTF-8', () => {
		fc.assert(
			fc.property(fc.string({ unit: cp949Char, maxLength: 100 }), (text) => {
				const bytes = cp949(text);
				// A few short runs (e.g. C2 A1) are valid UTF-8 too; such bytes are read as UTF-8.
				fc.pre(!isValidUtf8(bytes));
				expect(decodeText(bytes, nodeCp949)).toEqual({
					text,
					encoding: 'cp949',
					replacementCount: 0
				});
			})
		);
	});
});
