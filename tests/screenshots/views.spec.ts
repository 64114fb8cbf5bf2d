// Screenshots of every view for the README and for review, taken by `npm run screenshots`
// (never by `npm test`: CI writes no images).
import { test } from '@playwright/test';
import { openDashboard } from '../e2e/helpers';

const VIEWPORTS = {
	wide: { width: 1280, height: 900 },
	narrow: { width: 390, height: 844 }
} as const;

for (const locale of ['ko', 'en'] as const) {
	for (const [size, viewport] of Object.entries(VIEWPORTS)) {
		test(`dashboard ${locale} ${size}`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await openDashboard(page, locale === 'en' ? '?lang=en' : '');
			await page.evaluate(() => document.fonts.ready);
			await page.screenshot({
				path: `tests/screenshots/dashboard-${locale}-${size}.png`,
				fullPage: true
			});
		});
	}
}
