// Staff's files as they keep them, uploaded as a user would: a workbook with a crosstab per sheet,
// a crosstab whose year and source must be asked, the budget's years side by side, and a
// workbook that cannot be read. Fixtures: tests/fixtures/layouts (make_layouts.mjs).
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { TEST_EDITOR_TOKEN } from '../../playwright.config';
import { chooseFiles, openDashboard, openOwnData, readScoreTable } from './helpers';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../fixtures/layouts/${name}`, import.meta.url));

async function waitReady(page: Page) {
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
}

// 2019, computed by hand from tests/fixtures/csv/unbalanced/evaluations.csv: 성북구 자체 6 + 12
// of 30 = 60.0, 공무원A 8 + 14 = 73.3; 마포구 자체 5 + 10 = 50.0, 공무원A 6 + 12 = 60.0.
const TWO_SHEETS_2019 = {
	성북구: ['60.0점', '73.3점', '–'],
	마포구: ['50.0점', '60.0점', '–']
};

test('a crosstab workbook: each sheet in turn; a reload and a published link read the same', async ({
	page,
	browser
}) => {
	await page.goto(`/editor/sign-in?token=${TEST_EDITOR_TOKEN}`);
	await waitReady(page);
	await chooseFiles(page, fixture('c-crosstab.xlsx'));
	const results = page.getByTestId('import-results');
	const preview = results.getByTestId('layout-preview');
	await expect(preview).toContainText('자치구별 점수 열 2개로 된 교차표입니다');
	await expect(preview).toContainText('표 전체의 연도: 2019 (제목 행');
	await preview.getByRole('button', { name: '이대로 4행 가져오기' }).click();
	await expect(results).toContainText(
		'c-crosstab.xlsx: 4행을 가져왔습니다 (평가, 엑셀 통합 문서).'
	);

	// The hidden sheet is listed, marked, and was not read; another sheet is read on request.
	const sheets = results.locator('details.sheets').first();
	await sheets.locator('summary').click();
	await expect(sheets).toContainText('작성 안내 (숨김)');
	await sheets
		.getByRole('listitem')
		.filter({ hasText: '2019 공무원평가(공무원A)' })
		.getByRole('button', { name: '이 시트 가져오기' })
		.click();
	const second = results.getByTestId('layout-preview').first();
	await expect(second).toContainText('"2019년 시민협력플랫폼 평가 결과 공무원평가(공무원A)"');
	await second.getByRole('button', { name: '이대로 4행 가져오기' }).click();
	await expect(page.getByTestId('load-status')).toContainText('8개 평가 행');
	// Each answered preview gave way to its result: no button is left to import a sheet twice.
	await expect(results.getByRole('button', { name: /^이대로 .*가져오기$/ })).toHaveCount(0);

	await page.goto('/?y=2019');
	await waitReady(page);
	await expect(page.getByTestId('load-status')).toContainText('8개 평가 행');
	// One kept file, the workbook, with the sheets it was read from.
	await expect(page.getByTestId('datasets-panel')).toContainText(
		'시트: 2019 자체평가, 2019 공무원평가(공무원A)'
	);
	expect(await readScoreTable(page)).toEqual(TWO_SHEETS_2019);

	await openOwnData(page);
	const step = page.getByTestId('publish');
	await step.getByRole('button', { name: '게시하기…' }).click();
	await step.getByRole('textbox', { name: '제목 (동료에게 보입니다)' }).fill('교차표 시험');
	await step.getByRole('button', { name: '게시하기', exact: true }).click();
	await expect(step.getByTestId('published-link')).toHaveValue(/\?ds=/);
	const link = await step.getByTestId('published-link').inputValue();
	const context = await browser.newContext();
	const colleague = await context.newPage();
	await colleague.goto(link);
	await waitReady(colleague);
	expect(await readScoreTable(colleague)).toEqual(TWO_SHEETS_2019);
	await context.close();
});

test('a crosstab without a title asks for its year and source, then imports', async ({ page }) => {
	await openDashboard(page);
	await chooseFiles(page, fixture('c-crosstab-untitled.csv'));
	const results = page.getByTestId('import-results');
	const ask = results.getByRole('group', { name: '이 표의 연도와 평가주체를 알려 주세요' });
	await ask.getByLabel('연도').fill('2019');
	await ask.getByLabel('평가주체').selectOption({ label: '공무원평가' });
	await ask.getByLabel('평가자').fill('공무원A');
	await ask.getByRole('button', { name: '이 값으로 다시 읽기' }).click();
	await expect(results.getByTestId('layout-preview').first()).toContainText(
		'표 전체의 연도: 2019 (직접 입력)'
	);
	await results.getByRole('button', { name: '이대로 4행 가져오기' }).click();
	await expect(results).toContainText('c-crosstab-untitled.csv: 4행을 가져왔습니다');
	await page.goto('/?y=2019');
	await waitReady(page);
	expect((await readScoreTable(page))['성북구']).toEqual(['–', '73.3점', '–']);
});

test('budget years side by side, in 천원 under two header rows, with a 합계 row', async ({
	page
}) => {
	await openDashboard(page);
	await chooseFiles(page, fixture('d-budget-years.csv'));
	const results = page.getByTestId('import-results');
	await expect(results.getByTestId('layout-preview')).toContainText(
		'금액 열 6개는 천원 단위로 읽어 원으로 바꿉니다'
	);
	// The first line as read: 성북구 인건비 2019, 98,400천원 → 98,400,000원.
	await expect(results.getByTestId('import-preview').locator('tbody tr').first()).toContainText(
		'98,400,000'
	);
	await results.getByRole('button', { name: '이대로 17행 가져오기' }).click();
	await expect(results).toContainText('d-budget-years.csv: 17행을 가져왔습니다');
	await expect(results).toContainText('합계·소계 1행은 검산만 하고 자료로 넣지 않았습니다.');
	await expect(page.getByTestId('load-status')).toContainText('17개 예산 행');
});

test('a password-protected workbook is refused with what to do, and nothing changes', async ({
	page
}) => {
	await openDashboard(page);
	const before = await page.getByTestId('load-status').textContent();
	await chooseFiles(page, fixture('bad/password.xlsx'));
	const results = page.getByTestId('import-results');
	await expect(results).toContainText('암호가 걸린 통합 문서는 읽을 수 없습니다');
	await expect(page.getByTestId('load-status')).toHaveText(before ?? '');
});
