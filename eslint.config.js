import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

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
		// Only the engine folder may talk to DuckDB directly (STYLE.md: one door to the engine).
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/engine/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['@duckdb/duckdb-wasm*'], message: 'Use src/lib/engine.' }] }
			]
		}
	}
);
