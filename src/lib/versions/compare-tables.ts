// The comparison's tables as data (TableSpec): rendered by DataTable, downloadable as CSV by the
// same spec.
import type { EvaluatorType } from '$lib/domain/evaluation';
import { rowDistrictName } from '$lib/domain/district';
import type { TableColumn, TableSpec } from '$lib/export/table-spec';
import { translator, type Locale } from '$lib/i18n';
import { formatPercent, formatPoints, formatSignedPoints, formatWon } from '$lib/i18n/format';
import type { ChangedRow, ComparedRow, MovedFigure } from './compare';

/** The figures that moved: district, year, which figure, before → after, the difference. */
export function movedFiguresTable(
	figures: readonly MovedFigure[],
	locale: Locale
): TableSpec<MovedFigure> {
	const t = translator(locale);
	const value = (figure: MovedFigure, number: number | null) =>
		figure.figure === 'rate'
			? formatPercent(number, locale)
			: figure.figure === 'gap'
				? formatSignedPoints(number, locale)
				: formatPoints(number, locale);
	const difference = (figure: MovedFigure) => {
		if (figure.difference === null) return t('units.missing');
		if (figure.figure !== 'rate') return formatSignedPoints(figure.difference, locale);
		// A rate's change in percentage points, signed as the gaps are.
		const points = formatSignedPoints(figure.difference * 100, locale);
		return locale === 'ko' ? points.replace('점', '%p') : points.replace(' pts', ' pp');
	};
	return {
		caption: t('compare.figuresTitle'),
		columns: [
			{ label: t('table.district'), value: (figure) => rowDistrictName(figure, locale) },
			{ label: t('table.year'), value: (figure) => figure.year },
			{
				label: t('compare.figure'),
				value: (figure) =>
					figure.figure === 'total'
						? t('compare.figure.total', { source: t(`evaluator.${figure.source!}`) })
						: t(`compare.figure.${figure.figure}`),
				words: true
			},
			{
				label: t('compare.beforeValue'),
				value: (figure) => figure.before,
				text: (figure) => value(figure, figure.before)
			},
			{
				label: t('compare.afterValue'),
				value: (figure) => figure.after,
				text: (figure) => value(figure, figure.after)
			},
			{
				label: t('compare.difference'),
				value: (figure) => figure.difference,
				text: difference
			}
		],
		rows: figures,
		key: (figure) => `${figure.figure}:${figure.source}:${figure.district_code}:${figure.year}`,
		testid: 'moved-figures'
	};
}

type Kind = 'evaluations' | 'budget';

/** The key columns of a compared row, as staff name them. */
function keyColumns<Row extends { key: ComparedRow['key']; name_ko: string; name_en: string }>(
	kind: Kind,
	locale: Locale
): TableColumn<Row>[] {
	const t = translator(locale);
	const text = (column: string) => (row: Row) => row.key[column] ?? null;
	const shared: TableColumn<Row>[] = [
		{ label: t('table.district'), value: (row) => rowDistrictName(row, locale) },
		{ label: t('table.year'), value: text('year') }
	];
	return kind === 'evaluations'
		? [
				...shared,
				{
					label: t('field.evaluator_type'),
					value: (row) => t(`evaluator.${row.key.evaluator_type as EvaluatorType}`)
				},
				{ label: t('field.evaluator_id'), value: text('evaluator_id') },
				{ label: t('field.area'), value: text('area'), words: true },
				{ label: t('field.indicator'), value: text('indicator'), words: true }
			]
		: [
				...shared,
				{ label: t('field.program'), value: text('program'), words: true },
				{ label: t('field.item'), value: text('item'), words: true },
				{ label: t('field.budget_code'), value: text('budget_code') }
			];
}

/** The compared values of a kind: score and 배점, or planned and spent. */
function valueColumns(kind: Kind, locale: Locale) {
	const t = translator(locale);
	const format = (number: number | undefined) =>
		number === undefined
			? t('units.missing')
			: kind === 'budget'
				? formatWon(number, locale)
				: String(number);
	return (kind === 'evaluations' ? ['score', 'max_score'] : ['planned', 'spent']).map((column) => ({
		column,
		label: t(`field.${column as 'score'}`),
		format
	}));
}

/** Rows added or removed, with their values. */
export function comparedRowsTable(
	rows: readonly ComparedRow[],
	kind: Kind,
	caption: string,
	locale: Locale,
	testid: string
): TableSpec<ComparedRow> {
	return {
		caption,
		columns: [
			...keyColumns<ComparedRow>(kind, locale),
			...valueColumns(kind, locale).map(({ column, label, format }): TableColumn<ComparedRow> => ({
				label,
				value: (row) => row.values[column] ?? null,
				text: (row) => format(row.values[column])
			}))
		],
		rows,
		key: (_, index) => index,
		testid
	};
}

/** Rows changed: each compared value before → after. */
export function changedRowsTable(
	rows: readonly ChangedRow[],
	kind: Kind,
	caption: string,
	locale: Locale,
	testid: string
): TableSpec<ChangedRow> {
	const t = translator(locale);
	return {
		caption,
		columns: [
			...keyColumns<ChangedRow>(kind, locale),
			...valueColumns(kind, locale).map(({ column, label, format }): TableColumn<ChangedRow> => ({
				label,
				value: (row) => `${row.before[column]} → ${row.after[column]}`,
				text: (row) =>
					row.before[column] === row.after[column]
						? format(row.after[column])
						: t('compare.change', {
								before: format(row.before[column]),
								after: format(row.after[column])
							}),
				csv: [
					{
						label: `${label} (${t('compare.beforeValue')})`,
						value: (row) => row.before[column] ?? null
					},
					{
						label: `${label} (${t('compare.afterValue')})`,
						value: (row) => row.after[column] ?? null
					}
				]
			}))
		],
		rows,
		key: (_, index) => index,
		testid
	};
}
