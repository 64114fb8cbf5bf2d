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

	// The chip took the drill with it: no district chosen is the districts again, not every
	// district's areas under "no filters".
	await remove.click();
	await expect(page).toHaveURL(/\/$/);
	await expect(chips(page)).toHaveText('필터 없음: 전체 자료를 보고 있습니다.');
	await expect(page.getByRole('navigation', { name: '보기 단계' })).toHaveText('자치구별');
	await expect
		.poll(async () => (await readDataTable(page, 'score-gap', 'score-gap-table')).head[0]?.[0])
		.toBe('자치구');
});

test('the filters: one chip per filter saying what it leaves out, 전체 toggles, 이것만 keeps one', async ({
	page
}) => {
	await openDashboard(page);
	const years = page.getByRole('group', { name: '연도', exact: true });
	const [first, ...rest] = views.years.map(String);
	// 이것만: one click for one year; the chip names it.
	const only = years.getByRole('button', { name: `${rest.at(-1)}만 보기` });
	await years.getByRole('checkbox', { name: rest.at(-1)!, exact: true }).hover();
	await only.click();
	await expect(page).toHaveURL(new RegExp(`\\?y=${rest.at(-1)}$`));
	await expect(chips(page)).toHaveText(new RegExp(`^\\s*연도\\s*${rest.at(-1)}\\s*×\\s*$`));

	// 전체 with some chosen ticks every box again: no filter.
	const all = years.getByRole('button', { name: '전체', exact: true });
	await all.click();
	await expect(page).toHaveURL(/\/$/);
	await expect(all).toHaveAttribute('aria-pressed', 'true');
	// 전체 with all ticked unticks them all, and says that nothing chosen still shows everything;
	// the next tick is then the only year chosen: two clicks for one year.
	await all.click();
	await expect(all).toHaveAttribute('aria-pressed', 'false');
	for (const box of await years.getByRole('checkbox').all()) await expect(box).not.toBeChecked();
	await expect(years.getByRole('status')).toHaveText(
		'하나 이상 고르세요. 고르기 전까지는 전체를 보여 줍니다.'
	);
	await expect(page).toHaveURL(/\/$/);
	await years.getByRole('checkbox', { name: first!, exact: true }).check();
	await expect(page).toHaveURL(new RegExp(`\\?y=${first}$`));

	// One year left out of all of them: a chip "… 제외", not one chip per year kept.
	await all.click();
	await years.getByRole('checkbox', { name: first!, exact: true }).uncheck();
	await expect.poll(() => new URL(page.url()).searchParams.get('y')).toBe(rest.join(','));
	await expect(chips(page).getByRole('button')).toHaveCount(1);
	await expect(chips(page)).toHaveText(new RegExp(`^\\s*연도\\s*${first} 제외\\s*×\\s*$`));
});

test('a click on a chart keeps that chart in sight, with the way back beside its title', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	await openDashboard(page);
	// As in a browser without scroll anchoring (Safari): Chromium's own would hold the chart in
	// place here, and the page's hold (hold-in-view.ts) would go untested.
	await page.addStyleTag({ content: '* { overflow-anchor: none !important; }' });
	const heatmap = page.getByTestId('gap-heatmap');
	// At the top of the screen: the breakdown above it shrinks from districts to indicators, which
	// took the heatmap's title off the screen before it was held in place.
	await heatmap.evaluate((frame) => frame.scrollIntoView({ block: 'start' }));
	const cell = heatmap.locator('svg text', { hasText: /^[+−-]?\d+\.\d$/ }).first();
	await cell.click();
	await expect(page).toHaveURL(/lv=indicator/);
	// The figures have landed (the heatmap's rows are indicators) and it is still on screen.
	await expect(heatmap.getByRole('heading')).toHaveText(/^평가지표 × 자치구/);
	// Judged once the layout has settled: the breakdown above has shrunk and the scroll been held
	// when the heading has kept its place on screen for ten frames in a row.
	await heatmap.getByRole('heading').evaluate(
		(heading) =>
			new Promise<void>((resolve) => {
				let last = NaN;
				let still = 0;
				const frame = () => {
					const top = heading.getBoundingClientRect().top;
					still = top === last ? still + 1 : 0;
					last = top;
					if (still >= 10) resolve();
					else requestAnimationFrame(frame);
				};
				requestAnimationFrame(frame);
			})
	);
	await expect(heatmap.getByRole('heading')).toBeInViewport();
	const back = heatmap.getByTestId('chart-back');
	await expect(back).toHaveAccessibleName('영역별로 돌아가기');
	await expect(back).toBeInViewport();
	await back.click();
	await expect(page).toHaveURL(/lv=area/);
	await expect(page.getByTestId('score-gap').getByTestId('chart-back')).toHaveText(/자치구별/);
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
