import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Request } from '@playwright/test';
import { TEST_EDITOR_TOKEN, TEST_PUBLISH_MAX_BYTES } from '../../playwright.config';
import { evaluations as generatedEvaluations } from './generated-evaluations';
import { openDashboard } from './helpers';

interface Raw {
	status: number;
	headers: http.IncomingHttpHeaders;
	/** The body exactly as it came over the wire, not decompressed. */
	body: Buffer;
}

/** A GET (or HEAD) through node:http, which, unlike Playwright's client, never decompresses. */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
	return new Promise((resolve, reject) => {
		http
			.request(url, { method, headers }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode!,
						headers: response.headers,
						body: Buffer.concat(chunks)
					})
				);
				response.on('error', reject);
			})
			.on('error', reject)
			.end();
	});
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const evaluations = readFileSync(new URL('../../data/evaluations.csv', import.meta.url));

test.describe('sample CSVs', () => {
	const url = (baseURL: string | undefined) => `${baseURL}/data/evaluations.csv`;

	test('carry a strong ETag; asking again with it costs a 304 and no body', async ({ baseURL }) => {
		const first = await raw(url(baseURL));
		expect(first.status).toBe(200);
		expect(first.headers['content-encoding']).toBeUndefined();
		expect(first.headers['cache-control']).toBe('no-cache');
		expect(first.headers['content-length']).toBe(String(evaluations.byteLength));
		expect(first.headers.etag).toBe(`"${sha256(evaluations)}"`);
		expect(first.body.equals(evaluations)).toBe(true);

		const again = await raw(url(baseURL), { 'if-none-match': first.headers.etag! });
		expect(again.status).toBe(304);
		expect(again.body.byteLength).toBe(0);
		expect(again.headers.etag).toBe(first.headers.etag);
		expect(again.headers['cache-control']).toBe('no-cache');

		// A tag of other bytes (an older release) gets the file.
		const stale = await raw(url(baseURL), { 'if-none-match': `"${sha256(Buffer.from('old'))}"` });
		expect(stale.status).toBe(200);
		expect(stale.body.equals(evaluations)).toBe(true);
	});

	test('are gzipped for a browser, and the gzipped copy revalidates too', async ({ baseURL }) => {
		const browser = { 'accept-encoding': 'gzip, deflate, br, zstd' };
		const first = await raw(url(baseURL), browser);
		expect(first.status).toBe(200);
		expect(first.headers['content-encoding']).toBe('gzip');
		expect(first.headers.vary).toMatch(/Accept-Encoding/i);
		expect(first.headers['content-length']).toBeUndefined();
		// The tag names the uncompressed bytes, so the gzipped copy carries it weak.
		expect(first.headers.etag).toBe(`W/"${sha256(evaluations)}"`);
		expect(gunzipSync(first.body).equals(evaluations)).toBe(true);
		expect(first.body.byteLength).toBeLessThan(evaluations.byteLength / 10);

		const again = await raw(url(baseURL), { ...browser, 'if-none-match': first.headers.etag! });
		expect(again.status).toBe(304);
		expect(again.body.byteLength).toBe(0);
		expect(again.headers.etag).toBe(first.headers.etag);
		expect(again.headers.vary).toMatch(/Accept-Encoding/i);
	});
});

test('a reload of the dashboard downloads no sample CSV again', async ({ page }) => {
	const visits: { file: string; ifNoneMatch: string | undefined; bodyBytes: number }[][] = [[]];
	// Counted in the visit that asked, whenever the answer ends.
	const askedIn = new WeakMap<Request, number>();
	page.on('request', (request) => askedIn.set(request, visits.length - 1));
	page.on('requestfinished', async (request) => {
		const file = new URL(request.url()).pathname;
		if (!file.startsWith('/data/')) return;
		visits[askedIn.get(request)!]!.push({
			file,
			ifNoneMatch: (await request.allHeaders())['if-none-match'],
			bodyBytes: (await request.sizes()).responseBodySize
		});
	});
	await openDashboard(page);
	visits.push([]);
	await page.reload();
	await openDashboard(page);
	const [first, second] = visits;
	expect(first!.map((request) => request.file)).toContain('/data/evaluations.csv');
	expect(second!.length).toBeGreaterThan(0);
	for (const request of second!) {
		expect(request.ifNoneMatch, request.file).toBeTruthy();
		expect(request.bodyBytes, request.file).toBe(0);
	}
});

test('a published file downloads byte for byte, streamed, never re-encoded', async ({
	request,
	baseURL
}) => {
	// Most of the test server's publish limit: an export that imports (a publish must), with
	// a byte-order mark and Hangul in every line, which any re-encoding would change.
	const { bytes } = generatedEvaluations(50_000, 2037, 5);
	const size = bytes.byteLength;
	expect(size).toBeGreaterThan(TEST_PUBLISH_MAX_BYTES * 0.5);
	expect(size).toBeLessThan(TEST_PUBLISH_MAX_BYTES - 64 * 1024);
	const hash = sha256(bytes);
	const body = new FormData();
	body.append('file', new Blob([bytes]), 'big.csv');
	body.append('manifest', JSON.stringify([{ name: 'big.csv', choices: {} }]));
	const published = await request.post(`${baseURL}/api/datasets`, {
		headers: { origin: baseURL!, authorization: `Bearer ${TEST_EDITOR_TOKEN}` },
		multipart: body
	});
	expect(published.status()).toBe(201);
	const { id } = (await published.json()) as { id: string };
	const url = `${baseURL}/api/datasets/${id}/files/${hash}`;

	for (let round = 0; round < 2; round++) {
		const download = await raw(url, { 'accept-encoding': 'gzip, deflate, br' });
		expect(download.status).toBe(200);
		expect(download.headers['content-type']).toBe('application/octet-stream');
		expect(download.headers['content-encoding']).toBeUndefined();
		expect(download.headers['content-length']).toBe(String(size));
		expect(download.headers.etag).toBe(`"${hash}"`);
		expect(download.body.byteLength).toBe(size);
		expect(sha256(download.body)).toBe(hash);
		expect(download.body.equals(bytes)).toBe(true);
	}

	const head = await raw(url, {}, 'HEAD');
	expect(head.status).toBe(200);
	expect(head.headers['content-length']).toBe(String(size));
	expect(head.body.byteLength).toBe(0);

	const cached = await raw(url, { 'if-none-match': `"${hash}"` });
	expect(cached.status).toBe(304);
	expect(cached.body.byteLength).toBe(0);
	// A tag is no way into a dataset that does not list the file.
	const elsewhere = await raw(`${baseURL}/api/datasets/AAAAAAAAAAAAAAAAAAAAAA/files/${hash}`, {
		'if-none-match': `"${hash}"`
	});
	expect(elsewhere.status).toBe(404);
});
