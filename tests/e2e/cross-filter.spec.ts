import { expect, test, type Page } from '@playwright/test';
import {
	expected,
	openDashboard,
	percent,
	points,
	readDataTable,
	signedPoints,
	views,
	won
} from './helpers';

// Clicking a chart filters the whole dashboard, and the filter lives in the URL. Expected numbers
// come from tests/fixtures/expected/compute_expected.py, formatted here by hand.

const SEONGBUK = '성북구';
const seongbukCode = views.district_codes[SEONGBUK]!;

const chips = (page: Page) => page.getByTestId('filter-chips');
const tab = (page: Page, name: string) =>
	page.getByRole('navigation', { name: '분석 화면' }).getByRole('link', { name, exact: true });

/** Breakdown rows by area: area, self, official, expert and gap (self − mean of the two). */
function areaRows(byArea: typeof views.area_all_years): string[][] {
	return views.areas.map((area) => {
		const t = byArea[area]!;
		return [area, points(t.self), points(t.official), points(t.expert), signedPoints(t.gap)];
	});
}

const byFirstCell = (rows: string[][]) => [...rows].sort((a, b) => a[0]!.localeCompare(b[0]!));

/**
 * Waits until the breakdown table shows these area rows. The numbers are compared first, whatever
 * the row order; then the order: areas as the export lists them, as the heatmap does.
 */
async function expectAreaBreakdown(page: Page, byArea: typeof views.area_all_years) {
	const rows = areaRows(byArea);
	await expect
		.poll(async () => byFirstCell((await readDataTable(page, 'score-gap', 'score-gap-table')).body))
		.toEqual(byFirstCell(rows));
	const { head, body } = await readDataTable(page, 'score-gap', 'score-gap-table');
	expect(head).toEqual([
		['평가영역', '자체평가', '공무원평가', '외부전문가평가', '격차 (자체 − 공무원·전문가 평균)']
	]);
	expect(
		body.map(([area]) => area),
		'areas in the export’s order'
	).toEqual(views.areas);
}

test('clicking a district on the score-gap chart drills into its areas; × releases it', async ({
	page
}) => {
	await openDashboard(page);
	expect(seongbukCode).toBe('11290');
	await page.getByTestId('score-gap').locator('svg text', { hasText: SEONGBUK }).click();

	await expect(page).toHaveURL(new RegExp(`\\?d=${seongbukCode}&lv=area$`));
	const remove = chips(page).getByRole('button', { name: `자치구 ${SEONGBUK} 필터 해제` });
	await expect(remove).toBeVisible();
	await expect(chips(page)).toHaveText(new RegExp(`^\\s*자치구\\s*${SEONGBUK}\\s*×\\s*$`));
	await expectAreaBreakdown(page, views.area_seongbuk_all_years);

	await remove.click();
	await expect(page).toHaveURL(/\?lv=area$/);
	await expect(chips(page)).toHaveText('필터 없음: 전체 자료를 보고 있습니다.');
	await expectAreaBreakdown(page, views.area_all_years);
});

test('clicking a year on the trend chart’s x axis filters the years', async ({ page }) => {
	await openDashboard(page, '?v=trend');
	await page
		.getByTestId('trend-lines')
		.locator('svg text')
		.filter({ hasText: /^2019$/ })
		.click();

	await expect(page).toHaveURL(/\?v=trend&y=2019$/);
	await expect(chips(page).getByRole('button', { name: '연도 2019 필터 해제' })).toBeVisible();
	const trend = views.trend_external_mean;
	await expect
		.poll(async () => {
			const { head, body } = await readDataTable(page, 'trend-lines', 'trend-table');
			return { head, body: Object.fromEntries(body.map(([name, ...cells]) => [name, cells])) };
		})
		.toEqual({
			head: [
				['자치구', '2019'],
				['총점', '전년 대비', '순위']
			],
			body: Object.fromEntries(
				views.districts_korean_order.map((d) => [
					d,
					[points(trend[d]!['2019']!.total), '–', `${trend[d]!['2019']!.rank}위`]
				])
			)
		});
});

test('switching views keeps the filters', async ({ page }) => {
	await openDashboard(page, `?y=2019&d=${seongbukCode}`);
	const chipButtons = chips(page).getByRole('button');
	const expectChips = () => expect(chipButtons).toHaveCount(2);

	await tab(page, '예산 집행').click();
	await expect(page).toHaveURL(new RegExp(`\\?v=budget&y=2019&d=${seongbukCode}$`));
	await expectChips();
	await expect(chips(page).getByRole('button', { name: '연도 2019 필터 해제' })).toBeVisible();
	await expect(
		chips(page).getByRole('button', { name: `자치구 ${SEONGBUK} 필터 해제` })
	).toBeVisible();
	const money = views.budget_by_district_year[SEONGBUK]!['2019']!;
	await expect
		.poll(
			async () => (await readDataTable(page, 'budget-execution', 'budget-execution-table')).body
		)
		.toEqual([[SEONGBUK, won(money.planned), won(money.spent), percent(money.execution_rate_pct)]]);

	await tab(page, '연도별 추이').click();
	await expect(page).toHaveURL(new RegExp(`\\?v=trend&y=2019&d=${seongbukCode}$`));
	await expectChips();
	// The trend view keeps every district (the chosen one is highlighted), but only 2019.
	await expect
		.poll(async () => (await readDataTable(page, 'trend-lines', 'trend-table')).head[0])
		.toEqual(['자치구', '2019']);

	await tab(page, '평가 격차').click();
	await expect(page).toHaveURL(new RegExp(`\\?y=2019&d=${seongbukCode}$`));
	await expectChips();
	const totals = expected.year_2019[SEONGBUK]!;
	await expect
		.poll(async () => (await readDataTable(page, 'score-gap', 'score-gap-table')).body)
		.toEqual([
			[
				SEONGBUK,
				points(totals.self),
				points(totals.official),
				points(totals.expert),
				signedPoints(views.gap_self_minus_mean_2019[SEONGBUK]!)
			]
		]);
});
