import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { chooseFiles, openDashboard } from './helpers';

const IMG = '<img src=x onerror=alert(1)>';
const SVG = '"><svg onload=alert(2)>';
const FORMULA = '=HYPERLINK("http://evil.example","x")';

const HEADER = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점';
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
const EVALUATIONS = [
	HEADER,
	...['자체', '공무원', '외부전문가'].flatMap((type, i) => [
		`2021,성북구,${type},,${quote(IMG)},${quote(SVG)},${5 + i},10`,
		`2021,성북구,${type},,${quote(FORMULA)},일반 지표,${6 + i},10`
	])
].join('\r\n');

async function upload(page: Page, name: string, text: string) {
	await chooseFiles(page, {
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(`\uFEFF${text}`)
	});
}

/** Fails the test on any script a label could run. */
function forbidDialogs(page: Page) {
	page.on('dialog', (dialog) => {
		throw new Error(`A label ran script: ${dialog.message()}`);
	});
}

/** Added over the sample alone, the file took the sample evaluations' place: 2021 alone. */
async function expectOnly2021(page: Page) {
	const years = page.getByRole('group', { name: '연도' });
	await expect(years.getByRole('checkbox', { name: '2021' })).toBeVisible();
	await expect(years.getByRole('checkbox', { name: '2019' })).toHaveCount(0);
}

test('hostile labels render as text in filters, axes, tooltips, tables and exports', async ({
	page
}) => {
	forbidDialogs(page);
	await openDashboard(page);
	await upload(page, 'hostile.csv', EVALUATIONS);
	await expect(page.getByTestId('import-results')).toContainText('hostile.csv: 6행을 가져왔습니다');

	// Filter panel: the label is a checkbox's text.
	await expect(page.getByRole('checkbox', { name: IMG })).toBeAttached();
	await expectOnly2021(page);

	// Heatmap: area names on the axis (SVG text) and in the table, literally.
	const heatmap = page.getByTestId('gap-heatmap');
	await expect(heatmap.locator('svg text', { hasText: '<img' }).first()).toBeVisible();
	await heatmap.getByRole('button', { name: '데이터 표 보기' }).click();
	await expect(
		page.getByTestId('gap-heatmap-table').getByRole('rowheader', { name: IMG })
	).toBeVisible();

	// Tooltip: hover the heatmap cell of that area row; ECharts draws the tooltip as HTML in
	// the chart's box, beside the SVG.
	await heatmap.scrollIntoViewIfNeeded();
	const label = (await heatmap.locator('svg text', { hasText: '<img' }).first().boundingBox())!;
	const chart = (await heatmap.locator('svg').boundingBox())!;
	await page.mouse.move(chart.x + chart.width * 0.4, label.y + label.height / 2, { steps: 4 });
	const tooltip = heatmap.locator('.chart > div:not(:has(svg))');
	await expect(tooltip).toContainText(IMG);
	await expect(tooltip.locator('img')).toHaveCount(0);

	// Drill into 성북구: areas become rows of the breakdown chart and table.
	await page.getByTestId('score-gap').locator('svg text', { hasText: '성북구' }).click();
	await expect(page).toHaveURL(/lv=area/);
	await page.getByTestId('score-gap').getByRole('button', { name: '데이터 표 보기' }).click();
	await expect(page.getByTestId('score-gap-table')).toContainText(IMG);
	await expect(page.getByTestId('score-gap-table')).toContainText(FORMULA);

	// Indicator names (at the next level) too.
	await page.getByTestId('score-gap-table').getByRole('button', { name: IMG, exact: true }).click();
	await expect(page).toHaveURL(/lv=indicator/);
	await expect(page.getByTestId('score-gap-table')).toContainText(SVG);

	// Nothing was turned into markup anywhere.
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
	await expect(page.locator('svg[onload]')).toHaveCount(0);
	await expect(page.locator('[onerror]')).toHaveCount(0);
});

test('exported CSV keeps hostile labels as text and makes formulas inert', async ({ page }) => {
	forbidDialogs(page);
	await openDashboard(page);
	await upload(page, 'hostile.csv', EVALUATIONS);
	await expect(page.getByTestId('import-results')).toContainText('6행을 가져왔습니다');
	await expectOnly2021(page);
	// Exported is what the heatmap shows: once it shows the file's rows, as a person would wait.
	const heatmap = page.getByTestId('gap-heatmap');
	await expect(heatmap.locator('svg text', { hasText: '<img' }).first()).toBeAttached();

	const download = page.waitForEvent('download');
	await heatmap.getByRole('button', { name: 'CSV', exact: true }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/\.csv$/);
	const text = await readFile((await file.path())!, 'utf8');
	expect(text.startsWith('\uFEFF')).toBe(true);
	expect(text).toContain(IMG);
	expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
	expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
	// A negative gap stays a number, not text.
	expect(text).toMatch(/,-\d+(\.\d+)?\r\n/);
});

test('a hostile value in a refused file shows literally in the error table', async ({ page }) => {
	forbidDialogs(page);
	await openDashboard(page);
	await upload(page, 'bad.csv', [HEADER, `2021,${quote(IMG)},자체,,영역,지표,5,10`].join('\r\n'));
	const results = page.getByTestId('import-results');
	await expect(results).toContainText(`"${IMG}"은(는) 서울시 자치구가 아닙니다.`);
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('every route answers with nosniff and same-origin referrers, HTML with a policy; sign-in is not cached', async ({
	request
}) => {
	const { TEST_EDITOR_TOKEN } = await import('../../playwright.config');
	const page = await request.get('/?v=budget');
	const html = await page.text();
	// Static files as the page names them: a script, a style sheet, a font and DuckDB's wasm.
	const asset = (pattern: RegExp) => {
		const found = pattern.exec(html)?.[0];
		expect(found, String(pattern)).toBeTruthy();
		return found!;
	};
	const script = asset(/\/_app\/immutable\/[^"']+\.js/);
	const style = asset(/\/_app\/immutable\/assets\/[^"']+\.css/);
	const css = await (await request.get(style)).text();
	// The style sheet names its fonts relative to itself.
	const fontName = /url\(([^)"']+\.woff2)\)/.exec(css)?.[1];
	expect(fontName).toBeTruthy();
	const font = new URL(fontName!, new URL(style, 'http://x')).pathname;
	const bear = { authorization: `Bearer ${TEST_EDITOR_TOKEN}` };
	const form = new FormData();
	form.append(
		'file',
		new Blob([
			'연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점\r\n2031,성북구,자체,,추진체계,운영,6,10\r\n'
		]),
		'h.csv'
	);
	form.append('manifest', JSON.stringify([{ name: 'h.csv', choices: {} }]));
	const published = await request.post('/api/datasets', {
		headers: { origin: new URL(page.url()).origin, ...bear },
		multipart: form
	});
	expect(published.status()).toBe(201);
	const { id } = (await published.json()) as { id: string };
	const manifest = (await (await request.get(`/api/datasets/${id}`)).json()) as {
		files: { hash: string }[];
	};
	const answers: Record<string, Awaited<ReturnType<typeof request.get>>> = {
		page,
		'page data': await request.get('/__data.json?v=trend'),
		'a published link': await request.get(`/?ds=${id}`),
		'a missing page (404)': await request.get('/nowhere'),
		script: await request.get(script, { headers: { 'accept-encoding': 'br' } }),
		'style sheet': await request.get(style),
		font: await request.get(font),
		favicon: await request.get('/favicon.svg'),
		'sample CSV': await request.get('/data/evaluations.csv'),
		health: await request.get('/api/health'),
		'editor API': await request.get('/api/editor'),
		'sign-out': await request.delete('/api/editor', {
			headers: { origin: new URL(page.url()).origin }
		}),
		manifest: await request.get(`/api/datasets/${id}`),
		'published file': await request.get(`/api/datasets/${id}/files/${manifest.files[0]!.hash}`),
		'unknown dataset': await request.get('/api/datasets/AAAAAAAAAAAAAAAAAAAAAA'),
		publish: published,
		'cross-site post': await request.post('/api/datasets', {
			headers: { origin: 'https://evil.example' },
			data: '{}'
		}),
		'sign-in': await request.get(`/editor/sign-in?token=${TEST_EDITOR_TOKEN}`, {
			maxRedirects: 0
		}),
		'sign-in refused (error page)': await request.get('/editor/sign-in?token=wrong', {
			headers: { accept: 'text/html' }
		})
	};
	for (const [name, response] of Object.entries(answers)) {
		const headers = response.headers();
		expect([name, headers['x-content-type-options'], headers['referrer-policy']]).toEqual([
			name,
			'nosniff',
			'same-origin'
		]);
		if (headers['content-type']?.startsWith('text/html')) {
			expect(headers['content-security-policy'], name).toMatch(/default-src '(self|none)'/);
		}
	}
	expect(answers['sign-in refused (error page)']!.status()).toBe(403);
	expect(answers['sign-in refused (error page)']!.headers()['content-type']).toMatch(/^text\/html/);
	expect(answers['sign-in']!.status()).toBe(303);
	expect(answers['sign-in']!.headers()['cache-control']).toBe('no-store');
	expect(answers['sign-in']!.headers()['location']).toBe('/');
	for (const name of ['editor API', 'sign-out', 'publish', 'cross-site post']) {
		expect(answers[name]!.headers()['cache-control'], name).toBe('no-store');
	}
	expect(answers['cross-site post']!.status()).toBe(403);
	expect(answers['script']!.headers()['content-encoding']).toBe('br');
});
