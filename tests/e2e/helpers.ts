import { readFileSync } from 'node:fs';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

type Totals = Record<string, { self: number; official: number; expert: number }>;

/** Check values computed by tests/fixtures/expected/compute_expected.py, not by the app. */
export const expected = JSON.parse(
	readFileSync(new URL('../fixtures/expected/sample-totals.json', import.meta.url), 'utf8')
) as {
	all_years: Totals;
	year_2019: Totals;
	headline_all_years: {
		self: number;
		official: number;
		expert: number;
		gap_self_minus_external: number;
	};
	budget_districts_all_years: { planned: number; spent: number; execution_rate_pct: number };
};

/** A score as the Korean table writes it, formatted here by hand: one decimal and 점. */
export function points(value: number): string {
	return `${oneDecimal(value)}점`;
}

/** Opens the dashboard and waits until DuckDB has loaded the data. */
export async function openDashboard(page: Page, query = ''): Promise<void> {
	await page.goto(`/${query}`);
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
}

/**
 * Waits until the test server sends the page at `path` with the figures it computed itself.
 * The suite's workers share that server: a page asked for while another test's work holds its
 * DuckDB worker goes without them at once (by design: the browser computes them), and the work
 * it queued then fills the server's cache. Call before reading the server's figures of an
 * address that no earlier page made it compute.
 */
export async function serverFiguresReady(request: APIRequestContext, path: string): Promise<void> {
	await expect
		.poll(async () => (await (await request.get(path)).text()).includes('data-figures="server"'), {
			timeout: 30_000
		})
		.toBe(true);
}

/**
 * Chooses files in the upload section, as a person can: once its file input is enabled. It is
 * disabled while a file is imported, until the upload is kept, and Playwright sets files on a
 * disabled input all the same, which the page then ignores.
 */
export async function chooseFiles(
	page: Page,
	files: Parameters<Locator['setInputFiles']>[0]
): Promise<void> {
	const input = page.getByTestId('file-input');
	await expect(input).toBeEnabled();
	await input.setInputFiles(files);
}

/** Opens 내 자료 올리기 (the upload section) from the header, unless it is open. */
export async function openOwnData(page: Page): Promise<void> {
	const open = page.getByTestId('open-upload');
	if ((await open.getAttribute('aria-expanded')) !== 'true') await open.click();
	await expect(page.getByTestId('own-data')).toBeVisible();
}

/** The score-gap data table as { district: [self, official, expert] } text cells. */
export async function readScoreTable(page: Page): Promise<Record<string, string[]>> {
	// A view shows its previous figures, marked busy, until the new ones are in.
	await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
	const table = page.getByTestId('score-gap-table');
	if (!(await table.isVisible())) {
		await page
			.getByTestId('score-gap')
			.getByRole('button', { name: /데이터 표 보기|Show data table/ })
			.click();
	}
	await expect(table).toBeVisible();
	const rows = await table
		.locator('tbody tr')
		.evaluateAll((trs) =>
			trs.map((tr) =>
				[...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')
			)
		);
	return Object.fromEntries(rows.map(([name, ...cells]) => [name!, cells.slice(0, 3)]));
}

/** The expected table for a set of totals. */
export function expectedTable(totals: Totals): Record<string, string[]> {
	return Object.fromEntries(
		Object.entries(totals)
			.filter(([name]) => name !== 'area')
			.map(([name, t]) => [name, [points(t.self), points(t.official), points(t.expert)]])
	);
}

type Sources = { self: number; official: number; expert: number };
type Interval = { mean: number; lower: number; upper: number; n: number; units: number };
type Icc = { n: number; k: number; excluded: number; estimates: Record<string, number> };
type SlopeCheck = { slope: number; lower: number; upper: number; direction: string };
type Money = { planned: number; spent: number; execution_rate_pct: number };

/** The check values for the three views, from the same Python script (see its view_checks). */
export const views = JSON.parse(
	readFileSync(new URL('../fixtures/expected/sample-totals.json', import.meta.url), 'utf8')
) as {
	district_codes: Record<string, string>;
	districts_korean_order: string[];
	areas: string[];
	years: number[];
	gap_self_minus_official_all_years: Record<string, number>;
	gap_self_minus_mean_2019: Record<string, number>;
	gap_heatmap_mean_all_years: Record<string, Record<string, number>>;
	area_all_years: Record<string, Sources & { gap: number }>;
	area_seongbuk_all_years: Record<string, Sources & { gap: number }>;
	bias_all_years: { mean: Interval; official: Interval };
	icc_official_all_years: Record<string, Icc & { raters: string[] }>;
	icc_sources_all_years: Icc;
	budget_by_district_all_years: Record<string, Money>;
	budget_by_district_year: Record<string, Record<string, Money>>;
	budget_city_all_years: { lines: number; planned: number; spent: number };
	trend_gap_slope: Record<string, SlopeCheck>;
	trend_external_mean: Record<
		string,
		Record<
			string,
			{ total: number; change: number | null; rank: number; rank_change: number | null }
		>
	>;
};

/** One decimal, halves rounded away from zero (as staff round by hand), formatted by hand. */
export function oneDecimal(value: number): string {
	return roundHalfAway(value).toFixed(1);
}

function roundHalfAway(value: number): number {
	return (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;
}

/** A signed gap as the Korean tables write it: '+3.0점', '−6.2점' (U+2212), '±0.0점'. */
export function signedPoints(value: number | null): string {
	if (value === null) return '–';
	const rounded = roundHalfAway(value);
	const sign = rounded > 0 ? '+' : rounded < 0 ? '\u2212' : '±';
	return `${sign}${Math.abs(rounded).toFixed(1)}점`;
}

/** An amount in won: '1,456,200원'. */
export function won(value: number): string {
	return `${value.toLocaleString('en-US')}원`;
}

/** A percentage (already × 100) with one decimal: '96.8%'. */
export function percent(value: number): string {
	return `${oneDecimal(value)}%`;
}

/** Text of a cell with runs of white space collapsed. */
const cellTexts = (rows: Element[]) =>
	rows.map((tr) =>
		[...tr.querySelectorAll('th, td')].map((cell) =>
			(cell.textContent ?? '').replace(/\s+/g, ' ').trim()
		)
	);

/**
 * Opens a chart's data table (the "데이터 표 보기" button of the chart frame `frameId`) if it is
 * closed, and returns the text of the table `tableId`, cell by cell. Meant for `expect.poll`, so
 * that a test waits until the table shows what it expects.
 */
export async function readDataTable(
	page: Page,
	frameId: string,
	tableId: string
): Promise<{ head: string[][]; body: string[][] }> {
	const table = page.getByTestId(tableId);
	if (!(await table.isVisible())) {
		await page
			.getByTestId(frameId)
			.getByRole('button', { name: /데이터 표 보기|Show data table/ })
			.click();
		await table.waitFor();
	}
	return {
		head: await table.locator('thead tr').evaluateAll(cellTexts),
		body: await table.locator('tbody tr').evaluateAll(cellTexts)
	};
}
