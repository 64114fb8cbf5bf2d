import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ifNoneMatchHits, strongEtag } from './http-cache';

const TAG = '"9609800f5febd938cf3a08f2f46ccc324b1b4bfef9e05b3b5825fcc57fd25981"';

describe('strongEtag', () => {
	it('is the quoted SHA-256 of the bytes, without W/', () => {
		const bytes = new TextEncoder().encode('연도,자치구\n2031,성북구\n');
		const hex = createHash('sha256').update(bytes).digest('hex');
		expect(strongEtag(bytes)).toBe(`"${hex}"`);
		expect(strongEtag(new Uint8Array(0))).toBe(
			'"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"'
		);
	});
});

describe('ifNoneMatchHits', () => {
	it.each([
		['the same tag', TAG],
		['the weak form a gzipped response carried', `W/${TAG}`],
		['the tag in a list', `"old", ${TAG}, W/"other"`],
		['a list without spaces', `"old",W/${TAG}`],
		['any current representation', '*'],
		['any, with spaces', ' * ']
	])('matches %s', (_, header) => {
		expect(ifNoneMatchHits(header, TAG)).toBe(true);
		// Whichever form the server sent, the comparison is weak.
		expect(ifNoneMatchHits(header, `W/${TAG}`)).toBe(true);
	});

	it.each([
		['no header', null],
		['an empty header', ''],
		['another tag', '"9609800f5febd938cf3a08f2f46ccc324b1b4bfef9e05b3b5825fcc57fd25980"'],
		['the tag without quotes', TAG.slice(1, -1)],
		['a prefix of the tag', TAG.slice(0, 20) + '"'],
		['a list of others', '"a", W/"b", "c,d"'],
		['a star inside a list', `"a", *`]
	])('does not match %s', (_, header) => {
		expect(ifNoneMatchHits(header, TAG)).toBe(false);
	});
});
