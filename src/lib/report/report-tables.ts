// A district report's tables as data (TableSpec): the page renders them with DataTable and the
// .docx writes the same specs, so the two cannot disagree on a number.
import { EVALUATOR_TYPES, type ExternalSource } from '$lib/domain/evaluation';
import type { TableSpec } from '$lib/export/table-spec';
import { translator, type Locale } from '$lib/i18n';
import { formatPercent, formatPoints, formatSignedPoints, formatWon } from '$lib/i18n/format';
import type { BudgetLineRow } from '$lib/query/budget';
import type { DistrictReport } from './district-report';

/** The builders of a report's tables and its gap line, in one language. */
export function reportTables(locale: Locale, externalSource: ExternalSource) {
	const t = translator(locale);
	const external = t(`external.${externalSource}`);
	const points = { unit: t('unit.points'), digits: 1 };

	function headlineTable(
		report: DistrictReport
	): TableSpec<'self' | 'official' | 'expert' | 'external'> {
		return {
			caption: t('report.headline'),
			hiddenCaption: true,
			columns: [
				{
					label: t('field.evaluator_type'),
					value: (source) =>
						source === 'external'
							? `${t('provenance.external')} (${external})`
							: t(`evaluator.${source}`)
				},
				{
					label: t('trend.total'),
					...points,
					value: (source) => report.totals[source].value,
					text: (source) => formatPoints(report.totals[source].value, locale)
				},
				{
					label: t('trend.rank'),
					value: (source) => report.totals[source].rank,
					text: (source) =>
						report.totals[source].rank === null
							? t('units.missing')
							: t('report.rank', { rank: report.totals[source].rank!, count: report.districtCount })
				}
			],
			rows: [...EVALUATOR_TYPES, 'external'],
			key: (source) => source,
			testid: 'report-headline'
		};
	}

	function yearTable(report: DistrictReport): TableSpec<number> {
		const entry = (year: number) => report.byYear.find((row) => row.year === year);
		return {
			caption: t('report.byYear'),
			hiddenCaption: true,
			columns: [
				{ label: t('table.year'), value: (year) => year },
				...EVALUATOR_TYPES.map((source) => ({
					label: t(`evaluator.${source}`),
					...points,
					value: (year: number) => entry(year)?.scores[source] ?? null,
					text: (year: number) =>
						entry(year) ? formatPoints(entry(year)!.scores[source], locale) : t('report.noYear')
				}))
			],
			rows: report.years,
			key: (year) => year,
			testid: 'report-years'
		};
	}

	function areaTable(report: DistrictReport): TableSpec<DistrictReport['areas'][number]> {
		return {
			caption: t('report.areasTitle'),
			hiddenCaption: true,
			columns: [
				{ label: t('gap.rowHead.area'), value: (area) => area.area, words: true },
				{
					label: `${t('provenance.external')} (${external})`,
					...points,
					value: (area) => area.external,
					text: (area) => formatPoints(area.external, locale)
				},
				{
					label: t('evaluator.self'),
					...points,
					value: (area) => area.self,
					text: (area) => formatPoints(area.self, locale)
				}
			],
			rows: report.areas,
			key: (area) => area.area,
			testid: 'report-areas'
		};
	}

	function flaggedTable(lines: readonly BudgetLineRow[]): TableSpec<BudgetLineRow> {
		const won = (key: 'planned' | 'spent') => ({
			label: t(key === 'planned' ? 'budget.planned' : 'budget.spent'),
			unit: t('unit.won'),
			value: (line: BudgetLineRow) => line[key],
			text: (line: BudgetLineRow) => formatWon(line[key], locale)
		});
		return {
			caption: t('report.flaggedTitle'),
			hiddenCaption: true,
			columns: [
				{ label: t('budget.col.year'), value: (line) => line.year },
				{
					label: t('budget.col.item'),
					value: (line) => `${line.program} · ${line.item}`,
					words: true
				},
				won('planned'),
				won('spent'),
				{
					label: t('budget.rate'),
					value: (line) => line.spent / line.planned,
					text: (line) => formatPercent(line.planned > 0 ? line.spent / line.planned : null, locale)
				}
			],
			rows: lines,
			key: (_, index) => index,
			testid: 'report-flagged'
		};
	}

	function gapText(report: DistrictReport): string {
		const { gap } = report;
		if (gap) {
			return t('report.gapInterval', {
				gap: formatSignedPoints(gap.mean, locale),
				lower: formatSignedPoints(gap.lower, locale),
				upper: formatSignedPoints(gap.upper, locale),
				n: gap.n
			});
		}
		return report.gapValue === null
			? t('units.missing')
			: t('report.gapNoInterval', { gap: formatSignedPoints(report.gapValue, locale) });
	}

	return {
		headline: headlineTable,
		years: yearTable,
		areas: areaTable,
		flagged: flaggedTable,
		gap: gapText
	};
}
