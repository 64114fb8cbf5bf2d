import { expect, test } from '@playwright/test';
import {
	expected,
	expectedTable,
	oneDecimal,
	openDashboard,
	points,
	readScoreTable,
	views
} from './helpers';

test('shows all ten districts with the independently computed totals', async ({ page }) => {
	await openDashboard(page);
	const table = await readScoreTable(page);
	expect(Object.keys(table)).toHaveLength(10);
	expect(table).toEqual(expectedTable(expected.all_years));

	const headline = expected.headline_all_years;
	await expect(page.getByTestId('headline-self')).toContainText(points(headline.self));
	await expect(page.getByTestId('headline-official')).toContainText(points(headline.official));
	await expect(page.getByTestId('headline-expert')).toContainText(points(headline.expert));
	const gap = Math.round(headline.gap_self_minus_external * 10) / 10;
	await expect(page.getByTestId('headline-gap')).toContainText(`−${Math.abs(gap).toFixed(1)}점`);
	const rate = (
		Math.round(expected.budget_districts_all_years.execution_rate_pct * 10) / 10
	).toFixed(1);
	await expect(page.getByTestId('headline-budget')).toContainText(`${rate}%`);
	await expect(page.getByTestId('headline-budget')).toContainText(
		`${expected.budget_districts_all_years.planned.toLocaleString('en-US')}원`
	);
});

test('the headline gap says what it compares with, and follows the comparison chosen', async ({
	page
}) => {
	await openDashboard(page);
	const gap = page.getByTestId('headline-gap');
	await expect(gap.locator('dt')).toHaveText('자체 − 외부 격차');
	await expect(gap.locator('.note')).toHaveText('외부 = 공무원·전문가 평균 · 자치구 평균');
	await page.getByRole('radio', { name: '공무원평가' }).check();
	await expect(page).toHaveURL(/x=official/);
	await expect(gap.locator('.note')).toHaveText('외부 = 공무원평가 · 자치구 평균');
	// The same district mean as the bias sentence's, computed independently.
	await expect(gap.locator('.value')).toHaveText(
		`\u2212${oneDecimal(Math.abs(views.bias_all_years.official.mean))}점`
	);
});

test('a year filter changes the table to that year, and the URL says so', async ({ page }) => {
	await openDashboard(page);
	const years = page.getByRole('group', { name: '연도' });
	for (const year of ['2017', '2018', '2020']) {
		await years.getByRole('checkbox', { name: year }).uncheck();
	}
	await expect(page).toHaveURL(/\?y=2019$/);
	await expect(page.getByTestId('score-gap')).toContainText('연도 2019');
	expect(await readScoreTable(page)).toEqual(expectedTable(expected.year_2019));

	// Back returns to all years.
	await page.goBack();
	await page.goBack();
	await page.goBack();
	await expect(page).toHaveURL(/\/$/);
	expect(await readScoreTable(page)).toEqual(expectedTable(expected.all_years));
});

test('a link with filters opens on exactly that view, in English', async ({ page }) => {
	await openDashboard(page, '?lang=en&y=2019');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Citizen Cooperation Platform Evaluation'
	);
	const table = await readScoreTable(page);
	expect(table['Seongbuk-gu']).toEqual(
		[
			expected.year_2019['성북구']!.self,
			expected.year_2019['성북구']!.official,
			expected.year_2019['성북구']!.expert
		].map((v) => `${(Math.round(v * 10) / 10).toFixed(1)} pts`)
	);
});

test('the browser asks nothing of any other origin', async ({ page, baseURL }) => {
	const foreign: string[] = [];
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(baseURL!) && !url.startsWith('data:') && !url.startsWith('blob:'))
			foreign.push(url);
	});
	await openDashboard(page);
	await readScoreTable(page);
	expect(foreign).toEqual([]);
});

test('a chart is read once: its title, its finding as text, its table; the drawing is hidden', async ({
	page
}) => {
	await openDashboard(page);
	const frame = page.getByTestId('score-gap');
	await expect(frame.locator('.chart svg')).toBeVisible();
	const finding =
		/자치구 10개의 평가주체별 총점 점 그래프\. 자체평가가 외부평가보다 낮은 곳 9개, 높은 곳 1개\. 격차가 가장 큰 곳은 \S+구\(−\d+\.\d점\)입니다\./;
	// What assistive technology gets of the frame: the finding exactly once, no image, and none
	// of the drawing's labels and values run together.
	const tree = await frame.ariaSnapshot();
	expect(tree.match(new RegExp(finding.source, 'g'))).toHaveLength(1);
	expect(tree).not.toMatch(/\bimg\b|\bfigure\b/);
	// The legend's words are drawn in the chart, and nowhere else in the frame while its table is
	// closed: the drawing is not read.
	expect(tree).not.toContain('공무원평가');
	await expect(frame.locator('.chart')).toHaveAttribute('aria-hidden', 'true');
	await expect(frame.getByTestId('chart-finding')).toHaveText(finding);
	// The data table is offered as the chart's alternative, with its buttons said.
	await expect(frame.getByRole('button', { name: '데이터 표 보기' })).toHaveAccessibleDescription(
		'차트를 대신하는 표: 차트의 모든 수치가 들어 있고, 표의 단추로 차트에서처럼 항목을 고를 수 있습니다. 단추 사이는 화살표 키로 옮겨 갑니다.'
	);
});
