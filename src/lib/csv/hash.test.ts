import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex, sha256HexInJs } from './hash';

// FIPS 180-2, appendix B: the published digests of "abc" and of the 448-bit message.
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const TWO_BLOCKS = '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1';
const TWO_BLOCKS_TEXT = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';

const bytes = (text: string) => new TextEncoder().encode(text);

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('sha256Hex', () => {
	it.each([
		['abc', ABC],
		[TWO_BLOCKS_TEXT, TWO_BLOCKS]
	])(
		'Web Crypto and the JavaScript fallback give the published digest of %s',
		async (text, hex) => {
			expect(globalThis.crypto?.subtle).toBeDefined();
			expect(await sha256Hex(bytes(text))).toBe(hex);
			expect(sha256HexInJs(bytes(text))).toBe(hex);
		}
	);

	it('falls back to JavaScript where the page has no Web Crypto (plain http)', async () => {
		vi.stubGlobal('crypto', {});
		expect(await sha256Hex(bytes('abc'))).toBe(ABC);
	});

	it('hashes a view of a larger buffer by its own bytes only', async () => {
		const buffer = bytes(`xx${'abc'}yy`);
		expect(await sha256Hex(buffer.subarray(2, 5))).toBe(ABC);
	});
});
