import { expect, test, type Page } from '@playwright/test';
import { openDashboard } from './helpers';

// A filter change redraws the charts in sight first; those further down wait for the page to be
// idle. Here the page is never idle until the test says so: requestIdleCallback only collects
// its callbacks, so what is drawn without one was drawn because it was in sight.
test.beforeEach(async ({ page }) => {
	await page.addInitScript(() => {
		const held: IdleRequestCallback[] = [];
		Object.assign(window, {
			requestIdleCallback: (callback: IdleRequestCallback) => held.push(callback),
			cancelIdleCallback: () => {},
			__giveIdleTime: () => {
				for (const callback of held.splice(0)) {
					callback({ didTimeout: false, timeRemaining: () => 50 });
				}
				return held.length;
			}
		});
	});
});

/** Each chart's drawing, by the chart's title. */
async function drawings(page: Page): Promise<Record<string, string>> {
	return page.evaluate(() =>
		Object.fromEntries(
			[...document.querySelectorAll('main .chart-frame')].map((frame) => [
				frame.querySelector('h3')?.textContent ?? '',
				frame.querySelector('.chart svg')?.innerHTML ?? ''
			])
		)
	);
}

async function giveIdleTime(page: Page): Promise<void> {
	// Drawing in an idle period may ask for another one: given until none is asked.
	await expect
		.poll(() =>
			page.evaluate(() => (window as unknown as { __giveIdleTime(): number }).__giveIdleTime())
		)
		.toBe(0);
}

test('a filter change redraws the charts in sight first, the rest when scrolled to or idle', async ({
	page
}) => {
	await openDashboard(page);
	// ECharts has replaced the server's drawings (every chart is drawn once when it loads).
	await expect(page.locator('main .chart [data-server-chart]')).toHaveCount(0);
	const frames = page.locator('main .chart-frame');
	await expect(frames).toHaveCount(3);
	const [top, middle, bottom] = await frames.locator('h3').allTextContents();
	await expect(frames.nth(0)).toBeInViewport();
	await expect(frames.nth(1)).not.toBeInViewport();
	const before = await drawings(page);

	await page.getByRole('group', { name: '연도' }).getByRole('checkbox', { name: '2019' }).uncheck();
	await expect(page).toHaveURL(/y=/);
	await expect.poll(async () => (await drawings(page))[top!]).not.toBe(before[top!]);
	// The charts below wait: the page has not been idle.
	let now = await drawings(page);
	expect(now[middle!]).toBe(before[middle!]);
	expect(now[bottom!]).toBe(before[bottom!]);

	// Scrolled to, the bottom chart is drawn with the data as they are now.
	await frames.nth(2).scrollIntoViewIfNeeded();
	await expect.poll(async () => (await drawings(page))[bottom!]).not.toBe(before[bottom!]);

	// Idle, the page draws whatever still waits.
	await giveIdleTime(page);
	now = await drawings(page);
	expect(now[middle!]).not.toBe(before[middle!]);

	// Drawn late or not, each chart is what a page opened on this filter draws at once.
	const late = await drawings(page);
	await page.reload();
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready');
	await expect(page.locator('main .chart [data-server-chart]')).toHaveCount(0);
	await giveIdleTime(page);
	expect(await drawings(page)).toEqual(late);
});
