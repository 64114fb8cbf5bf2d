import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// The upload worker imports shared modules, which needs ES module workers.
	worker: { format: 'es' },
	optimizeDeps: {
		// duckdb-wasm ships its own worker scripts and wasm; pre-bundling would rewrite their URLs.
		exclude: ['@duckdb/duckdb-wasm']
	},
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		// The Node DuckDB engine takes about a second to start; one per test file is plenty.
		testTimeout: 30_000,
		// Vitest's default leaves a core to the main process: on the 2 CPUs of CI that is one
		// file at a time. The files mostly wait on DuckDB, so two at once take about half as long.
		maxWorkers: Math.max(2, availableParallelism() - 1),
		// Worker threads, not child processes: lighter to start, and the suite took 145 s instead
		// of 160 on CI's two CPUs (one pair of runs; no test changes the process's environment or
		// directory, which threads share).
		pool: 'threads',
		hookTimeout: 60_000
	}
});
