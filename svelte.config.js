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
		csrf: { checkOrigin: false }
	}
};

export default config;
