import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSampleDataset } from '$lib/dataset/sample';
import { createNodeEngine } from '$lib/engine/node';
import { cellText, type TableSpec } from '$lib/export/table-spec';
import { NO_FILTERS } from '$lib/query/filters';
import { repoFile } from '$lib/testing/node-engine';
import { loadDistrictReports, type DistrictReport } from './district-report';
import { reportFindings } from './findings';
import { reportDocument } from './report-docx';
import { reportTables } from './report-tables';

// The .docx opened as Word and 한글 open it (a zip of XML), read back, and held against the
// strings the report page shows: every table cell is there, and no number that the page lacks.

let reports: DistrictReport[];
let sections: string[];
beforeAll(async () => {
	const engine = await createNodeEngine();
	await loadSampleDataset(engine, async (name) => repoFile(`data/${name}`));
	reports = await loadDistrictReports(engine, NO_FILTERS, 'mean', [2017, 2018, 2019, 2020]);
	const document = reportDocument(reports, {
		locale: 'ko',
		external: 'mean',
		filterSummary: '연도 전체',
		date: '2026년 12월 5일'
	});
	const files = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
	expect(Object.keys(files)).toContain('word/document.xml');
	const xml = strFromU8(files['word/document.xml']!);
	// Each section's text: its runs' text, a paragraph to a line. A section ends at its sectPr.
	sections = xml
		.split('<w:sectPr')
		.slice(0, -1)
		.map((part) =>
			[...part.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
				.map(([paragraph]) =>
					[...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
						.map(([, text]) => text)
						.join('')
				)
				.join('\n')
		)
		.map((text) => text.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>'));
});

/** Every cell of a page table, as the page writes it. */
const cellsOf = <Row>(spec: TableSpec<Row>) =>
	spec.rows.flatMap((row) => spec.columns.map((column) => cellText(column, row)));
const numbersIn = (text: string) => text.match(/\d+(?:,\d{3})*(?:\.\d+)?/g) ?? [];

describe('the reports as a .docx', () => {
	it('is one section (page) per district, in the page’s order, each titled', () => {
		expect(sections).toHaveLength(reports.length);
		for (const [index, report] of reports.entries()) {
			expect(sections[index]).toContain(`${report.district.labelKo} 시민협력플랫폼 평가 보고서`);
		}
	});

	it('holds every figure of the page’s tables and findings, and no number the page lacks', () => {
		const tables = reportTables('ko', 'mean');
		for (const [index, report] of reports.entries()) {
			const text = sections[index]!;
			const shown = [
				...cellsOf(tables.headline(report)),
				...cellsOf(tables.years(report)),
				...cellsOf(tables.areas(report)),
				...cellsOf(tables.flagged(report.budget!.flagged)),
				tables.gap(report),
				...reportFindings(report, 'ko')
			];
			for (const cell of shown) expect(text).toContain(cell);
			// Numbers the page's words hold besides: the date, the thresholds and the method's.
			const allowed = new Set(
				numbersIn(
					[
						...shown,
						'2026 12 5',
						'80% 100% 95%',
						'1 × 100',
						report.budget!.planned,
						report.budget!.spent
					]
						.map(String)
						.join(' ')
				)
			);
			for (const number of numbersIn(text)) expect(allowed).toContain(number);
		}
	});
});

describe('a chart in the .docx', () => {
	it('is an image with the figures in words as its description', async () => {
		const [first] = reports;
		// A 1 × 1 PNG stands in for the browser's drawing.
		const png = Uint8Array.from(
			atob(
				'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
			),
			(char) => char.charCodeAt(0)
		);
		const document = reportDocument([first!], {
			locale: 'ko',
			external: 'mean',
			filterSummary: '연도 전체',
			date: '2026년 12월 5일',
			charts: new Map([[first!.district.code, png]])
		});
		const files = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
		expect(Object.keys(files).filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
		const xml = strFromU8(files['word/document.xml']!);
		const description = xml.match(/<wp:docPr [^>]*descr="([^"]*)"/)![1]!;
		const self = first!.byYear[0]!.scores.self!;
		expect(description).toContain(`자체평가: ${first!.years[0]} ${self.toFixed(1)}점`);
	});
});
