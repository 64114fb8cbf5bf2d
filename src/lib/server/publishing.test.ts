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
		['http://dash.example.evil.example', false],
		['null', false],
		['not a url', false],
		[undefined, false]
	])('origin %s → %s', (origin, expected) => {
		expect(isSameOrigin(post(origin), new URL('https://dash.example/api/datasets'))).toBe(expected);
	});
});
