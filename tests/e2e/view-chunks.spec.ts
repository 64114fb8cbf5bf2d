import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openDashboard, serverFiguresReady, views, won } from './helpers';

// Each analysis view is a chunk of its own (src/lib/components/dashboard/views.ts): a page carries
// the view it opens with, the others come when asked for, and none of it goes through the server's
// load. The score-gap view's loader, most of its code, waits for DuckDB. Chunk names are hashes, so the build's manifest says which file is which view; it is the
// build the test server serves (playwright.config.ts builds before it starts).

const manifest = JSON.parse(
	readFileSync(
		new URL('../../.svelte-kit/output/client/.vite/manifest.json', import.meta.url),
		'utf8'
	)
) as Record<string, { file: string }>;

/** The file of a module's chunk, as the browser asks for it. */
function chunkOf(module: string): string {
	const entry = manifest[module];
	if (!entry) throw new Error(`${module} is not a chunk of its own in the build`);
	return `/${entry.file}`;
}

const GAP = chunkOf('src/lib/components/dashboard/GapView.svelte');
const BUDGET = chunkOf('src/lib/components/dashboard/BudgetView.svelte');
const TREND = chunkOf('src/lib/components/dashboard/TrendView.svelte');
/** The score-gap view's loader, fetched once DuckDB is ready. */
const GAP_LOADER = chunkOf('src/lib/views/gap-view.ts');

/** Every path the page asks for from now on, in order. */
function recordRequests(page: Page): string[] {
	const paths: string[] = [];
	page.on('request', (request) => paths.push(new URL(request.url()).pathname));
	return paths;
}

test('the page carries the open view only; another view is fetched when chosen, and works', async ({
	page
}) => {
	const asked = recordRequests(page);
	// DuckDB held back: the other views are prefetched once it is ready, which is not the point here.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/*.wasm', async (route) => {
		await held;
		await route.continue();
	});
	// The page cannot hydrate before the open view's chunk is in: mark the server's drawing of the
	// view then, and check after hydration that it is the same element (adopted, not redrawn).
	await page.route(`**${GAP}`, async (route) => {
		await page
			.getByTestId('score-gap')
			.evaluate((element) => element.setAttribute('data-from-server', ''));
		await route.continue();
	});

	await page.goto('/');
	// Hydrated: the browser drops the data tables that are closed (ChartFrame).
	await expect(page.getByTestId('score-gap-table')).toHaveCount(0);
	await expect(page.getByTestId('score-gap')).toHaveAttribute('data-from-server', '');
	await expect(page.getByTestId('score-gap').locator('.chart svg').first()).toContainText('성북구');
	expect(asked).toContain(GAP);
	expect(asked).not.toContain(GAP_LOADER);
	expect(asked).not.toContain(BUDGET);
	expect(asked).not.toContain(TREND);

	const fetched = page.waitForRequest((request) => request.url().endsWith(BUDGET));
	await page.getByRole('link', { name: '예산 집행' }).click();
	await fetched;
	await expect(page).toHaveURL(/\?v=budget$/);
	await expect(page.getByRole('link', { name: '예산 집행' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	// No figures for this view until DuckDB answers: the server computed the view opened with.
	await expect(page.locator('[data-figures]')).toHaveAttribute('data-figures', 'none');

	release();
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
	await expect(page.locator('[data-figures]')).toHaveAttribute('data-figures', 'browser');
	await expect(page.getByTestId('budget-city').getByTestId('city-total-planned')).toHaveText(
		won(views.budget_city_all_years.planned)
	);
	// Once DuckDB is ready and the browser idle, the view not yet shown is fetched too.
	await expect.poll(() => asked.includes(TREND), { timeout: 15_000 }).toBe(true);
	expect(asked.filter((path) => path.endsWith('__data.json'))).toEqual([]);
});

test('a page opened on another view does not carry the score-gap view', async ({
	page,
	request
}) => {
	await serverFiguresReady(request, '/?v=trend');
	const asked = recordRequests(page);
	await page.route('**/*.wasm', () => {
		// Never answered: the idle prefetch waits for DuckDB, so nothing else is fetched.
	});
	await page.goto('/?v=trend');
	await expect(page.getByTestId('trend-table')).toHaveCount(0);
	await expect(page.locator('[data-figures]')).toHaveAttribute('data-figures', 'server');
	expect(asked).toContain(TREND);
	expect(asked).not.toContain(GAP);
	expect(asked).not.toContain(GAP_LOADER);
	expect(asked).not.toContain(BUDGET);
});

test('filter changes, view switches and the language ask the server for nothing', async ({
	page
}) => {
	await openDashboard(page);
	const asked = recordRequests(page);

	await page.getByRole('group', { name: '연도' }).getByRole('checkbox', { name: '2017' }).uncheck();
	await expect(page).toHaveURL(/\?y=2018%2C2019%2C2020$/);
	await expect(page.getByTestId('score-gap')).toContainText('연도 2018, 2019, 2020');

	await page.getByRole('link', { name: '연도별 추이' }).click();
	await expect(page).toHaveURL(/v=trend/);
	await expect(page.locator('[data-figures]')).toHaveAttribute('data-figures', 'browser');

	await page.getByRole('link', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('link', { name: 'Score gaps' }).click();
	await expect(page).toHaveURL(/\?lang=en&y=2018%2C2019%2C2020$/);
	await expect(page.locator('[data-figures]')).toHaveAttribute('data-figures', 'browser');

	// The server's load reads the address untracked and the page's reads only `v`: SvelteKit
	// asks the server for data on none of these.
	expect(asked.filter((path) => path.endsWith('__data.json'))).toEqual([]);
});
