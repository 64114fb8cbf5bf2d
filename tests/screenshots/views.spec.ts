// Screenshots of every view for the README and for review, taken by `npm run screenshots`
// (never by `npm test`: CI writes no images).
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { TEST_EDITOR_TOKEN } from '../../playwright.config';
import { readFileSync } from 'node:fs';
import { openDashboard, openOwnData } from '../e2e/helpers';
import { publish } from '../e2e/server-process';

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
		// Added to the sample, not in its place: the sample's row is then repeated.
		await openOwnData(page);
		await page.getByTestId('own-data').locator('.set-aside input').uncheck();
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

// 내 자료 올리기 with a refused file (its problems across the width), the publishing steps, and
// what a colleague sees at the link.
const HEADER = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점';
for (const locale of ['ko', 'en'] as const) {
	for (const [size, viewport] of Object.entries(VIEWPORTS)) {
		test(`upload with errors ${locale} ${size}`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await openDashboard(page, locale === 'en' ? '?lang=en' : '');
			await openOwnData(page);
			await page.getByTestId('file-input').setInputFiles({
				name: '2031-평가.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(
					[
						HEADER,
						'2031,마표구,자체,,추진체계,운영,28,10',
						'2031,성북구,외부,,추진체계,운영,x,10'
					].join('\r\n')
				)
			});
			await page.getByTestId('import-results').locator('table.issues').waitFor();
			await page.evaluate(() => window.scrollTo(0, 0));
			await page.screenshot({ path: `tests/screenshots/upload-errors-${locale}-${size}.png` });
		});
	}

	test(`publish steps and a colleague's view ${locale}`, async ({ page, browser }) => {
		await page.setViewportSize(VIEWPORTS.wide);
		const lang = locale === 'en' ? '?lang=en' : '';
		await page.goto(`/editor/sign-in?token=${TEST_EDITOR_TOKEN}`);
		await openDashboard(page, lang);
		await openOwnData(page);
		await page.getByTestId('file-input').setInputFiles({
			name: '2031-평가.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from([HEADER, '2031,성북구,자체,,추진체계,운영,8,10'].join('\r\n'))
		});
		await page.getByTestId('import-results').locator('article').first().waitFor();
		const step = page.getByTestId('publish');
		await step.getByRole('button').first().click();
		await step
			.getByRole('textbox')
			.fill(locale === 'ko' ? '2031년 평가 시험본' : '2031 evaluation, draft');
		await page.screenshot({ path: `tests/screenshots/publish-title-${locale}.png` });
		await step.locator('button[type=submit]').click();
		await step.getByTestId('published-link').waitFor();
		await page.screenshot({ path: `tests/screenshots/publish-done-${locale}.png` });
		const link = await step.getByTestId('published-link').inputValue();
		const colleague = await (await browser.newContext()).newPage();
		await colleague.setViewportSize(VIEWPORTS.wide);
		await openDashboard(colleague, link.slice(link.indexOf('?')));
		await colleague.screenshot({ path: `tests/screenshots/colleague-${locale}.png` });
	});
}

// 출처: a table cell's source (one district, one year) and the headline gap's (every district).
for (const locale of ['ko', 'en'] as const) {
	for (const [size, viewport] of Object.entries(VIEWPORTS)) {
		test(`provenance ${locale} ${size}`, async ({ page }) => {
			await page.setViewportSize({ ...viewport, height: size === 'wide' ? 1000 : 844 });
			await openDashboard(page, `?y=2019${locale === 'en' ? '&lang=en' : ''}`);
			const name = locale === 'ko' ? /출처 보기/ : /Source of/;
			await page.getByTestId('headline-gap').getByRole('button', { name }).click();
			const dialog = page.getByTestId('provenance-dialog');
			await dialog.getByTestId('provenance-rows').waitFor();
			await page.evaluate(() => document.fonts.ready);
			await page.screenshot({ path: `tests/screenshots/provenance-${locale}-${size}.png` });
		});
	}
}

// 변경 비교 between the fixture pair, published as two versions.
test.describe('compare', () => {
	let before = '';
	let after = '';
	test.beforeAll(async ({ baseURL }) => {
		const fixture = (name: string) =>
			readFileSync(fileURLToPath(new URL(`../fixtures/versions/${name}`, import.meta.url)));
		const choices = { mode: 'add', setAsideSample: true };
		before = await publish(baseURL!, [
			{ name: 'before.csv', bytes: fixture('before.csv'), choices }
		]);
		after = await publish(baseURL!, [{ name: 'after.csv', bytes: fixture('after.csv'), choices }]);
	});
	for (const locale of ['ko', 'en'] as const) {
		for (const [size, viewport] of Object.entries(VIEWPORTS)) {
			test(`compare ${locale} ${size}`, async ({ page }) => {
				await page.setViewportSize(viewport);
				const lang = locale === 'en' ? '&lang=en' : '';
				await openDashboard(page, `?ds=${after}&v=diff&vs=${before}${lang}`);
				await page.getByTestId('moved-figures').waitFor();
				await page.evaluate(() => document.fonts.ready);
				await page.screenshot({
					path: `tests/screenshots/compare-${locale}-${size}.png`,
					fullPage: true
				});
			});
		}
	}
});

// 자치구별 보고서: two districts' pages on screen, and the whole print as a PDF to read back.
for (const locale of ['ko', 'en'] as const) {
	for (const [size, viewport] of Object.entries(VIEWPORTS)) {
		test(`report ${locale} ${size}`, async ({ page }) => {
			await page.setViewportSize(viewport);
			const lang = locale === 'en' ? '&lang=en' : '';
			await openDashboard(page, `?v=report&d=11290,11320${lang}`);
			await page.getByTestId('report-page').nth(1).waitFor();
			await page.evaluate(() => document.fonts.ready);
			await page.screenshot({
				path: `tests/screenshots/report-${locale}-${size}.png`,
				fullPage: true
			});
			if (size === 'wide') {
				await page.emulateMedia({ media: 'print' });
				await page.pdf({
					path: `test-results/report-${locale}.pdf`,
					format: 'A4',
					printBackground: true,
					preferCSSPageSize: true
				});
			}
		});
	}
}

// The reports as printed: A4's width at 96 dpi, print styles on (the sheets run on, unbroken).
test('report print ko', async ({ page }) => {
	await page.setViewportSize({ width: 794, height: 1123 });
	await openDashboard(page, '?v=report&d=11290,11320');
	await page.getByTestId('report-page').nth(1).waitFor();
	await page.emulateMedia({ media: 'print' });
	await page.evaluate(() => document.fonts.ready);
	await page.screenshot({ path: 'tests/screenshots/report-print-ko.png', fullPage: true });
});
