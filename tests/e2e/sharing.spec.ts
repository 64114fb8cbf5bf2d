import { expect, test } from '@playwright/test';
import { openDashboard, readScoreTable } from './helpers';

test('a copied link opens the same view with the same numbers in a fresh browser', async ({
	page,
	browser
}) => {
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await openDashboard(page);
	await page.getByRole('group', { name: '연도' }).getByRole('checkbox', { name: '2017' }).uncheck();
	await page
		.getByRole('group', { name: '외부평가 기준' })
		.getByRole('radio', { name: '외부전문가평가' })
		.check();
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/lang=en/);
	const table = await readScoreTable(page);

	await page.getByTestId('copy-link').click();
	await expect(page.getByText('Copied the link to this view.')).toBeVisible();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(new URL(link).search).toBe('?lang=en&y=2018%2C2019%2C2020&x=expert');

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto(link);
	await expect(other.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
	expect(await readScoreTable(other)).toEqual(table);
	await expect(
		other
			.getByRole('group', { name: 'External score' })
			.getByRole('radio', { name: 'Expert', exact: true })
	).toBeChecked();
	await fresh.close();
});

test('a tampered link shows what was ignored and keeps the rest', async ({ page }) => {
	await openDashboard(
		page,
		`?y=2019,1850&d=11290,' OR 1=1--,11680&v=read_text('/etc/passwd')&a=없는 영역`
	);
	const notice = page.getByTestId('url-notice');
	await expect(notice).toContainText('링크의 일부를 알아볼 수 없어 무시했습니다');
	await expect(notice).toContainText("d=' OR 1=1--");
	await expect(notice).toContainText("v=read_text('/etc/passwd')");
	await expect(notice).toContainText('y=1850');
	// 강남구 (11680) is a real district, but not in the data: ignored too.
	await expect(notice).toContainText('d=11680');
	await expect(notice).toContainText('a=없는 영역');
	// The valid parts hold: 2019 and 성북구.
	await expect(page.getByTestId('filter-chips')).toContainText('연도 2019');
	await expect(page.getByTestId('filter-chips')).toContainText('자치구 성북구');
	expect(Object.keys(await readScoreTable(page))).toEqual(['성북구']);
	await notice.getByRole('button', { name: '닫기' }).click();
	await expect(notice).toHaveCount(0);
});

test('back and forward step through finished changes, one entry each', async ({ page }) => {
	await openDashboard(page);
	await page.getByRole('link', { name: '예산 집행' }).click();
	await expect(page).toHaveURL(/\?v=budget$/);
	await page.getByRole('group', { name: '연도' }).getByRole('checkbox', { name: '2020' }).uncheck();
	await expect(page).toHaveURL(/\?v=budget&y=2017%2C2018%2C2019$/);
	await page.goBack();
	await expect(page).toHaveURL(/\?v=budget$/);
	await page.goBack();
	await expect(page).toHaveURL(/\/$/);
	await page.goForward();
	await expect(page).toHaveURL(/\?v=budget$/);
	await expect(page.getByTestId('budget-execution')).toBeVisible();
});
