import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import {
	chooseFiles,
	expected,
	expectedTable,
	openDashboard,
	openOwnData,
	readScoreTable
} from './helpers';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../fixtures/csv/good/${name}`, import.meta.url));
const HEADER = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점';

async function chooseMode(page: Page, label: string) {
	await openOwnData(page);
	await page
		.getByRole('group', { name: '가져오는 방식' })
		.getByRole('radio', { name: label })
		.check();
}

async function uploadText(page: Page, name: string, text: string | Buffer) {
	await chooseFiles(page, {
		name,
		mimeType: 'text/csv',
		buffer: typeof text === 'string' ? Buffer.from(`\uFEFF${text}`) : text
	});
}

async function onlyYear(page: Page, keep: string) {
	const years = page.getByRole('group', { name: '연도' });
	for (const year of ['2017', '2018', '2019', '2020', '2021']) {
		if (year === keep) continue;
		const box = years.getByRole('checkbox', { name: year, exact: true });
		if ((await box.count()) && (await box.isChecked())) await box.uncheck();
	}
	await expect(page).toHaveURL(new RegExp(`y=${keep}`));
}

test('an Excel "유니코드 텍스트" export (UTF-16LE, tabs) replaces its year and the numbers hold', async ({
	page
}) => {
	await openDashboard(page);
	await chooseMode(page, '파일에 있는 연도만 교체');
	await chooseFiles(page, fixture('evaluations-utf16le.txt'));
	const results = page.getByTestId('import-results');
	await expect(results).toContainText(
		'evaluations-utf16le.txt: 840행을 가져왔습니다 (평가, 엑셀 유니코드 텍스트).'
	);
	await expect(results).toContainText('기존 840행을 교체했습니다.');
	await expect(page.getByTestId('load-status')).toContainText('3,360개 평가 행');
	await onlyYear(page, '2019');
	expect(await readScoreTable(page)).toEqual(expectedTable(expected.year_2019));
});

test('the first upload takes the sample’s place; a second export of the same rows is stopped, then replaces them once', async ({
	page
}) => {
	await openDashboard(page);
	await expect(page.getByTestId('contents')).toHaveText('예시 데이터(합성)를 보고 있습니다.');
	await chooseFiles(page, fixture('evaluations-cp949.csv'));
	const results = page.getByTestId('import-results');
	// "Add" over the sample alone: the made-up evaluation rows make way for the file.
	await expect(results).toContainText(
		'840행을 가져왔습니다 (평가, 엑셀 CSV (한글 Windows)). 예시 데이터 대신 올린 자료를 보여 줍니다 (예시 평가 3,360행을 뺐습니다).'
	);
	const status = page.getByTestId('load-status');
	await expect(status).toContainText('840개 평가 행과 199개 예산 행');
	await expect(page.getByTestId('contents')).toHaveText(
		'평가: 올린 자료 · 예산: 예시 데이터(합성)'
	);
	const sampleRow = page.getByTestId('sample-row');
	await expect(sampleRow).toContainText('평가: 올린 자료로 대체');
	await expect(sampleRow).toContainText('예산 199행');
	expect(await readScoreTable(page)).toEqual(expectedTable(expected.year_2019));

	// The same rows again, as Excel's "유니코드 텍스트": added on top they would count twice.
	await chooseFiles(page, fixture('evaluations-utf16le.txt'));
	await expect(page.getByTestId('overlaps-note')).toContainText(
		'이미 불러온 행과 겹치는 행이 840개 있어 가져오지 않았습니다.'
	);
	await expect(results.locator('table.issues tbody tr').first()).toContainText(
		'이미 불러온 자료에 같은 행이 있습니다 (연도·자치구·평가주체·평가자·평가지표가 같고'
	);
	await expect(status).toContainText('840개 평가 행');
	await results.getByRole('button', { name: '겹치는 840행을 이 파일의 값으로 바꾸기' }).click();
	await expect(results).toContainText(
		'840행을 가져왔습니다 (평가, 엑셀 유니코드 텍스트). 기존 840행을 교체했습니다.'
	);
	await expect(status).toContainText('840개 평가 행');
	expect(await readScoreTable(page)).toEqual(expectedTable(expected.year_2019));

	// Both choices are kept with the uploads: a reload replays them, and nothing counts twice.
	await page.reload();
	await expect(status).toHaveAttribute('data-phase', 'ready', { timeout: 45_000 });
	await expect(status).toContainText('840개 평가 행과 199개 예산 행');
	expect(await readScoreTable(page)).toEqual(expectedTable(expected.year_2019));

	// One click brings the sample back (and takes the two files out, as the button says).
	await openOwnData(page);
	await page
		.getByTestId('sample-row')
		.getByRole('button', { name: '예시 평가로 되돌리기' })
		.click();
	await expect(status).toContainText('3,360개 평가 행과 199개 예산 행');
	await expect(page.getByTestId('contents')).toHaveText('예시 데이터(합성)를 보고 있습니다.');
	await expect(page.getByTestId('datasets-panel').locator('tr[data-hash]')).toHaveCount(0);
	expect(await readScoreTable(page)).toEqual(expectedTable(expected.all_years));
});

test('after a reload with uploads kept, the server sends no sample figures as if they were mine', async ({
	page
}) => {
	await openDashboard(page);
	await uploadText(page, '2031.csv', [HEADER, '2031,성북구,자체,,추진체계,운영,8,10'].join('\r\n'));
	await expect(page.getByTestId('import-results')).toContainText('2031.csv: 1행을 가져왔습니다');
	// Once the upload is kept, the page tells the server so.
	const cookie = async () =>
		(await page.context().cookies()).find((c) => c.name === 'uploads_kept')?.value ?? null;
	await expect.poll(cookie).toBe('1');
	// Hold DuckDB back, so the page is read as the server sent it.
	await page.route('**/*.wasm', () => {});
	await page.reload();
	const status = page.getByTestId('load-status');
	await expect(status).toContainText('이 브라우저에 올려 둔 내 자료를 불러오는 중');
	await expect(page.locator('[data-testid^=headline-]')).toHaveCount(0);
	await expect(page.locator('[data-figures=server]')).toHaveCount(0);
	await page.unroute('**/*.wasm');
	// Without uploads, the server's (sample) figures come back at once on the next load.
	await page.reload();
	await expect(status).toHaveAttribute('data-phase', 'ready', { timeout: 45_000 });
	await openOwnData(page);
	await page.getByTestId('datasets-panel').getByRole('button', { name: '2031.csv 삭제' }).click();
	await expect(status).toContainText('3,360개 평가 행');
	await expect.poll(cookie).toBe(null);
	await page.route('**/*.wasm', () => {});
	await page.reload();
	await expect(page.getByTestId('headline-gap')).toBeVisible();
	await expect(status).toContainText('서버에서 계산한 수치를 보여 줍니다');
});

test('an upload survives a reload, is listed with its hash, and can be removed', async ({
	page
}) => {
	await openDashboard(page);
	const bytes = await readFile(fixture('extended-hangul-cp949.csv'));
	await chooseFiles(page, fixture('extended-hangul-cp949.csv'));
	await expect(page.getByTestId('import-results')).toContainText('7행을 가져왔습니다');

	await page.reload();
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
	// Added over the sample alone, it took the sample evaluations' place.
	await expect(page.getByTestId('load-status')).toContainText('7개 평가 행');
	await openOwnData(page);
	const panel = page.getByTestId('datasets-panel');
	await expect(panel).toContainText('extended-hangul-cp949.csv');
	await expect(panel).toContainText('평가 · 7행 · 엑셀 CSV (한글 Windows)');
	const { createHash } = await import('node:crypto');
	const hash = createHash('sha256').update(bytes).digest('hex');
	await expect(panel.locator(`tr[data-hash="${hash}"] code`)).toHaveText(hash.slice(0, 12));
	await expect(
		page.getByRole('group', { name: '평가영역' }).getByRole('checkbox', { name: '똠뷁햏 시범영역' })
	).toBeVisible();

	await panel.getByRole('button', { name: 'extended-hangul-cp949.csv 삭제' }).click();
	await expect(page.getByTestId('load-status')).toContainText('3,360개 평가 행');
	await expect(panel).not.toContainText('extended-hangul-cp949.csv');
	await page.reload();
	await expect(page.getByTestId('load-status')).toContainText('3,360개 평가 행', {
		timeout: 45_000
	});
});

test('invalid rows block the import until "valid rows only" is chosen, and the skip stays visible', async ({
	page
}) => {
	await openDashboard(page);
	const text = [
		HEADER,
		'2021,성북구,자체,,추진체계,운영,8,10',
		'2021,마표구,자체,,추진체계,운영,5,10',
		'2021,마포구,자체,,추진체계,운영,9,10'
	].join('\r\n');
	await uploadText(page, '섞인 파일.csv', text);
	const results = page.getByTestId('import-results');
	await expect(results).toContainText('섞인 파일.csv: 가져오지 않았습니다. 문제 1건.');
	await expect(results).toContainText('"마표구"는 서울시 자치구가 아닙니다. 마포구를 뜻했나요?');
	await expect(page.getByTestId('load-status')).toContainText('3,360개 평가 행');

	const download = page.waitForEvent('download');
	await results.getByRole('button', { name: '오류 목록 내려받기 (CSV)' }).click();
	const errors = await readFile((await (await download).path())!, 'utf8');
	expect(errors).toBe(
		'\uFEFF파일,행,열,값,내용\r\n섞인 파일.csv,3,자치구,마표구,"""마표구""는 서울시 자치구가 아닙니다. 마포구를 뜻했나요?"\r\n'
	);

	await results.getByRole('button', { name: '문제없는 2행만 가져오기' }).click();
	await expect(results).toContainText(
		'섞인 파일.csv: 2행을 가져왔습니다 (평가, UTF-8 (엑셀 CSV UTF-8)). 문제가 있는 1행은 건너뛰었습니다.'
	);
	// Added over the sample alone, the two rows took the sample evaluations' place.
	await expect(page.getByTestId('load-status')).toContainText('2개 평가 행');
});

test('bad files change nothing and say why', async ({ page }) => {
	await openDashboard(page);
	const before = await readScoreTable(page);
	const png = Buffer.from([
		0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52
	]);
	const xlsx = Buffer.concat([
		Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]),
		Buffer.from('[Content_Types].xml')
	]);
	const results = page.getByTestId('import-results');

	await uploadText(page, 'photo.csv', png);
	await expect(results).toContainText('photo.csv: 가져오지 않았습니다.');
	await expect(results).toContainText('CSV 파일이 아닙니다');
	// The first bytes of a workbook, cut short: read as one (by its bytes, whatever its name),
	// and refused as damaged.
	await uploadText(page, '평가결과.csv', xlsx);
	await expect(results).toContainText('엑셀 통합 문서로 읽을 수 없습니다. 파일이 손상되었거나');
	await uploadText(page, 'empty.csv', Buffer.alloc(0));
	await expect(results).toContainText('파일이 비어 있습니다.');
	await uploadText(page, 'header.csv', HEADER);
	await expect(results).toContainText('머리글만 있고 자료 행이 없습니다.');
	await uploadText(page, 'other.csv', 'name,value\r\na,1\r\n');
	await expect(results).toContainText('머리글을 알아볼 수 없습니다.');

	await expect(page.getByTestId('load-status')).toContainText('3,360개 평가 행');
	expect(await readScoreTable(page)).toEqual(before);
	await expect(page.getByTestId('datasets-panel').locator('tr[data-hash]')).toHaveCount(0);
});

test('a cancelled import changes nothing', async ({ page }) => {
	await openDashboard(page);
	// Large enough that the import is still running when the cancel button is pressed.
	const rows = Array.from(
		{ length: 300_000 },
		(_, i) => `2022,성북구,자체,,영역${i % 7},지표${i},5,10`
	);
	await uploadText(page, 'big.csv', [HEADER, ...rows].join('\r\n'));
	await page.getByTestId('import-progress').getByRole('button', { name: '취소' }).click();
	await expect(page.getByTestId('import-results')).toContainText(
		'가져오기를 취소했습니다. 아무것도 바뀌지 않았습니다.'
	);
	await expect(page.getByTestId('load-status')).toContainText('3,360개 평가 행');
	await expect(
		page.getByRole('group', { name: '연도' }).getByRole('checkbox', { name: '2022' })
	).toHaveCount(0);
});

test('two tabs importing at once keep both files', async ({ context }) => {
	const [first, second] = [await context.newPage(), await context.newPage()];
	await Promise.all([openDashboard(first), openDashboard(second)]);
	const file = (year: number) => [HEADER, `${year},성북구,자체,,추진체계,운영,8,10`].join('\r\n');
	await Promise.all([
		uploadText(first, 'tab-a.csv', file(2031)),
		uploadText(second, 'tab-b.csv', file(2032))
	]);
	await expect(first.getByTestId('import-results')).toContainText('tab-a.csv: 1행을 가져왔습니다');
	await expect(second.getByTestId('import-results')).toContainText('tab-b.csv: 1행을 가져왔습니다');

	await first.reload();
	// Each tab's file set the sample aside; the two files add up.
	await expect(first.getByTestId('load-status')).toContainText('2개 평가 행', {
		timeout: 45_000
	});
	await openOwnData(first);
	const panel = first.getByTestId('datasets-panel');
	await expect(panel).toContainText('tab-a.csv');
	await expect(panel).toContainText('tab-b.csv');
});

test('a full browser storage gives a message and no half state', async ({ page }) => {
	// Simulate the quota: storing any upload's bytes fails as a full disk would.
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
			if (this.name === 'bytes')
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.call(this, value, key);
		};
	});
	await openDashboard(page);
	await uploadText(
		page,
		'too-big.csv',
		[HEADER, '2031,성북구,자체,,추진체계,운영,8,10'].join('\r\n')
	);
	await expect(page.getByTestId('storage-notice')).toContainText(
		'브라우저 저장 공간이 부족해 파일을 보관하지 못했습니다.'
	);
	// The import was undone, so what shows is what a reload would show.
	await expect(page.getByTestId('load-status')).toContainText('3,360개 평가 행');
	await expect(
		page.getByRole('group', { name: '연도' }).getByRole('checkbox', { name: '2031' })
	).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('load-status')).toContainText('3,360개 평가 행', {
		timeout: 45_000
	});
	await expect(page.getByTestId('datasets-panel').locator('tr[data-hash]')).toHaveCount(0);
});
