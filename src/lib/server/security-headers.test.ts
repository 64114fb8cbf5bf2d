import { describe, expect, it } from 'vitest';
import { withSecurityHeaders } from './security-headers';

describe('withSecurityHeaders', () => {
	it('adds nosniff and same-origin referrers, keeping what the route set', async () => {
		const page = withSecurityHeaders(
			new Response('<p>hi</p>', { headers: { 'content-type': 'text/html' } })
		);
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
		expect(page.headers.get('referrer-policy')).toBe('same-origin');
		expect(await page.text()).toBe('<p>hi</p>');
		const strict = withSecurityHeaders(
			new Response(null, { headers: { 'referrer-policy': 'no-referrer' } })
		);
		expect(strict.headers.get('referrer-policy')).toBe('no-referrer');
	});

	it('copies a response whose headers cannot change, status and location kept', () => {
		const moved = withSecurityHeaders(Response.redirect('https://dash.example/', 303));
		expect(moved.status).toBe(303);
		expect(moved.headers.get('location')).toBe('https://dash.example/');
		expect(moved.headers.get('x-content-type-options')).toBe('nosniff');
	});
});

describe('a policy for HTML without one', () => {
	it('is added to an error page, and never replaces a page’s own', () => {
		const error = withSecurityHeaders(
			new Response('<h1>500</h1>', { status: 500, headers: { 'content-type': 'text/html' } })
		);
		expect(error.headers.get('content-security-policy')).toMatch(/^default-src 'none';/);
		const page = withSecurityHeaders(
			new Response('<p>hi</p>', {
				headers: { 'content-type': 'text/html', 'content-security-policy': "script-src 'self'" }
			})
		);
		expect(page.headers.get('content-security-policy')).toBe("script-src 'self'");
		const data = withSecurityHeaders(Response.json({ ok: true }));
		expect(data.headers.has('content-security-policy')).toBe(false);
	});
});
