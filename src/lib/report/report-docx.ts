// The district reports as a Word document (.docx) that 한글 and Word open: one section (page)
// per district, with the page's own findings, tables and method, as real tables to paste into a
// 결과보고. Loaded on demand: the `docx` library is for this download only.
import {
	AlignmentType,
	BorderStyle,
	Document,
	HeadingLevel,
	ImageRun,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import type { ExternalSource } from '$lib/domain/evaluation';
import { localName } from '$lib/domain/district';
import { cellText, headRows, type TableSpec } from '$lib/export/table-spec';
import { translator, type Locale } from '$lib/i18n';
import { formatPercent, formatWon } from '$lib/i18n/format';
import type { DistrictReport } from './district-report';
import { reportFindings } from './findings';
import { REPORT_CHART_SIZE, reportChart } from './report-chart';
import { reportTables } from './report-tables';

export interface ReportDocxOptions {
	locale: Locale;
	external: ExternalSource;
	/** The page's filters in words, printed under every district's title. */
	filterSummary: string;
	/** The day it was made, as the page writes it. */
	date: string;
	/** Each district's chart as PNG (drawn in the browser), by district code; none: tables only. */
	charts?: ReadonlyMap<string, Uint8Array>;
}

/** A4 in twentieths of a point, with 20 mm margins: what a 결과보고 page is. */
const A4 = { width: 11906, height: 16838, margin: 1134 };
/** 맑은 고딕: the Korean Windows default, which Word and 한글 both have. */
const FONT = 'Malgun Gothic';

/** The reports as a Word document, one district to a page. */
export function reportDocument(
	reports: readonly DistrictReport[],
	options: ReportDocxOptions
): Document {
	const { locale } = options;
	const t = translator(locale);
	const tables = reportTables(locale, options.external);
	const external = t(`external.${options.external}`);
	/** The district's chart, with its figures in words as the image's description. */
	const chart = (report: DistrictReport): Paragraph[] => {
		const png = options.charts?.get(report.district.code);
		if (!png) return [];
		const { description } = reportChart(report, locale);
		return [
			new Paragraph({
				children: [
					new ImageRun({
						type: 'png',
						data: png,
						transformation: REPORT_CHART_SIZE,
						altText: { name: t('report.byYear'), title: t('report.byYear'), description }
					})
				]
			})
		];
	};
	return new Document({
		creator: t('app.title'),
		title: t('views.report'),
		styles: { default: { document: { run: { font: FONT, size: 20 } } } },
		sections: reports.map((report) => ({
			properties: {
				page: {
					size: { width: A4.width, height: A4.height },
					margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin }
				}
			},
			children: [
				new Paragraph({
					heading: HeadingLevel.HEADING_1,
					children: [
						new TextRun(
							t('report.title', {
								district: localName(locale, report.district.labelKo, report.district.labelEn)
							})
						)
					]
				}),
				small(
					`${t('report.filters', { filters: options.filterSummary, external })} · ${t(
						'print.generated',
						{ date: options.date }
					)}`
				),
				heading(t('report.findingsTitle')),
				...reportFindings(report, locale).map(
					(sentence) => new Paragraph({ text: sentence, bullet: { level: 0 } })
				),
				heading(t('report.headline')),
				table(tables.headline(report)),
				heading(t('report.gapTitle')),
				new Paragraph(tables.gap(report)),
				heading(t('report.byYear')),
				...chart(report),
				table(tables.years(report)),
				heading(t('report.areasTitle')),
				table(tables.areas(report)),
				heading(t('report.budgetTitle')),
				...(report.budget
					? [
							new Paragraph(
								`${t('headline.budgetNote', {
									planned: formatWon(report.budget.planned, locale),
									spent: formatWon(report.budget.spent, locale)
								})} · ${t('budget.rate')} ${formatPercent(report.budget.rate, locale)}`
							),
							...(report.budget.flagged.length
								? [small(t('report.flaggedTitle')), table(tables.flagged(report.budget.flagged))]
								: [new Paragraph(t('report.noFlagged'))])
						]
					: [new Paragraph(t('report.finding.noBudget'))]),
				small(t('report.methods'))
			]
		}))
	});
}

function heading(text: string): Paragraph {
	return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
}

function small(text: string): Paragraph {
	return new Paragraph({ children: [new TextRun({ text, size: 16, color: '555555' })] });
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

/** A page table as a Word table: its heading row, then its rows as the page writes them. */
function table<Row>(spec: TableSpec<Row>): Table {
	const [head] = headRows(spec.columns);
	const cell = (text: string, header: boolean, figure: boolean) =>
		new TableCell({
			borders: { top: LINE, bottom: LINE, left: LINE, right: LINE },
			children: [
				new Paragraph({
					alignment: figure ? AlignmentType.RIGHT : AlignmentType.LEFT,
					children: [new TextRun({ text, bold: header })]
				})
			]
		});
	// The first column names the row; the others are figures unless they are words.
	const isFigure = (index: number) => index > 0 && !spec.columns[index]?.words;
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({
				tableHeader: true,
				children: (head ?? []).map((heading, index) => cell(heading.label, true, isFigure(index)))
			}),
			...spec.rows.map(
				(row) =>
					new TableRow({
						children: spec.columns.map((column, index) =>
							cell(cellText(column, row), index === 0, isFigure(index))
						)
					})
			)
		]
	});
}
