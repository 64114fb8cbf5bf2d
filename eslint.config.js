import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// Imports some folders may not make (no-restricted-imports patterns).
const DUCKDB = { group: ['@duckdb/duckdb-wasm*'], message: 'Use src/lib/engine.' };
const ECHARTS = {
	regex: '^echarts(/.*)?$',
	allowTypeImports: true,
	message: 'ECharts is loaded by src/lib/charts/setup.ts only.'
};
const APP = { regex: '^\\$app/', message: 'src/lib takes what it needs as arguments.' };

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript already reports undefined names, with types.
			'no-undef': 'off',
			// Every navigation here changes only the query string of the current page (the URL is
			// the dashboard state), and the rule cannot follow a computed '?…' href.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Only the engine folder may talk to DuckDB directly (STYLE.md: one door to the engine),
		// and only the chart setup loads ECharts (types are free).
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/engine/**', 'src/lib/charts/setup.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [DUCKDB, ECHARTS] }] }
	},
	{
		// The library does not depend on SvelteKit's app modules: routes hand it what it needs.
		files: ['src/lib/**/*.ts', 'src/lib/**/*.svelte'],
		ignores: ['src/lib/engine/**', 'src/lib/charts/setup.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [DUCKDB, ECHARTS, APP] }] }
	}
);
