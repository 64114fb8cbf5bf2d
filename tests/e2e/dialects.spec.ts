import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { expect, test, type Page } from '@playwright/test';
import {
	chooseFiles,
	expected,
	expectedTable,
	openDashboard,
	openOwnData,
	readScoreTable
} from './helpers';

// The shipped 2019 rows, re-written as other Excel dialects would write them. Importing one in
// "replace the years" mode swaps the 2019 data for itself: the 2019 table must not move.
const sample = readFileSync(new URL('../../data/evaluations.csv', import.meta.url), 'utf8').replace(
	/^\uFEFF/,
	''
);
const [header, ...lines] = sample.split(/\r?\n/).filter(Boolean);
const rows2019 = lines.filter((line) => line.startsWith('2019,'));

function rewrite(delimiter: string, lineEnd: string, titleRows: string[] = []): string {
	const cells = (line: string) => line.split(',').join(delimiter);
	return [...titleRows, cells(header!), ...rows2019.map(cells)].join(lineEnd) + lineEnd;
}

async function replace2019(page: Page, name: string, bytes: Buffer) {
	await openOwnData(page);
	await page
		.getByRole('group', { name: '가져오는 방식' })
		.getByRole('radio', { name: '파일에 있는 연도만 교체' })
		.check();
	await chooseFiles(page, { name, mimeType: 'text/csv', buffer: bytes });
	await expect(page.getByTestId('import-results')).toContainText(
		`${name}: ${rows2019.length}행을 가져왔습니다`
	);
	await expect(page.getByTestId('import-results')).toContainText(
		`기존 ${rows2019.length}행을 교체했습니다.`
	);
	// Kept in the browser (listed once stored) before the page is loaded again: the result line
	// shows as the rows are in, a moment before the upload is stored, and a reload in between
	// found nothing to replay (one CI run).
	await expect(page.getByTestId('datasets-panel').locator('tr[data-hash]')).toHaveCount(1);
}

async function expect2019(page: Page) {
	await page.goto('/?y=2019');
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
	// The upload was kept and replayed after that navigation's reload.
	await expect(page.getByTestId('datasets-panel').locator('tr[data-hash]')).toHaveCount(1);
	expect(await readScoreTable(page)).toEqual(expectedTable(expected.year_2019));
}

test('semicolons, CR-only line ends and title rows, in plain UTF-8', async ({ page }) => {
	await openDashboard(page);
	const text = rewrite(';', '\r', ['2019년 시민협력플랫폼 평가 결과', '(단위: 점)', '']);
	await replace2019(page, 'semicolon-cr.csv', Buffer.from(text, 'utf8'));
	await expect2019(page);
});

test('pipes and LF in UTF-16BE with a byte-order mark', async ({ page }) => {
	await openDashboard(page);
	const text = rewrite('|', '\n');
	await replace2019(
		page,
		'pipe-utf16be.txt',
		Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])
	);
	await expect2019(page);
});

test('tabs and CRLF in CP949, with quoted cells holding commas and line breaks', async ({
	page
}) => {
	await openDashboard(page);
	// Two indicators gain a quoted comma and a quoted line break, on every row that has them:
	// every source's score of a unit must keep naming the same indicator, or the unit would no
	// longer be matched and would rightly leave the totals.
	const indicatorOf = (line: string) => line.split(',')[5]!;
	const [withComma, withBreak] = [indicatorOf(rows2019[0]!), indicatorOf(rows2019[1]!)];
	expect(withComma).not.toBe(withBreak);
	const quoted = [header!, ...rows2019].map((line) =>
		line
			.split(',')
			.map((cell, column) =>
				column !== 5
					? cell
					: cell === withComma
						? `"${cell}, 특별"`
						: cell === withBreak
							? `"${cell}\r\n(둘째 줄)"`
							: cell
			)
			.join('\t')
	);
	await replace2019(page, 'tab-cp949.csv', iconv.encode(quoted.join('\r\n') + '\r\n', 'cp949'));
	await expect(page.getByTestId('import-results')).toContainText('(평가, 엑셀 CSV (한글 Windows))');
	await expect2019(page);
});
