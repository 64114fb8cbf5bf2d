import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { nodeCp949 } from '$lib/testing/node-engine';
import { prepareText, type PreparedText } from './prepare';
import { EVALUATION_HEADER } from './test-support';

// The text DuckDB reads is the file's text after its header, in UTF-8 with LF line breaks and in
// NFC, whichever way the file was written. A UTF-8 file that is already that is handed over as
// its own bytes rather than encoded again; every other file is encoded from its decoded text.

const ROWS = [
	'2019,성북구,자체,,민관협치,의제 발굴,7.5,10',
	'2020,마포구,공무원,,사업성과,목표,8,10'
];
/** What DuckDB must read, whatever the file's encoding and line breaks. */
const EXPECTED = new TextEncoder().encode(ROWS.join('\n'));

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];
const withBom = (bytes: Uint8Array, marks = 1) =>
	new Uint8Array([...Array.from({ length: marks }, () => BOM).flat(), ...bytes]);

function prepared(bytes: Uint8Array): PreparedText {
	const result = prepareText(bytes, { decodeCp949: nodeCp949 });
	if (!result.ok) throw new Error(result.code);
	return result;
}

describe('the text DuckDB reads', () => {
	const file = utf8([EVALUATION_HEADER, ...ROWS].join('\n'));

	it.each([
		['UTF-8', file],
		['UTF-8 with a byte-order mark', withBom(file)]
	])('%s that needs no change is the file’s own bytes', (_name, bytes) => {
		const { data } = prepared(bytes);
		expect(data).toEqual(EXPECTED);
		expect(data.buffer).toBe(bytes.buffer);
	});

	it.each([
		['CRLF line breaks', utf8([EVALUATION_HEADER, ...ROWS].join('\r\n'))],
		[
			'decomposed Hangul (NFD, as macOS writes it)',
			utf8([EVALUATION_HEADER, ...ROWS].join('\n').normalize('NFD'))
		],
		['two byte-order marks', withBom(file, 2)]
	])('%s is made UTF-8, LF and NFC anew', (_name, bytes) => {
		const { data } = prepared(bytes);
		expect(data).toEqual(EXPECTED);
		expect(data.buffer).not.toBe(bytes.buffer);
	});

	it('CP949, as Excel on Korean Windows writes it, is decoded and made UTF-8', () => {
		const text = [EVALUATION_HEADER, ...ROWS].join('\r\n');
		const { data, encoding } = prepared(new Uint8Array(iconv.encode(text, 'cp949')));
		expect(encoding).toBe('cp949');
		expect(data).toEqual(EXPECTED);
	});
});
