import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hardenServer } from './harden.js';

// A stand-in for adapter-node's static handler (sirv): it sends its headers first, then pipes
// the file, with no error listener on the stream, exactly as sirv does.
function sirvLike(root: string) {
	return (request: http.IncomingMessage, response: http.ServerResponse) => {
		const file = path.join(root, request.url!.split('?')[0]!);
		let size: number;
		try {
			size = statSync(file).size;
		} catch {
			size = 3;
		}
		response.writeHead(200, { 'content-length': size, 'content-type': 'text/javascript' });
		createReadStream(file).pipe(response);
	};
}

const roots: string[] = [];
const servers: http.Server[] = [];
afterEach(async () => {
	for (const server of servers.splice(0)) {
		server.closeAllConnections();
		server.close();
	}
	for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

async function serve(files: Record<string, string>) {
	const root = mkdtempSync(path.join(tmpdir(), 'harden-'));
	roots.push(root);
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
		writeFileSync(path.join(root, name), text);
	}
	const logged: string[] = [];
	const server = http.createServer(sirvLike(root));
	hardenServer(server, { staticRoots: [root], log: (message) => logged.push(message) });
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	servers.push(server);
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { root, base, logged };
}

describe('hardenServer', () => {
	it('adds the security headers to a static file, and the worker policy to worker scripts', async () => {
		const { base } = await serve({ 'app.js': 'x=1', '_app/immutable/workers/scan.js': 'w=1' });
		const response = await fetch(`${base}/app.js`);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
		expect(response.headers.has('content-security-policy')).toBe(false);
		expect(await response.text()).toBe('x=1');
		const worker = await fetch(`${base}/_app/immutable/workers/scan.js`);
		expect(worker.headers.get('content-security-policy')).toMatch(/^default-src 'none';/);
		expect(await worker.text()).toBe('w=1');
	});

	it('answers 404 for a file removed since start, and goes on serving', async () => {
		const { root, base, logged } = await serve({
			'gone.js': 'a',
			'gone.js.br': 'b',
			'kept.js': 'k'
		});
		rmSync(path.join(root, 'gone.js.br'));
		const gone = await fetch(`${base}/gone.js`);
		expect(gone.status).toBe(404);
		expect(gone.headers.get('x-content-type-options')).toBe('nosniff');
		expect(logged.join('\n')).toContain('/gone.js');
		expect(await (await fetch(`${base}/kept.js`)).text()).toBe('k');
	});

	it('keeps the process up when a file vanishes after the check: that response is cut short', async () => {
		const { base, logged } = await serve({ 'kept.js': 'k' });
		// Not there at start, so the check lets it through to the handler, whose open fails.
		await expect(fetch(`${base}/late.js`).then((response) => response.text())).rejects.toThrow();
		expect(logged.join('\n')).toContain('failed while being sent (/late.js)');
		expect(await (await fetch(`${base}/kept.js`)).text()).toBe('k');
	});
});
