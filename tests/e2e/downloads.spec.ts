import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openDashboard } from './helpers';

async function download(page: Page, chart: string, format: 'PNG' | 'SVG' | 'CSV') {
	const event = page.waitForEvent('download');
	await page.getByTestId(chart).getByRole('button', { name: format, exact: true }).click();
	const file = await event;
	return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test('each chart downloads as SVG, PNG and CSV named after its title', async ({ page }) => {
	await openDashboard(page);
	await expect(page.getByTestId('score-gap').locator('svg')).toBeVisible();

	const svg = await download(page, 'score-gap', 'SVG');
	expect(svg.name).toBe('자치구별 평가주체별 총점.svg');
	const svgText = svg.bytes.toString('utf8');
	expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	expect(svgText).toContain('성북구');

	const png = await download(page, 'score-gap', 'PNG');
	expect(png.name).toBe('자치구별 평가주체별 총점.png');
	expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	// Drawn at twice the chart's size, so it stays sharp in a report.
	const width = png.bytes.readUInt32BE(16);
	const box = (await page.getByTestId('score-gap').locator('svg').boundingBox())!;
	expect(width).toBe(Math.ceil(box.width * 2));

	const csv = await download(page, 'score-gap', 'CSV');
	const text = csv.bytes.toString('utf8');
	expect(text.startsWith('\uFEFF자치구,자체평가,공무원평가,외부전문가평가,')).toBe(true);
	expect(text.split('\r\n').filter(Boolean)).toHaveLength(11);
});
