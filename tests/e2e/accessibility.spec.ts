import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chooseFiles, openDashboard } from './helpers';

// KWCAG 2.2 follows WCAG 2.1 AA: the axe rules tagged for A and AA.
async function violations(page: Page) {
	// The drawn charts are hidden from assistive technology (their finding is text beside them,
	// their numbers a table): their SVG insides are not content, and thousands of marks make axe
	// crawl.
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.exclude('.chart')
		.analyze();
	return results.violations.map((v) => ({
		id: v.id,
		impact: v.impact,
		nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))
	}));
}

for (const locale of ['ko', 'en'] as const) {
	for (const view of ['gap', 'budget', 'trend'] as const) {
		test(`no accessibility violations: ${view}, ${locale}`, async ({ page }) => {
			const params = new URLSearchParams();
			if (locale === 'en') params.set('lang', 'en');
			if (view !== 'gap') params.set('v', view);
			await openDashboard(page, params.size ? `?${params}` : '');
			await expect(page.locator('.chart svg').first()).toBeVisible();
			// The first chart's data table open too.
			await page
				.getByRole('button', { name: /데이터 표 보기|Show data table/ })
				.first()
				.click();
			expect(await violations(page)).toEqual([]);
		});
	}
}

test('no accessibility violations with the upload error table open', async ({ page }) => {
	await openDashboard(page);
	await chooseFiles(page, {
		name: 'bad.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점\r\n2031,마표구,자체,,A,B,25,20\r\n'
		)
	});
	await expect(page.getByTestId('import-results')).toContainText('가져오지 않았습니다');
	expect(await violations(page)).toEqual([]);
});
