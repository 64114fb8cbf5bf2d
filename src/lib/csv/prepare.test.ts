import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeCp949 } from '$lib/testing/node-engine';
import { PLAIN_SCAN_MIN_BYTES, prepareText, type PreparedText } from './prepare';
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

describe('plain UTF-8 (plain-text.ts): only its start is decoded, from a size on', () => {
	afterEach(() => vi.restoreAllMocks());

	/** A file of `rows` rows, LF line breaks, each row about 70 bytes. */
	const fileOf = (rows: number) =>
		[
			EVALUATION_HEADER,
			...Array.from(
				{ length: rows },
				(_, i) => `${2017 + (i % 4)},성북구,자체,평가자${i},민관협치,의제 발굴,${i % 11},10`
			)
		].join('\n') + '\n';
	/** The longest run of bytes TextDecoder decoded while preparing. */
	function longestDecoded(bytes: Uint8Array): { prepared: PreparedText; longest: number } {
		const decode = vi.spyOn(TextDecoder.prototype, 'decode');
		const result = prepared(bytes);
		const lengths = decode.mock.calls.map(([input]) => (input as Uint8Array | undefined)?.length);
		return { prepared: result, longest: Math.max(0, ...lengths.map((n) => n ?? 0)) };
	}

	it('a file that large is read from its own bytes, as decoding it whole would', () => {
		const text = fileOf(Math.ceil(PLAIN_SCAN_MIN_BYTES / 60));
		const bytes = withBom(utf8(text));
		expect(bytes.length).toBeGreaterThanOrEqual(PLAIN_SCAN_MIN_BYTES);
		const scanned = longestDecoded(bytes);
		expect(scanned.longest).toBeLessThan(bytes.length / 10);
		expect(scanned.prepared.data.buffer).toBe(bytes.buffer);
		// The same text with CRLF line breaks is decoded whole and made LF.
		const crlf = longestDecoded(utf8(text.replaceAll('\n', '\r\n')));
		expect(crlf.longest).toBeGreaterThan(bytes.length);
		// The same but for the encoding's name (the one with a byte-order mark) and the bytes.
		const { data: scannedData, ...fromScan } = scanned.prepared;
		const { data: decodedData, ...fromDecoding } = crlf.prepared;
		expect(fromScan).toEqual({ ...fromDecoding, encoding: 'utf-8-bom' });
		// Compared as buffers: a deep comparison of two million elements took seconds.
		expect(Buffer.from(scannedData).equals(Buffer.from(decodedData))).toBe(true);
	});

	it('a smaller file is decoded whole', () => {
		const bytes = utf8(fileOf(1000));
		expect(bytes.length).toBeLessThan(PLAIN_SCAN_MIN_BYTES);
		const { prepared: small, longest } = longestDecoded(bytes);
		expect(longest).toBe(bytes.length);
		expect(small.data.buffer).toBe(bytes.buffer);
	});
});
