// The dialog's tables as data (TableSpec): the page renders them with DataTable and the rows'
// CSV download exports the same spec, so what is shown and what is downloaded cannot drift.
import { EVALUATOR_TYPES, type ExternalSource } from '$lib/domain/evaluation';
import { rowDistrictName } from '$lib/domain/district';
import type { TableColumn, TableSpec } from '$lib/export/table-spec';
import { intlLocale, translator, type Locale } from '$lib/i18n';
import { formatNumber, formatPoints, formatSignedPoints, formatWon } from '$lib/i18n/format';
import type { BudgetSourceRow } from './budget-provenance';
import type {
	BiasCluster,
	GapDistrict,
	ProvenanceCell,
	ProvenanceRow,
	TracedRow
} from './score-provenance';
import type { SourceFile } from './source-files';

/** How the rows' files are named, and the original text of their lines where it is at hand. */
export interface RowSources {
	fileName: (fileId: string) => string;
	/** The line's text before normalization (see sourceLines); undefined where unknown. */
	original: (fileId: string, line: number) => string | undefined;
}

/** The district × year cells of a score: the sums that make each. */
export function cellsTable(
	cells: readonly ProvenanceCell[],
	locale: Locale
): TableSpec<ProvenanceCell> {
	const t = translator(locale);
	const sum = (
		value: (cell: ProvenanceCell) => number
	): Pick<TableColumn<ProvenanceCell>, 'value' | 'text'> => ({
		value,
		text: (cell) =>
			new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(value(cell))
	});
	return {
		caption: t('provenance.cellsTitle'),
		columns: [
			{ label: t('table.district'), value: (cell) => rowDistrictName(cell, locale) },
			{ label: t('table.year'), value: (cell) => cell.year },
			{ label: t('provenance.scoreSum'), ...sum((cell) => cell.score_sum) },
			{ label: t('provenance.maxSum'), ...sum((cell) => cell.max_sum) },
			{ label: t('provenance.units'), value: (cell) => cell.units },
			{
				label: t('provenance.cellValue'),
				unit: t('unit.points'),
				digits: 1,
				value: (cell) => cell.value,
				text: (cell) => formatPoints(cell.value, locale)
			}
		],
		rows: cells,
		key: (cell) => `${cell.evaluator_type}:${cell.district_code}:${cell.year}`,
		testid: 'provenance-cells'
	};
}

/** Each district's part in a gap or an external score: the sources, the external, the gap. */
export function gapDistrictsTable(
	districts: readonly GapDistrict[],
	external: ExternalSource,
	locale: Locale
): TableSpec<GapDistrict> {
	const t = translator(locale);
	const shown = EVALUATOR_TYPES.filter(
		(type) => type === 'self' || external === 'mean' || type === external
	);
	return {
		caption: t('provenance.districtsTitle'),
		columns: [
			{ label: t('table.district'), value: (district) => rowDistrictName(district, locale) },
			...shown.map((type): TableColumn<GapDistrict> => ({
				label: t(`evaluator.${type}`),
				unit: t('unit.points'),
				digits: 1,
				value: (district) => district.scores[type],
				text: (district) => formatPoints(district.scores[type], locale)
			})),
			{
				label: `${t('provenance.external')} (${t(`external.${external}`)})`,
				unit: t('unit.points'),
				digits: 1,
				value: (district) => district.external,
				text: (district) => formatPoints(district.external, locale)
			},
			{
				label: t('provenance.gap'),
				unit: t('unit.points'),
				digits: 1,
				value: (district) => district.gap,
				text: (district) => formatSignedPoints(district.gap, locale)
			}
		],
		rows: districts,
		key: (district) => district.district_code,
		testid: 'provenance-districts'
	};
}

/** The observations of the gap's interval: each district (or year) and its mean yearly gap. */
export function clustersTable(
	clusters: readonly BiasCluster[],
	locale: Locale
): TableSpec<BiasCluster> {
	const t = translator(locale);
	const byYear = clusters[0]?.year !== null && clusters.length > 0;
	return {
		caption: t('provenance.clustersTitle'),
		columns: [
			byYear
				? { label: t('table.year'), value: (cluster) => cluster.year }
				: { label: t('table.district'), value: (cluster) => rowDistrictName(cluster, locale) },
			{
				label: t('provenance.yearlyGaps'),
				value: (cluster) => cluster.gaps.join(' '),
				text: (cluster) => cluster.gaps.map((gap) => formatSignedPoints(gap, locale)).join(', '),
				words: true
			},
			{
				label: t('provenance.gap'),
				unit: t('unit.points'),
				digits: 1,
				value: (cluster) => cluster.gap,
				text: (cluster) => formatSignedPoints(cluster.gap, locale)
			}
		],
		rows: clusters,
		key: (cluster) => `${cluster.district_code}:${cluster.year}`,
		testid: 'provenance-clusters'
	};
}

/** The files behind a figure, with how many of its rows each gave. */
export function filesTable(
	files: readonly (SourceFile & { rowsHere: number })[],
	locale: Locale
): TableSpec<SourceFile & { rowsHere: number }> {
	const t = translator(locale);
	const time = new Intl.DateTimeFormat(intlLocale(locale), {
		dateStyle: 'medium',
		timeStyle: 'short'
	});
	return {
		caption: t('provenance.filesTitle'),
		columns: [
			{ label: t('provenance.fileName'), value: (file) => file.name, words: true },
			{ label: t('provenance.kind'), value: (file) => t(`import.kind.${file.kind}`), words: true },
			{
				label: t('provenance.origin'),
				value: (file) => t(`provenance.origin.${file.origin}`),
				words: true
			},
			{
				label: t('provenance.hashPrefix'),
				value: (file) => file.hash.slice(0, 12),
				csv: [{ label: 'SHA-256', value: (file) => file.hash }]
			},
			{
				label: t('provenance.importedAt'),
				value: (file) => file.importedAt,
				text: (file) =>
					file.importedAt ? time.format(new Date(file.importedAt)) : t('provenance.shipped'),
				words: true
			},
			{ label: t('import.mode'), value: (file) => t(`import.mode.${file.mode}`), words: true },
			{
				label: t('provenance.rowsHere'),
				value: (file) => file.rowsHere,
				text: (file) => formatNumber(file.rowsHere, locale)
			}
		],
		rows: files,
		key: (file) => `${file.hash}:${file.kind}`,
		testid: 'provenance-files'
	};
}

/**
 * Source rows as a table: file and line, year and district, the kind's own values as imported,
 * and the line's original text. On the page the file is named; the CSV also gives its SHA-256.
 */
function sourceRowsTable<Row extends TracedRow>(
	rows: readonly Row[],
	fields: readonly TableColumn<Row>[],
	sources: RowSources,
	locale: Locale,
	caption: string
): TableSpec<Row> {
	const t = translator(locale);
	const fileName = (row: Row) => sources.fileName(row.file_id);
	const original = (row: Row) => sources.original(row.file_id, row.line);
	return {
		caption,
		columns: [
			{
				label: t('provenance.file'),
				value: fileName,
				words: true,
				csv: [
					{ label: t('provenance.file'), value: fileName },
					{ label: t('provenance.fileHash'), value: (row) => row.file_id }
				]
			},
			{ label: t('provenance.line'), value: (row) => row.line },
			{ label: t('field.year'), value: (row) => row.year },
			{ label: t('field.district'), value: (row) => rowDistrictName(row, locale) },
			...fields,
			{
				label: t('provenance.original'),
				value: (row) => original(row) ?? null,
				text: (row) => original(row) ?? t('provenance.noOriginal'),
				words: true
			}
		],
		rows,
		// Two sheets of one workbook can share line numbers: the position is the key.
		key: (_, index) => index,
		testid: 'provenance-rows'
	};
}

/** The evaluation rows behind a score, a gap or an external score. */
export function scoreRowsTable(
	rows: readonly ProvenanceRow[],
	sources: RowSources,
	locale: Locale,
	caption: string
): TableSpec<ProvenanceRow> {
	const t = translator(locale);
	return sourceRowsTable(
		rows,
		[
			{ label: t('field.evaluator_type'), value: (row) => t(`evaluator.${row.evaluator_type}`) },
			{ label: t('field.evaluator_id'), value: (row) => row.evaluator_id },
			{ label: t('field.area'), value: (row) => row.area, words: true },
			{ label: t('field.indicator'), value: (row) => row.indicator, words: true },
			{ label: t('field.score'), value: (row) => row.score },
			{ label: t('field.max_score'), value: (row) => row.max_score }
		],
		sources,
		locale,
		caption
	);
}

/** The budget lines behind a budget figure. */
export function budgetRowsTable(
	rows: readonly BudgetSourceRow[],
	sources: RowSources,
	locale: Locale,
	caption: string
): TableSpec<BudgetSourceRow> {
	const t = translator(locale);
	const won = (key: 'planned' | 'spent'): TableColumn<BudgetSourceRow> => ({
		label: t(`field.${key}`),
		unit: t('unit.won'),
		value: (row) => row[key],
		text: (row) => formatWon(row[key], locale)
	});
	return sourceRowsTable(
		rows,
		[
			{ label: t('field.program'), value: (row) => row.program, words: true },
			{ label: t('field.item'), value: (row) => row.item, words: true },
			{ label: t('field.budget_code'), value: (row) => row.budget_code },
			won('planned'),
			won('spent')
		],
		sources,
		locale,
		caption
	);
}
