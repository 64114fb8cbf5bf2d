import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './publishing';

const post = (origin?: string) =>
	new Request('https://dash.example/api/datasets', {
		method: 'POST',
		headers: origin ? { origin } : {}
	});

describe('isSameOrigin', () => {
	it.each([
		['http://dash.example', true],
		['https://dash.example', true],
		['https://evil.example', false],
		['http://evil@dash.example', false],
		['https://dash.example:8443', false],
		['https://dash.example/', false],
		['HTTPS://DASH.EXAMPLE', false],
		['http://dash.example.evil.example', false],
		['null', false],
		['not a url', false],
		[undefined, false]
	])('origin %s → %s', (origin, expected) => {
		expect(isSameOrigin(post(origin), new URL('https://dash.example/api/datasets'))).toBe(expected);
	});
});

describe('isSameOrigin with ORIGIN set', () => {
	const url = new URL('https://dash.example/api/datasets');
	it.each([
		['https://dash.example', true],
		['http://dash.example', false],
		['https://dash.example:8443', false],
		['http://evil@dash.example', false],
		['https://evil.example', false]
	])('origin %s → %s', (origin, expected) => {
		expect(isSameOrigin(post(origin), url, 'https://dash.example')).toBe(expected);
	});

	it('compares with the configured port, and refuses everything if ORIGIN is not an address', () => {
		const intranet = 'http://10.0.0.5:3000';
		expect(isSameOrigin(post('http://10.0.0.5:3000'), url, intranet)).toBe(true);
		expect(isSameOrigin(post('http://10.0.0.5'), url, intranet)).toBe(false);
		expect(isSameOrigin(post('https://dash.example'), url, 'not an address')).toBe(false);
	});
});
