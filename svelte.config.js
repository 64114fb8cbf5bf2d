import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		adapter: adapter({ precompress: false }),
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
