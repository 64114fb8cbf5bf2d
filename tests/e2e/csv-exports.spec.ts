import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { openDashboard, views } from './helpers';

// Every chart's CSV as Excel opens it: a note line naming the filters and the day, headings with
// units, numbers rounded as the page shows them (and every decimal in the full-precision file).
// Expected values come from tests/fixtures/expected/compute_expected.py, rounded here by hand.

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
const round = (value: number, digits: number) =>
	(Math.sign(value) * Math.round(Math.abs(value) * 10 ** digits)) / 10 ** digits;
const SEONGBUK = '성북구';

interface Csv {
	name: string;
	note: string;
	header: string[];
	rows: string[][];
}

async function downloadCsv(page: Page, frame: string, full = false): Promise<Csv> {
	const event = page.waitForEvent('download');
	await page
		.getByTestId(frame)
		.getByRole('button', { name: full ? 'CSV (전체 자릿수)' : 'CSV', exact: true })
		.click();
	const file = await event;
	const text = (await readFile((await file.path())!)).toString('utf8');
	expect(text.startsWith('\uFEFF'), `${frame}: a byte-order mark for Excel`).toBe(true);
	const [[note], header, ...rows] = Papa.parse<string[]>(text.slice(1), {
		skipEmptyLines: true
	}).data as [[string], string[], ...string[][]];
	return { name: file.suggestedFilename(), note, header, rows };
}

const VIEWS = [
	{ query: '?y=2019', frames: ['score-gap', 'gap-heatmap', 'bland-altman'], budget: [] },
	{
		query: '?v=budget&y=2019',
		frames: ['budget-execution', 'execution-rate', 'score-money'],
		budget: ['budget-execution', 'execution-rate']
	},
	{ query: '?v=trend&y=2019', frames: ['trend-lines', 'rank-bump', 'gap-trend'], budget: [] }
] as const;

for (const { query, frames, budget } of VIEWS) {
	test(`every CSV of ${query}: note line, units in headings, rounded as on screen`, async ({
		page
	}) => {
		await openDashboard(page, query);
		for (const frame of frames) {
			const csv = await downloadCsv(page, frame);
			const title = await page.getByTestId(frame).locator('h3').first().innerText();
			// Named as Windows allows: reserved punctuation (the title's colon) becomes a space.
			const safeTitle = title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ');
			expect(csv.name).toBe(`${safeTitle} (연도 2019) ${today}.csv`);
			// Budget lines have years and districts only; scores have every filter.
			const filters = (budget as readonly string[]).includes(frame)
				? '연도 2019 · 자치구 전체'
				: '연도 2019 · 자치구 전체 · 평가주체 전체 · 평가영역 전체';
			expect(csv.note).toBe(
				`필터: ${filters} · ${today} 내려받음 · 값은 화면에 보이는 자릿수로 반올림`
			);
			expect(csv.rows.length, `${frame}: rows`).toBeGreaterThan(0);
			csv.header.forEach((heading, column) => {
				const values = csv.rows.map((row) => row[column] ?? '').filter((v) => v !== '');
				const numeric = values.length > 0 && values.every((v) => /^-?\d+(\.\d+)?$/.test(v));
				if (!numeric) return;
				// A number needs its unit, unless it is a year or a rank.
				const unitless = /^연도$|순위$|^\d{4}$/.test(heading) && !/\(/.test(heading);
				if (frame === 'rank-bump' || unitless) return;
				expect(heading, `${frame}: unit of "${heading}"`).toMatch(/\((점|원|%)\)$/);
				const decimals = Math.max(...values.map((v) => v.split('.')[1]?.length ?? 0));
				expect(decimals, `${frame}: decimals of "${heading}"`).toBeLessThanOrEqual(
					/연간 변화|신뢰구간/.test(heading) ? 2 : heading.endsWith('(원)') ? 0 : 1
				);
			});
		}
	});
}

test('the figures in the CSVs are the page’s, and the full-precision file keeps every decimal', async ({
	page
}) => {
	await openDashboard(page, '?y=2019');
	const gap = await downloadCsv(page, 'score-gap');
	const gapColumn = gap.header.findIndex((h) => h.startsWith('격차'));
	expect(gap.header[gapColumn]).toBe('격차 (자체 − 공무원·전문가 평균)(점)');
	const seongbuk = gap.rows.find((row) => row[0] === SEONGBUK)!;
	expect(Number(seongbuk[gapColumn])).toBe(round(views.gap_self_minus_mean_2019[SEONGBUK]!, 1));
	const full = await downloadCsv(page, 'score-gap', true);
	expect(full.name).toBe(`자치구별 평가주체별 총점 전체 자릿수 (연도 2019) ${today}.csv`);
	expect(full.note).toContain('값은 반올림하지 않은 전체 자릿수');
	const exact = full.rows.find((row) => row[0] === SEONGBUK)!;
	expect(Number(exact[gapColumn])).toBeCloseTo(views.gap_self_minus_mean_2019[SEONGBUK]!, 9);

	// The comparison chosen names the gap's heading.
	await page.getByRole('radio', { name: '외부전문가평가' }).check();
	await expect(page).toHaveURL(/x=expert/);
	const expert = await downloadCsv(page, 'score-gap');
	expect(expert.header).toContain('격차 (자체 − 외부전문가평가)(점)');

	// Budget: rates as percentages, rounded as the page shows them; amounts in whole 원.
	await page.goto('/?v=budget&y=2019');
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready');
	const rates = await downloadCsv(page, 'execution-rate');
	expect(rates.header).toEqual(['자치구', '연도', '예산액(원)', '집행액(원)', '집행률(%)', '표시']);
	const money = views.budget_by_district_year[SEONGBUK]!['2019']!;
	expect(rates.rows.find((row) => row[0] === SEONGBUK)).toEqual([
		SEONGBUK,
		'2019',
		String(money.planned),
		String(money.spent),
		String(round(money.execution_rate_pct, 1)),
		''
	]);
});
