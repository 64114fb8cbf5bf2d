import { expect, test } from '@playwright/test';
import { chooseFiles, openDashboard, openOwnData } from './helpers';

// What an official sees before scrolling, on a typical office laptop and on a phone: figures,
// not controls; and a page that never scrolls sideways (a wide chart scrolls in its own frame).

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

const noSidewaysScroll = () =>
	document.documentElement.scrollWidth <= document.documentElement.clientWidth;

for (const locale of ['ko', 'en'] as const) {
	for (const view of ['gap', 'budget', 'trend'] as const) {
		test(`laptop, ${view}, ${locale}: the key figures and the first chart's top on the first screen`, async ({
			page
		}) => {
			await page.setViewportSize(LAPTOP);
			const query = new URLSearchParams();
			if (view !== 'gap') query.set('v', view);
			if (locale === 'en') query.set('lang', 'en');
			await openDashboard(page, query.size ? `?${query}` : '');
			const headline = (await page.getByTestId('headline-self').boundingBox())!;
			expect(headline.y + headline.height).toBeLessThanOrEqual(LAPTOP.height);
			const firstChart = (await page.locator('.chart-frame').first().boundingBox())!;
			expect(firstChart.y).toBeLessThan(LAPTOP.height - 100);
			expect(await page.evaluate(noSidewaysScroll)).toBe(true);
		});
	}

	test(`phone, ${locale}: the key figures first, filters and uploads folded, nothing sideways`, async ({
		page
	}) => {
		await page.setViewportSize(PHONE);
		await openDashboard(page, locale === 'en' ? '?lang=en' : '');
		const headline = (await page.getByTestId('headline-self').boundingBox())!;
		expect(headline.y + headline.height).toBeLessThanOrEqual(PHONE.height);
		// Behind one tap each: the filters and the uploads.
		await expect(page.locator('details.filters')).not.toHaveAttribute('open');
		await expect(page.getByTestId('own-data')).toBeHidden();
		await expect(page.getByTestId('open-upload')).toBeInViewport();
		expect(await page.evaluate(noSidewaysScroll)).toBe(true);
		// The heatmap is wider than the phone: it scrolls inside its frame, the page does not.
		const heatmap = page.getByTestId('gap-heatmap').locator('.figure');
		await heatmap.scrollIntoViewIfNeeded();
		expect(await heatmap.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
		expect(await page.evaluate(noSidewaysScroll)).toBe(true);
	});
}

/** Whether some of an element is on the screen now. */
const onScreen = (element: Element) => {
	const box = element.getBoundingClientRect();
	return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
};

const HEADER = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점';

for (const [name, size] of [
	['laptop', LAPTOP],
	['phone', PHONE]
] as const) {
	test(`${name}: what became of an upload shows on the screen, wherever the person is`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		await openDashboard(page);
		// From 내 자료 올리기 in the header: the result, or its summary, is on the first screen.
		await openOwnData(page);
		await chooseFiles(page, {
			name: '2031.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(`${HEADER}\r\n2031,성북구,자체,,추진체계,운영,8,10\r\n`)
		});
		const firstResult = page.getByTestId('import-results').locator('article').first();
		await expect(firstResult).toContainText('2031.csv: 1행을 가져왔습니다');
		const summary = page.getByTestId('import-summary');
		expect(
			(await firstResult.evaluate(onScreen)) ||
				((await summary.count()) > 0 && (await summary.evaluate(onScreen)))
		).toBe(true);
		if (await summary.count()) await summary.getByRole('button', { name: '닫기' }).click();

		// Scrolled down to the charts, a refused file is summed up at the top of the screen.
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await chooseFiles(page, {
			name: '틀린 파일.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(`${HEADER}\r\n2031,마표구,자체,,추진체계,운영,8,10\r\n`)
		});
		await expect(summary).toContainText('틀린 파일.csv: 가져오지 않았습니다. 문제 1건.');
		await expect(summary).toBeInViewport();
		// Its button brings the full results, with the problem by line and column, into view.
		await summary.getByRole('button', { name: '결과 보기' }).click();
		await expect(summary).toHaveCount(0);
		const results = page.getByTestId('import-results-section');
		await expect(results).toBeFocused();
		const problem = results.locator('table.issues tbody tr').first();
		await expect(problem).toContainText('마표구');
		await expect(problem).toBeInViewport();
		expect(await page.evaluate(noSidewaysScroll)).toBe(true);
	});
}
