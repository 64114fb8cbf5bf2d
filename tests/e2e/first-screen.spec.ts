import { expect, test } from '@playwright/test';
import { openDashboard } from './helpers';

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
		await expect(page.getByTestId('own-data')).not.toHaveAttribute('open');
		expect(await page.evaluate(noSidewaysScroll)).toBe(true);
		// The heatmap is wider than the phone: it scrolls inside its frame, the page does not.
		const heatmap = page.getByTestId('gap-heatmap').locator('.figure');
		await heatmap.scrollIntoViewIfNeeded();
		expect(await heatmap.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
		expect(await page.evaluate(noSidewaysScroll)).toBe(true);
	});
}
