import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { TEST_EDITOR_TOKEN } from '../../playwright.config';
import { expected, expectedTable, points, readScoreTable, serverFiguresReady } from './helpers';

// The server draws the first charts and tables from the same SQL the browser runs (issue 6).
// A page with JavaScript off shows exactly what the server sent; the same page with it on,
// once DuckDB has answered, shows what the browser computed. Every figure must agree.

/** Every figure the page states in words: headline, tables, chart descriptions, sentences. */
async function figuresOnPage(page: Page): Promise<string[]> {
	return page
		.locator('main')
		.evaluate((main) =>
			[
				...main.querySelectorAll(
					'[data-testid^=headline-] dd, [data-testid=chart-finding], table th, table td, .view p, .view h3'
				)
			].map((element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '')
		);
}

async function serverOnly(browser: Browser, request: APIRequestContext, path: string) {
	await serverFiguresReady(request, path);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(path);
	await expect(page.locator('[data-figures]')).toHaveAttribute('data-figures', 'server');
	const figures = await figuresOnPage(page);
	const charts = await page.locator('.chart [data-server-chart] svg').count();
	await context.close();
	return { figures, charts };
}

async function browserComputed(browser: Browser, path: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(path);
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
	await expect(page.locator('[data-figures]')).toHaveAttribute('data-figures', 'browser');
	await expect(page.locator('main [aria-busy=true]')).toHaveCount(0);
	// The browser's own charts have replaced the server's drawings.
	await expect(page.locator('[data-server-chart]')).toHaveCount(0);
	// The browser keeps only open tables in the page: open them all (an open one's button
	// changes its name, so the first closed one is always the next).
	const closed = page.getByRole('button', { name: /데이터 표 보기|Show data table/ });
	while ((await closed.count()) > 0) await closed.first().click();
	const figures = await figuresOnPage(page);
	await context.close();
	return figures;
}

test.describe('first figures from the server', () => {
	test('without JavaScript the page shows the figures, tables and charts', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/');
		const headline = expected.headline_all_years;
		await expect(page.getByTestId('headline-self').locator('dd.value')).toHaveText(
			points(headline.self)
		);
		await expect(page.getByTestId('headline-expert').locator('dd.value')).toHaveText(
			points(headline.expert)
		);
		// The data table is in the page (hidden until opened, which needs JavaScript).
		const rows = await page
			.getByTestId('score-gap-table')
			.locator('tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()))
			);
		const table = Object.fromEntries(rows.map(([name, ...cells]) => [name!, cells.slice(0, 3)]));
		expect(table).toEqual(expectedTable(expected.all_years));
		// Every chart is drawn, with its labels as text.
		const charts = page.locator('.chart [data-server-chart] svg');
		await expect(charts).toHaveCount(3);
		await expect(charts.first()).toContainText('성북구');
		await context.close();
	});

	for (const path of [
		'/',
		'/?y=2019&lv=area&ag=official',
		'/?lang=en&v=budget&d=11290,11440',
		'/?v=trend&e=self,official&ts=self'
	]) {
		test(`server and browser figures are identical: ${path}`, async ({ browser, request }) => {
			const server = await serverOnly(browser, request, path);
			const browserFigures = await browserComputed(browser, path);
			expect(server.charts).toBeGreaterThan(0);
			expect(server.figures.length).toBeGreaterThan(20);
			expect(browserFigures).toEqual(server.figures);
		});
	}

	test('the first chart is on screen while DuckDB is still starting', async ({ page }) => {
		// Hold the engine's wasm back: the page must not wait for it to show figures.
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/*.wasm', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/');
		await expect(page.getByTestId('load-status')).not.toHaveAttribute('data-phase', 'ready');
		await expect(page.getByTestId('load-status')).toContainText('서버에서 계산한 수치');
		await expect(page.getByTestId('score-gap').locator('.chart svg').first()).toContainText(
			'성북구'
		);
		expect(await readScoreTable(page)).toEqual(expectedTable(expected.all_years));
		release();
		await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
			timeout: 45_000
		});
		await expect(page.locator('[data-figures]')).toHaveAttribute('data-figures', 'browser');
		expect(await readScoreTable(page)).toEqual(expectedTable(expected.all_years));
	});

	test('a published dataset is computed on the server too, hostile labels as text', async ({
		browser,
		request,
		baseURL
	}) => {
		const img = '<img src=x onerror=alert(1)>';
		const csv = [
			'연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점',
			...['자체', '공무원', '외부전문가'].map(
				(type, i) => `2032,성북구,${type},,"${img}","""><svg onload=alert(2)>",${5 + i},10`
			)
		].join('\r\n');
		const form = new FormData();
		form.append('file', new Blob([`\uFEFF${csv}`]), 'hostile.csv');
		form.append('manifest', JSON.stringify([{ name: 'hostile.csv', choices: {} }]));
		const response = await request.post(`${baseURL}/api/datasets`, {
			headers: { origin: baseURL!, authorization: `Bearer ${TEST_EDITOR_TOKEN}` },
			multipart: form
		});
		expect(response.status()).toBe(201);
		const { id } = (await response.json()) as { id: string };
		const path = `/?ds=${id}&y=2032&lv=area`;
		await serverFiguresReady(request, path);

		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(path);
		await expect(page.getByTestId('published-banner')).toBeVisible();
		// The label is text in the chart and the table; no element came from it.
		await expect(page.locator('[data-server-chart] svg').first()).toContainText(img);
		await expect(page.getByTestId('score-gap-table')).toContainText(img);
		await expect(page.locator('main img, main [onerror], main [onload]')).toHaveCount(0);
		await context.close();

		const server = await serverOnly(browser, request, path);
		expect(await browserComputed(browser, path)).toEqual(server.figures);
	});
});
