import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

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
	return `${(Math.round(value * 10) / 10).toFixed(1)}점`;
}

/** Opens the dashboard and waits until DuckDB has loaded the data. */
export async function openDashboard(page: Page, query = ''): Promise<void> {
	await page.goto(`/${query}`);
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
}

/** The score-gap data table as { district: [self, official, expert] } text cells. */
export async function readScoreTable(page: Page): Promise<Record<string, string[]>> {
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
