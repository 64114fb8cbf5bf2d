import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * Writes `.gz` and `.br` beside every static text file and wasm, which the server then sends to
 * browsers that accept them (over plain http, Chromium asks for gzip only). adapter-node's own
 * compression takes brotli's slowest setting for everything: over a minute on DuckDB's two
 * 33 MB wasm files. Here the wasm gets brotli 5 (a few seconds, within 15% of the best) and
 * everything else the best.
 * @param {string} directory
 */
async function precompress(directory) {
	if (!existsSync(directory)) return;
	const entries = await readdir(directory, { recursive: true, withFileTypes: true });
	const files = entries
		.filter((entry) => entry.isFile() && /\.(html|js|mjs|json|css|svg|xml|wasm)$/.test(entry.name))
		.map((entry) => path.join(entry.parentPath, entry.name));
	await Promise.all(
		files.map(async (file) => {
			const bytes = await readFile(file);
			const wasm = file.endsWith('.wasm');
			const quality = wasm ? 5 : zlib.constants.BROTLI_MAX_QUALITY;
			const [gz, br] = await Promise.all([
				gzip(bytes, { level: 9 }),
				brotli(bytes, {
					params: {
						[zlib.constants.BROTLI_PARAM_QUALITY]: quality,
						[zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
					}
				})
			]);
			await Promise.all([writeFile(`${file}.gz`, gz), writeFile(`${file}.br`, br)]);
		})
	);
}

/**
 * adapter-node's server (moved to `server.js`) behind a small `index.js` that puts
 * `src/node-server/harden.js` in front of every request, static files included: headers,
 * the workers' policy, the socket timeout, and files that vanish under a running server (see
 * there). `node build` still starts it.
 * @param {string} out
 */
async function hardenEntry(out) {
	await rename(path.join(out, 'index.js'), path.join(out, 'server.js'));
	await copyFile('src/node-server/harden.js', path.join(out, 'harden.js'));
	await writeFile(
		path.join(out, 'index.js'),
		`// Written by svelte.config.js: see hardenEntry there.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hardenServer } from './harden.js';
import { server } from './server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
hardenServer(server.server, {
	staticRoots: [path.join(here, 'client'), path.join(here, 'prerendered')],
	socketTimeoutSeconds: Number(process.env.SOCKET_TIMEOUT) || 60
});
`
	);
}

const node = adapter({ precompress: true });

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		adapter: {
			...node,
			async adapt(builder) {
				await node.adapt({ ...builder, compress: precompress });
				await hardenEntry('build');
			}
		},
		// SvelteKit checks Origin for form posts only, and against an origin adapter-node cannot
		// know over plain http; src/hooks.server.ts checks every state-changing request instead.
		csrf: { trustedOrigins: ['*'] },
		// Scripts only from this app, the hydration script by nonce; WebAssembly compiled only as
		// DuckDB needs it; no request leaves the app's origin. ECharts and Svelte set style
		// attributes, hence inline styles (not scripts).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
