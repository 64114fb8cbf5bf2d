// Screenshots of every view for the README and for review, taken by `npm run screenshots`
// (never by `npm test`: CI writes no images).
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { openDashboard } from '../e2e/helpers';

const VIEWPORTS = {
	wide: { width: 1280, height: 900 },
	narrow: { width: 390, height: 844 }
} as const;

const VIEWS = ['gap', 'budget', 'trend'] as const;

for (const view of VIEWS) {
	for (const locale of ['ko', 'en'] as const) {
		for (const [size, viewport] of Object.entries(VIEWPORTS)) {
			test(`${view} ${locale} ${size}`, async ({ page }) => {
				await page.setViewportSize(viewport);
				const params = new URLSearchParams();
				if (locale === 'en') params.set('lang', 'en');
				if (view !== 'gap') params.set('v', view);
				if (view === 'trend') params.set('d', '11290');
				await openDashboard(page, params.size ? `?${params}` : '');
				await page.locator('.chart svg').first().waitFor();
				await page.evaluate(() => document.fonts.ready);
				await page.screenshot({
					path: `tests/screenshots/${view}-${locale}-${size}.png`,
					fullPage: true
				});
			});
		}
	}
}

// The parts a statistician reads closely: the bias and agreement by year, and a stopped import.
for (const locale of ['ko', 'en'] as const) {
	test(`agreement by year ${locale}`, async ({ page }) => {
		await page.setViewportSize(VIEWPORTS.wide);
		await openDashboard(page, `?ag=official${locale === 'en' ? '&lang=en' : ''}`);
		await page.getByTestId('icc-year-table').waitFor();
		await page.getByTestId('icc').screenshot({
			path: `tests/screenshots/agreement-${locale}.png`
		});
		await page.getByTestId('bias').screenshot({ path: `tests/screenshots/bias-${locale}.png` });
	});

	test(`repeated rows stopped ${locale}`, async ({ page }) => {
		await page.setViewportSize(VIEWPORTS.wide);
		await openDashboard(page, locale === 'en' ? '?lang=en' : '');
		const rows = ['연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점'];
		rows.push('2019,성북구,자체,,추진체계,운영위원회 구성 및 운영,5,5');
		await page.getByTestId('file-input').setInputFiles({
			name: '2019-정정.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(rows.join('\n'))
		});
		await page.getByTestId('overlaps-note').waitFor();
		await page.getByTestId('import-results').screenshot({
			path: `tests/screenshots/overlaps-${locale}.png`
		});
	});
}

// Staff's first file over the sample: what the status line and 데이터 관리 say.
for (const locale of ['ko', 'en'] as const) {
	test(`own data over the sample ${locale}`, async ({ page }) => {
		await page.setViewportSize(VIEWPORTS.wide);
		await openDashboard(page, locale === 'en' ? '?lang=en' : '');
		await page
			.getByTestId('file-input')
			.setInputFiles(
				new URL('../fixtures/csv/good/evaluations-cp949.csv', import.meta.url).pathname
			);
		await page
			.getByTestId('contents')
			.filter({ hasNotText: /sample \(synthetic\) data\.|보고 있습니다/ })
			.waitFor();
		await page.getByTestId('load-status').screenshot({
			path: `tests/screenshots/own-data-status-${locale}.png`
		});
		await page.getByTestId('datasets-panel').screenshot({
			path: `tests/screenshots/own-data-datasets-${locale}.png`
		});
		await page.getByTestId('import-results').screenshot({
			path: `tests/screenshots/own-data-import-${locale}.png`
		});
	});
}

// Each layout other than the long one, shown as it will be read before it is imported: the
// sources side by side under two header rows, a crosstab per year and source (titled, and
// untitled so its year and source are asked), the budget's years side by side in a workbook, and
// a workbook with a sheet per table.
const LAYOUT_FILES = {
	sources: 'b-sources.csv',
	crosstab: 'c-crosstab-2019-공무원A.csv',
	'crosstab-untitled': 'c-crosstab-untitled.csv',
	'budget-years': 'd-budget-years.xlsx',
	workbook: 'c-crosstab.xlsx'
} as const;

for (const [layout, file] of Object.entries(LAYOUT_FILES)) {
	for (const locale of ['ko', 'en'] as const) {
		test(`layout preview ${layout} ${locale}`, async ({ page }) => {
			await page.setViewportSize(VIEWPORTS.wide);
			await openDashboard(page, locale === 'en' ? '?lang=en' : '');
			await page
				.getByTestId('file-input')
				.setInputFiles(fileURLToPath(new URL(`../fixtures/layouts/${file}`, import.meta.url)));
			await page.getByTestId('layout-preview').waitFor();
			await page.getByTestId('import-results').screenshot({
				path: `tests/screenshots/layout-preview-${layout}-${locale}.png`
			});
		});
	}
}
