import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipped } from './compression';

const CSV =
	'연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점\n' +
	'2031,성북구,자체,,추진체계,운영,6,10\n'.repeat(200);
const CSV_BYTES = new TextEncoder().encode(CSV);
const TAG = '"9609800f5febd938cf3a08f2f46ccc324b1b4bfef9e05b3b5825fcc57fd25981"';

const request = (acceptEncoding?: string) =>
	new Request('http://localhost/data/evaluations.csv', {
		headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
	});

function csv(headers: Record<string, string> = {}, body: Uint8Array = CSV_BYTES): Response {
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-length': String(body.byteLength),
			'cache-control': 'no-cache',
			etag: TAG,
			...headers
		}
	});
}

async function gunzip(response: Response): Promise<Uint8Array> {
	return new Uint8Array(gunzipSync(new Uint8Array(await response.arrayBuffer())));
}

describe('gzipped', () => {
	it('gzips a sample CSV for a browser, weakens its ETag and says it varies', async () => {
		const response = gzipped(request('gzip, deflate, br, zstd'), csv());
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('content-length')).toBeNull();
		expect(response.headers.get('vary')).toBe('Accept-Encoding');
		expect(response.headers.get('etag')).toBe(`W/${TAG}`);
		expect(response.headers.get('cache-control')).toBe('no-cache');
		const bytes = await gunzip(response);
		expect(bytes).toEqual(CSV_BYTES);
	});

	it('gives a 304 the ETag and Vary of the 200 it stands for, without a length', () => {
		const notModified = new Response(null, {
			status: 304,
			headers: { 'content-type': 'text/csv', 'content-length': '5000', etag: TAG }
		});
		const response = gzipped(request('gzip'), notModified);
		expect(response.status).toBe(304);
		expect(response.body).toBeNull();
		expect(response.headers.get('etag')).toBe(`W/${TAG}`);
		expect(response.headers.get('vary')).toBe('Accept-Encoding');
		expect(response.headers.get('content-length')).toBeNull();
		expect(response.headers.get('content-encoding')).toBeNull();
		// For a client that takes no gzip, the 200 and so the 304 keep the strong tag.
		const plain = gzipped(request(), notModified);
		expect(plain.headers.get('etag')).toBe(TAG);
		expect(plain.headers.get('vary')).toBe('Accept-Encoding');
	});

	it.each([
		['no Accept-Encoding', undefined],
		['identity only', 'identity'],
		['gzip refused', 'gzip;q=0, deflate'],
		['anything but gzip', 'gzip;q=0, *'],
		['br only', 'br']
	])('sends identity bytes with %s, still saying it varies', async (_, acceptEncoding) => {
		const response = gzipped(request(acceptEncoding), csv());
		expect(response.headers.get('content-encoding')).toBeNull();
		expect(response.headers.get('etag')).toBe(TAG);
		expect(response.headers.get('content-length')).toBe(String(CSV_BYTES.byteLength));
		expect(response.headers.get('vary')).toBe('Accept-Encoding');
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(CSV_BYTES);
	});

	it.each([
		['gzip', 'gzip'],
		['x-gzip', 'x-gzip'],
		['gzip with a weight', 'br;q=1.0, gzip;q=0.5'],
		['any', '*'],
		['upper case', 'GZIP']
	])('gzips for Accept-Encoding %s', (_, acceptEncoding) => {
		expect(gzipped(request(acceptEncoding), csv()).headers.get('content-encoding')).toBe('gzip');
	});

	it('keeps gzipping HTML pages, of unknown length, as before', async () => {
		const html = '<!doctype html><html lang="ko"><body>' + '<p>점수</p>'.repeat(500);
		const page = new Response(html, { headers: { 'content-type': 'text/html' } });
		const response = gzipped(request('gzip'), page);
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('vary')).toBe('Accept-Encoding');
		expect(new TextDecoder().decode(await gunzip(response))).toBe(html);
	});

	it('gzips a JSON manifest, and appends to an existing Vary', async () => {
		const body = JSON.stringify({
			files: Array.from({ length: 100 }, (_, i) => ({ name: `${i}.csv` }))
		});
		const manifest = new Response(body, {
			headers: {
				'content-type': 'application/json',
				'content-length': String(body.length),
				vary: 'Cookie'
			}
		});
		expect(body.length).toBeGreaterThan(1024);
		const response = gzipped(request('gzip'), manifest);
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('vary')).toBe('Cookie, Accept-Encoding');
		expect(new TextDecoder().decode(await gunzip(response))).toBe(body);
	});

	it.each([
		[
			'a published file (opaque bytes, up to 100 MB)',
			csv({ 'content-type': 'application/octet-stream' })
		],
		[
			'a CSV of unknown length',
			new Response(new Uint8Array(CSV_BYTES), { headers: { 'content-type': 'text/csv' } })
		],
		['a CSV above 8 MiB', csv({ 'content-length': String(8 * 1024 * 1024 + 1) })],
		['a CSV below 1 KiB', csv({}, CSV_BYTES.subarray(0, 1000))],
		['a CSV already encoded', csv({ 'content-encoding': 'br' })],
		['a CSV marked no-transform', csv({ 'cache-control': 'no-cache, no-transform' })],
		['a small JSON error', Response.json({ error: 'not-found' }, { status: 404 })],
		['an image', new Response('x'.repeat(5000), { headers: { 'content-type': 'image/png' } })]
	])('leaves %s alone', (_, response) => {
		const before = Object.fromEntries(response.headers);
		const result = gzipped(request('gzip, deflate, br'), response);
		expect(result).toBe(response);
		expect(Object.fromEntries(result.headers)).toEqual(before);
	});
});
