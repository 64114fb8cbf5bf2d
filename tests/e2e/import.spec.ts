import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { evaluations } from './generated-evaluations';
import { chooseFiles, expected, expectedTable, openDashboard, readScoreTable } from './helpers';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../fixtures/csv/good/${name}`, import.meta.url));

test('a CP949 export shows 성북구 and the extended syllables (똠, 뷁, 햏)', async ({ page }) => {
	await openDashboard(page);
	await chooseFiles(page, fixture('extended-hangul-cp949.csv'));
	await expect(page.getByTestId('import-results')).toContainText(
		'extended-hangul-cp949.csv: 7행을 가져왔습니다 (평가, 엑셀 CSV (한글 Windows)).'
	);
	// The area with extended syllables is now a filter choice, spelled right.
	const areas = page.getByRole('group', { name: '평가영역' });
	await expect(areas.getByRole('checkbox', { name: '똠뷁햏 시범영역' })).toBeVisible();

	// Added over the sample alone, the file took the sample evaluations' place: 2021 is the only
	// year, and 성북구 self = (12 + 11.5 + 14 + 12.5 + 7 + 8 + 9.5) / 100 = 74.5.
	const years = page.getByRole('group', { name: '연도' });
	await expect(years.getByRole('checkbox', { name: '2021' })).toBeVisible();
	await expect(years.getByRole('checkbox', { name: '2019' })).toHaveCount(0);
	await expect.poll(() => readScoreTable(page)).toEqual({ 성북구: ['74.5점', '–', '–'] });
});

test('a bad file is refused with file, line, column and value, and changes nothing', async ({
	page
}) => {
	await openDashboard(page);
	const before = await readScoreTable(page);
	await chooseFiles(page, {
		name: '2021-평가.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'\uFEFF연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점\r\n2021,성북구,자체,,추진체계,운영,25,20\r\n2021,마표구,자체,,추진체계,운영,5,20\r\n'
		)
	});
	const results = page.getByTestId('import-results');
	await expect(results).toContainText('2021-평가.csv: 가져오지 않았습니다. 문제 2건.');
	await expect(results).toContainText('2021-평가.csv 2행 점수열');
	await expect(results).toContainText('점수 25가 배점 20보다 큽니다.');
	await expect(results).toContainText('2021-평가.csv 3행 자치구열');
	await expect(results).toContainText('"마표구"는 서울시 자치구가 아닙니다.');
	expect(await readScoreTable(page)).toEqual(before);
	expect(before).toEqual(expectedTable(expected.all_years));
});

test('a large file whose end is not like its start is read as the whole file says', async ({
	page
}) => {
	// Over 2 MiB, the file is read by DuckDB while the file worker still scans it, as its start
	// suggests; an empty line near the end moves the rows after it down a line, which only the
	// whole file's scan finds. A score that is no number after it must be reported on its line.
	const { bytes } = evaluations(30_000, 2031, 5, '대용량 파일 끝부분 검사용 비고 문구');
	expect(bytes.length).toBeGreaterThan(2 * 2 ** 20);
	const lines = bytes.toString('utf8').split('\n');
	const late = lines.length - 50;
	lines.splice(late, 1, '', lines[late]!.replace(/,[\d.]+,10,/, ',abc,10,'));
	await openDashboard(page);
	await chooseFiles(page, {
		name: '2031-큰파일.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(lines.join('\n'))
	});
	const results = page.getByTestId('import-results');
	await expect(results).toContainText('2031-큰파일.csv: 가져오지 않았습니다. 문제 1건.');
	// lines[late + 1] is the file's line late + 2.
	await expect(results).toContainText(`2031-큰파일.csv ${late + 2}행 점수열`);
	await expect(results).toContainText('점수 "abc"은(는) 숫자가 아닙니다.');
});

test('a many-file upload shows the newest results, and every result on request', async ({
	page
}) => {
	await openDashboard(page);
	const files = Array.from({ length: 7 }, (_, i) => ({
		name: `empty-${i + 1}.csv`,
		mimeType: 'text/csv',
		buffer: Buffer.from('')
	}));
	await chooseFiles(page, files);
	const results = page.getByTestId('import-results').locator('article');
	await expect(page.getByRole('button', { name: '결과 7건 모두 보기' })).toBeVisible();
	await expect(results).toHaveCount(5);
	await expect(results.first()).toContainText('empty-7.csv');
	await page.getByRole('button', { name: '결과 7건 모두 보기' }).click();
	await expect(results).toHaveCount(7);
	await expect(results.last()).toContainText('empty-1.csv');
	await page.getByRole('button', { name: '최근 결과 5건만 보기' }).click();
	await expect(results).toHaveCount(5);
});
