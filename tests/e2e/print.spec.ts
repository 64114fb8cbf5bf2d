import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { openDashboard, readScoreTable } from './helpers';

// A4 at 12 mm margins: what staff print for a report.
async function printText(
	page: import('@playwright/test').Page
): Promise<{ pages: number; text: string }> {
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
	const document = await getDocumentProxy(new Uint8Array(pdf));
	const { totalPages, text } = await extractText(document, { mergePages: true });
	return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

test('the score-gap view prints on A4 with title, filters, date, charts and tables', async ({
	page
}) => {
	await openDashboard(page, '?y=2019');
	const table = await readScoreTable(page);
	await expect(page.getByTestId('gap-heatmap').locator('svg')).toBeVisible();
	const { pages, text } = await printText(page);
	expect(pages).toBeGreaterThanOrEqual(1);
	expect(text).toContain('시민협력플랫폼 평가 대시보드');
	expect(text).toContain('연도 2019');
	const today = new Intl.DateTimeFormat('ko-KR', {
		dateStyle: 'long',
		timeZone: 'Asia/Seoul'
	}).format(new Date());
	expect(text).toContain(`${today} 출력`);
	expect(text).toContain('자치구별 평가주체별 총점');
	expect(text).toContain('평가영역 × 자치구 격차');
	// The data tables print even when closed on screen, with the same numbers.
	expect(text).toContain(`성북구 ${table['성북구']!.join(' ')}`);
	// The method behind the figures prints with them.
	expect(text).toContain('계산 방법');
	expect(text).toContain('자치구별 격차를 하나의 관측으로 보고 t 분포');
	// Screen-only controls do not.
	expect(text).not.toContain('데이터 표 보기');
	expect(text).not.toContain('파일 추가');
});

test('the budget view prints the city lines adding up to 1,456,200원', async ({ page }) => {
	await openDashboard(page, '?v=budget&y=2018');
	await expect(page.getByTestId('budget-city')).toBeVisible();
	const { text } = await printText(page);
	expect(text).toContain('서울시 본청 사업');
	expect(text).toContain('합계 1,456,200원 1,456,200원 100.0%');
});

test('every view has a print button that prints the page, and does not print itself', async ({
	page
}) => {
	// The browser's print dialog cannot be driven; the button's call to it is counted instead.
	await page.addInitScript(() => {
		(window as unknown as { printed: number }).printed = 0;
		window.print = () => {
			(window as unknown as { printed: number }).printed += 1;
		};
	});
	for (const query of ['', '?v=budget', '?v=trend&lang=en']) {
		await openDashboard(page, query);
		await page.getByRole('button', { name: /이 화면 인쇄|Print this view/ }).click();
		expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
	}
	const { text } = await printText(page);
	expect(text).not.toMatch(/\bPrint\b/);
});

test('the point names of the score-against-money chart never overlap, on screen or on paper', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 900 });
	await openDashboard(page, '?v=budget');
	const names = page.getByTestId('score-money').locator('.chart svg text');
	for (const media of ['screen', 'print'] as const) {
		await page.emulateMedia({ media });
		// Names of the 40 points, those that fit: an overlapping one is left out (its point keeps
		// its tooltip and its row in the data table).
		await expect
			.poll(async () => {
				const boxes = await names.evaluateAll((texts) =>
					texts
						.filter((text) => /구$/.test(text.textContent ?? ''))
						.map((text) => text.getBoundingClientRect().toJSON() as DOMRect)
				);
				const overlapping = boxes.filter((a, i) =>
					boxes.some(
						(b, j) =>
							i !== j &&
							a.left < b.right - 0.5 &&
							b.left < a.right - 0.5 &&
							a.top < b.bottom - 0.5 &&
							b.top < a.bottom - 0.5
					)
				).length;
				return { some: boxes.length > 20, overlapping };
			})
			.toEqual({ some: true, overlapping: 0 });
	}
});
