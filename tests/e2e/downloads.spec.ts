import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openDashboard } from './helpers';

async function download(page: Page, chart: string, format: 'PNG' | 'SVG' | 'CSV') {
	const event = page.waitForEvent('download');
	await page.getByTestId(chart).getByRole('button', { name: format, exact: true }).click();
	const file = await event;
	return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test('each chart downloads as SVG, PNG and CSV named after its title, filters and day', async ({
	page
}) => {
	await openDashboard(page);
	await expect(page.getByTestId('score-gap').locator('svg')).toBeVisible();
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
	const name = `자치구별 평가주체별 총점 (필터 없음) ${today}`;

	const svg = await download(page, 'score-gap', 'SVG');
	expect(svg.name).toBe(`${name}.svg`);
	const svgText = svg.bytes.toString('utf8');
	expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	expect(svgText).toContain('성북구');

	const png = await download(page, 'score-gap', 'PNG');
	expect(png.name).toBe(`${name}.png`);
	expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	// Drawn at twice the chart's size, so it stays sharp in a report.
	const width = png.bytes.readUInt32BE(16);
	const box = (await page.getByTestId('score-gap').locator('svg').boundingBox())!;
	expect(width).toBe(Math.ceil(box.width * 2));

	const csv = await download(page, 'score-gap', 'CSV');
	expect(csv.name).toBe(`${name}.csv`);
	const lines = csv.bytes.toString('utf8').split('\r\n').filter(Boolean);
	// A note line, the heading, a row per district.
	expect(lines[0]!.startsWith('\uFEFF필터: 연도 전체 · 자치구 전체')).toBe(true);
	expect(lines[1]!.startsWith('자치구,자체평가(점),공무원평가(점),외부전문가평가(점),')).toBe(true);
	expect(lines).toHaveLength(12);
});
