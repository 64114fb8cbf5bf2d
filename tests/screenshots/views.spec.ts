// Screenshots of every view for the README and for review, taken by `npm run screenshots`
// (never by `npm test`: CI writes no images).
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
