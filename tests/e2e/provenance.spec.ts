import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import {
	chooseFiles,
	expected,
	openDashboard,
	openOwnData,
	points,
	readDataTable
} from './helpers';
import { publish } from './server-process';

// 출처: any figure opens the rows behind it. The figure is recomputed here from the rows the
// dialog lists (its CSV), by the written rule (WEIGHTING.md), and compared with the independent
// script's figure: the rows shown are exactly the ones that make it.

interface SourceCsv {
	note: string;
	header: string[];
	rows: Record<string, string>[];
}

async function downloadRows(page: Page): Promise<SourceCsv> {
	const event = page.waitForEvent('download');
	await page.getByTestId('provenance-dialog').getByRole('button', { name: /CSV/ }).click();
	const text = (await readFile((await (await event).path())!)).toString('utf8');
	expect(text.startsWith('\uFEFF')).toBe(true);
	const [[note], header, ...rows] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true })
		.data as [[string], string[], ...string[][]];
	return {
		note,
		header,
		rows: rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]!])))
	};
}

/**
 * A score from evaluation rows alone: evaluators averaged per unit, Σ means ÷ Σ배점 per district
 * and year, years averaged, then districts (WEIGHTING.md).
 */
function scoreOf(rows: readonly Record<string, string>[]): number {
	const units = new Map<
		string,
		{ cell: string; district: string; scores: number[]; max: number }
	>();
	for (const row of rows) {
		const cell = `${row['자치구']}|${row['연도']}`;
		const key = `${cell}|${row['평가영역']}|${row['평가지표']}`;
		const unit = units.get(key) ?? {
			cell,
			district: row['자치구']!,
			scores: [],
			max: Number(row['배점'])
		};
		unit.scores.push(Number(row['점수']));
		units.set(key, unit);
	}
	const cells = new Map<string, { district: string; score: number; max: number }>();
	for (const unit of units.values()) {
		const cell = cells.get(unit.cell) ?? { district: unit.district, score: 0, max: 0 };
		cell.score += unit.scores.reduce((a, b) => a + b, 0) / unit.scores.length;
		cell.max += unit.max;
		cells.set(unit.cell, cell);
	}
	const byDistrict = new Map<string, number[]>();
	for (const cell of cells.values()) {
		byDistrict.set(cell.district, [
			...(byDistrict.get(cell.district) ?? []),
			(cell.score / cell.max) * 100
		]);
	}
	const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
	return mean([...byDistrict.values()].map(mean));
}

/** A CP949 export by hand: its official total is (6.5 + 10) ÷ 30 × 100 = 55. */
const SEONGBUK_2033 = [
	'연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점',
	'2033,성북구,자체,,추진체계,똠방 운영,4,10',
	'2033,성북구,공무원,공무원A,추진체계,똠방 운영,6,10',
	'2033,성북구,공무원,공무원B,추진체계,똠방 운영,7,10',
	'2033,성북구,외부전문가,전문가A,추진체계,똠방 운영,８,10',
	'2033,성북구,자체,,추진체계,햏 점검,9,20',
	'2033,성북구,공무원,공무원A,추진체계,햏 점검,"10점",20',
	'2033,성북구,외부전문가,전문가A,추진체계,햏 점검,12,20'
].join('\r\n');

/** The number in a figure's text as the page writes it: "−4.0점", "+1.3점", "72.5". */
function numberIn(text: string): number {
	return Number(text.replace('\u2212', '-').replace(/[^\d.+-]/g, ''));
}

/**
 * Opens the 출처 of the officials' average for SEONGBUK_2033 and checks it, its file (from
 * `origin`) and its three rows, the original text of the cell "10점" among them; the rows' CSV.
 */
async function traceSeongbuk2033(page: Page, origin: string): Promise<SourceCsv> {
	await openSource(page, 'headline-official');
	const dialog = page.getByTestId('provenance-dialog');
	// By hand: unit means 6.5 of 10 and 10 of 20: (6.5 + 10) ÷ 30 × 100 = 55.
	await expect(dialog.getByTestId('provenance-formula')).toContainText(
		'Σ점수 16.5 ÷ Σ배점 30 × 100 = 55.0'
	);
	const files = dialog.getByTestId('provenance-files');
	await expect(files).toContainText('성북구-2033.csv');
	await expect(files).toContainText(origin);
	const rows = dialog.getByTestId('provenance-rows').locator('tbody tr');
	await expect(rows).toHaveCount(3);
	// The cell as the file wrote it ("10점"), before the unit was taken off.
	await expect(rows.nth(2)).toContainText('2033,성북구,공무원,공무원A,추진체계,햏 점검,"10점",20');
	const found = await downloadRows(page);
	expect(scoreOf(found.rows)).toBeCloseTo(55, 12);
	return found;
}

/** Opens the 출처 of the figure `testId` names (its first, where the part has several). */
async function openSource(page: Page, testId: string): Promise<void> {
	await page
		.getByTestId(testId)
		.getByRole('button', { name: /출처 보기/ })
		.first()
		.click();
}

async function axeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.include('[data-testid=provenance-dialog]')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target) }));
}

test('a headline figure’s 출처 by keyboard: formula, files, rows that make it, CSV, axe clean', async ({
	page
}) => {
	await openDashboard(page);
	const self = page.getByTestId('headline-self');
	const button = self.getByRole('button', { name: /출처 보기/ });
	await button.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByTestId('provenance-dialog');
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('출처: 자체평가 평균');
	await expect(dialog).toContainText(`화면의 값: ${points(expected.headline_all_years.self)}`);
	// Ten districts' means over their four years.
	const formula = dialog.getByTestId('provenance-formula');
	await expect(formula).toContainText('자치구마다 연도별 점수의 평균');
	await expect(formula).toContainText('자치구 10곳 점수의 평균');
	await expect(formula).toContainText(`= ${points(expected.headline_all_years.self).slice(0, -1)}`);
	await expect(dialog.getByTestId('provenance-cells').locator('tbody tr')).toHaveCount(40);
	const files = dialog.getByTestId('provenance-files');
	await expect(files).toContainText('evaluations.csv');
	await expect(files).toContainText('예시 데이터(앱에 포함)');
	const rows = dialog.getByTestId('provenance-rows').locator('tbody tr');
	await expect(rows).toHaveCount(560);
	await expect(dialog.getByTestId('provenance-more')).toHaveCount(0);
	// The original line of the sample's first self row, as written in the file.
	await expect(rows.first()).toContainText(
		'2017,성북구,자체,,추진체계,운영위원회 구성 및 운영,2.5,5'
	);
	expect(await axeViolations(page)).toEqual([]);

	const csv = await downloadRows(page);
	expect(csv.note).toContain('자체평가 평균');
	expect(csv.rows.every((row) => row['평가주체'] === '자체평가')).toBe(true);
	expect(new Set(csv.rows.map((row) => row['파일 SHA-256'])).size).toBe(1);
	expect(scoreOf(csv.rows)).toBeCloseTo(expected.headline_all_years.self, 9);

	// Escape closes it, and focus is back on the button that opened it.
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(button).toBeFocused();

	// The gap stands on every source's rows: more than are listed, so they are counted by file.
	await openSource(page, 'headline-gap');
	await expect(dialog.getByTestId('provenance-more')).toContainText(
		'모두 3,360개입니다(evaluations.csv 3,360행). 처음 1,000개만'
	);
	await expect(rows).toHaveCount(1000);
	await expect(dialog.getByTestId('provenance-formula')).toContainText(
		`자치구 10곳 격차의 평균: (`
	);
	await page.keyboard.press('Escape');

	// The bias sentence's interval: its observations and inputs, t from a published table.
	await openSource(page, 'bias');
	await expect(dialog.getByTestId('provenance-formula')).toContainText(
		'95% 구간 = −5.4 ± t(0.975, 자유도 9) 2.262 × 3.62 ÷ √10 = [−8.0, −2.8]'
	);
	await expect(dialog.getByTestId('provenance-clusters').locator('tbody tr')).toHaveCount(10);
});

test('a table cell’s 출처: one district’s score in one year, its sums in the formula', async ({
	page
}) => {
	await openDashboard(page, '?y=2019');
	await page
		.getByTestId('score-gap')
		.getByRole('button', { name: /데이터 표 보기/ })
		.click();
	const table = page.getByTestId('score-gap-table');
	await table.getByRole('button', { name: /성북구 · 공무원평가, 출처 보기/ }).click();
	const dialog = page.getByTestId('provenance-dialog');
	const official = expected.year_2019['성북구']!.official;
	await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('출처: 성북구 · 공무원평가');
	await expect(dialog.getByTestId('provenance-formula')).toContainText(
		new RegExp(`^Σ점수 [\\d.]+ ÷ Σ배점 [\\d.]+ × 100 = ${points(official).slice(0, -1)}`)
	);
	const csv = await downloadRows(page);
	expect(csv.rows.length).toBeGreaterThan(0);
	expect(csv.rows.every((row) => row['자치구'] === '성북구' && row['연도'] === '2019')).toBe(true);
	expect(scoreOf(csv.rows)).toBeCloseTo(official, 9);
	await dialog.getByRole('button', { name: '닫기' }).click();
	await expect(dialog).toBeHidden();

	// A Bland–Altman point (one unit's self − external gap) traces to that unit's rows.
	await readDataTable(page, 'bland-altman', 'bland-altman-table');
	const difference = page
		.getByTestId('bland-altman-table')
		.locator('tbody tr')
		.first()
		.locator('td button');
	const shownGap = numberIn((await difference.textContent())!);
	await difference.click();
	const gapLine = dialog.getByTestId('provenance-formula').locator('li').last();
	await expect(gapLine).toHaveText(/^자체 [\d.]+ − 외부 [\d.]+ = /);
	expect(numberIn((await gapLine.textContent())!.split('= ').at(-1)!)).toBe(shownGap);
	await page.keyboard.press('Escape');

	// The agreement between the sources: its mean squares and each form, over the rows it is measured on.
	await openSource(page, 'icc');
	await expect(dialog.getByTestId('provenance-formula')).toContainText(
		'ICC(2,1) = (MSR − MSE) ÷ (MSR + (k − 1)·MSE + k·(MSC − MSE) ÷ n) = '
	);
	await expect(dialog.getByTestId('provenance-formula')).toContainText('평가자 k = 3');
	await page.keyboard.press('Escape');

	// Score against money: the external total of a district-year.
	await page.goto('/?v=budget&y=2019');
	await readDataTable(page, 'score-money', 'score-money-table');
	const score = page
		.getByTestId('score-money-table')
		.locator('tbody tr')
		.first()
		.locator('td button')
		.last();
	const shownScore = numberIn((await score.textContent())!);
	await score.click();
	const scoreLine = dialog.getByTestId('provenance-formula').locator('li').last();
	await expect(scoreLine).toHaveText(/^외부 = \(공무원 [\d.]+ \+ 전문가 [\d.]+\) ÷ 2 = /);
	expect(numberIn((await scoreLine.textContent())!.split('= ').at(-1)!)).toBe(shownScore);
});

test('an uploaded CP949 file’s figure traces to its lines, as written, and the rows make it', async ({
	page
}) => {
	await openDashboard(page);
	await openOwnData(page);
	const csv = SEONGBUK_2033;
	await chooseFiles(page, {
		name: '성북구-2033.csv',
		mimeType: 'text/csv',
		buffer: iconv.encode(csv, 'cp949')
	});
	await expect(page.getByTestId('import-results')).toContainText('7행을 가져왔습니다');
	await page.goto(`${new URL(page.url()).pathname}?y=2033`);
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
	const found = await traceSeongbuk2033(page, '이 브라우저에 올린 파일');
	await expect(page.getByTestId('provenance-files')).toContainText('기존 자료에 추가');
	expect(found.rows.map((row) => row['줄'])).toEqual(['3', '4', '7']);
	expect(found.rows[0]!['원문 (가져오기 전 그대로)']).toBe(
		'2033,성북구,공무원,공무원A,추진체계,똠방 운영,6,10'
	);
});

test('the budget headline’s 출처 in English: the rate of the two sums, every line counted', async ({
	page
}) => {
	await openDashboard(page, '?lang=en');
	await page
		.getByTestId('headline-budget')
		.getByRole('button', { name: /Source of/ })
		.click();
	const dialog = page.getByTestId('provenance-dialog');
	await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Source: Execution');
	const { planned, spent, execution_rate_pct } = expected.budget_districts_all_years;
	const won = (value: number) => `₩${value.toLocaleString('en-US')}`;
	await expect(dialog.getByTestId('provenance-formula')).toContainText(
		`Σspent ${won(spent)} ÷ Σplanned ${won(planned)} = ${execution_rate_pct.toFixed(1)}%`
	);
	const csv = await downloadRows(page);
	const sum = (key: string) => csv.rows.reduce((total, row) => total + Number(row[key]), 0);
	expect(sum('planned(KRW)')).toBe(planned);
	expect(sum('spent(KRW)')).toBe(spent);
	expect(await axeViolations(page)).toEqual([]);
});

test('a published dataset’s figure traces to the published file, its lines read from the server', async ({
	page,
	baseURL
}) => {
	const id = await publish(baseURL!, [
		{
			name: '성북구-2033.csv',
			bytes: iconv.encode(SEONGBUK_2033, 'cp949'),
			choices: { mode: 'add' }
		}
	]);
	await openDashboard(page, `?ds=${id}&y=2033`);
	const found = await traceSeongbuk2033(page, '게시된 데이터');
	expect(scoreOf(found.rows)).toBeCloseTo(55, 12);
});
