import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { openDashboard } from './helpers';

// 자치구별 보고서: one A4 page per district, printed in one go, each with its figures as the page
// shows them.

/** The page printed on A4, as the text of each sheet. */
async function printPages(page: Page): Promise<string[]> {
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
	const document = await getDocumentProxy(new Uint8Array(pdf));
	const { text } = await extractText(document, { mergePages: false });
	return text.map((sheet) => sheet.replace(/\s+/g, ' '));
}

test('ten districts print as ten A4 pages, each with its name and the figures on screen', async ({
	page
}) => {
	await openDashboard(page, '?v=report&x=official');
	const reports = page.getByTestId('report-page');
	await expect(reports).toHaveCount(10);
	const onScreen: { name: string; cells: string[] }[] = [];
	for (const report of await reports.all()) {
		const name = (await report.locator('h3').textContent())!.split(' ')[0]!;
		const cells = await report.getByTestId('report-headline').locator('tbody td').allTextContents();
		onScreen.push({ name, cells });
	}
	const axe = await new AxeBuilder({ page })
		.include('[data-testid=report-view]')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
	const sheets = await printPages(page);
	expect(sheets).toHaveLength(10);
	for (const [index, { name, cells }] of onScreen.entries()) {
		expect(sheets[index]).toContain(`${name} 시민협력플랫폼 평가 보고서`);
		for (const cell of cells) expect(sheets[index]).toContain(cell);
		// The filters on every page.
		expect(sheets[index]).toContain('외부 = 공무원평가');
	}
});

test('one district in English: one page, ranked among all ten, the filters printed on it', async ({
	page
}) => {
	await openDashboard(page, '?v=report&d=11290&y=2019,2020&lang=en');
	const report = page.getByTestId('report-page');
	await expect(report).toHaveCount(1);
	await expect(report.locator('h3')).toHaveText(
		'Seongbuk-gu: citizen cooperation platform evaluation'
	);
	// Ranked among every district, not only the one chosen.
	await expect(report.getByTestId('report-headline')).toContainText(/\d+ of 10/);
	await expect(report.getByTestId('report-years').locator('tbody tr')).toHaveCount(2);
	const sheets = await printPages(page);
	expect(sheets).toHaveLength(1);
	expect(sheets[0]).toContain('Filters: Years 2019, 2020');
	expect(sheets[0]).toContain('Main findings');
});

test('the .docx download holds the pages shown, one section per district, the same figures', async ({
	page
}) => {
	await openDashboard(page, '?v=report&d=11290,11320');
	const reports = page.getByTestId('report-page');
	await expect(reports).toHaveCount(2);
	const event = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Word 파일(.docx) 내려받기' }).click();
	const download = await event;
	expect(download.suggestedFilename()).toMatch(
		/^자치구별 보고서 \(자치구 .+\) \d{4}-\d{2}-\d{2}\.docx$/
	);
	const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
	const xml = strFromU8(files['word/document.xml']!);
	const sections = xml.split('<w:sectPr').slice(0, -1);
	expect(sections).toHaveLength(2);
	// Each district's chart, drawn in the browser, as a PNG.
	const images = Object.keys(files).filter((name) => name.startsWith('word/media/'));
	expect(images).toHaveLength(2);
	expect(
		[...files[images[0]!]!.slice(1, 4)].map((byte) => String.fromCharCode(byte)).join('')
	).toBe('PNG');
	for (const [index, report] of (await reports.all()).entries()) {
		const text = [...sections[index]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
			.map(([, run]) => run)
			.join(' ');
		expect(text).toContain((await report.locator('h3').textContent())!.trim());
		for (const testid of ['report-headline', 'report-years', 'report-areas']) {
			for (const cell of await report
				.getByTestId(testid)
				.locator('tbody th, tbody td')
				.allTextContents()) {
				expect(text).toContain(cell.trim());
			}
		}
	}
});
