import { executionFlag } from '$lib/analysis/budget';
import { groupLabel } from '$lib/charts/options/score-dumbbell';
import type { DistrictRef } from '$lib/domain/district';
import type { TableColumn } from '$lib/export/table-spec';
import { formatPercent, formatWon } from '$lib/i18n/format';
import { translator, type Locale } from '$lib/i18n';
import type { BudgetScope } from '$lib/provenance/budget-provenance';
import type { ProvenanceRequest } from '$lib/provenance/request';

type Money = { planned: number; spent: number; rate: number | null };

/** The budget lines a table row sums, and its name, for its figures' 출처. */
type RowScope<Row> = (row: Row) => { scope: BudgetScope; label: string };

/** The columns the budget view's tables share, in one locale. */
export function budgetColumns(locale: Locale) {
	const t = translator(locale);
	/** 집행 부진 or 초과 집행 for a rate outside 80–100%; '' inside. */
	const flagLabel = (rate: number | null) => {
		const flag = executionFlag(rate);
		return flag ? t(`budget.flag.${flag}`) : '';
	};
	/** A budget figure's 출처 request: the row's lines, the figure asked about. */
	const sourceOf =
		<Row>(
			scopeOf: RowScope<Row>,
			figure: 'planned' | 'spent' | 'rate',
			label: string,
			text: (row: Row) => string
		) =>
		(row: Row): ProvenanceRequest => {
			const { scope, label: rowLabel } = scopeOf(row);
			return { kind: 'budget', scope, figure, label: `${rowLabel} · ${label}`, text: text(row) };
		};
	/** An amount in whole 원: planned or spent. */
	const amount = <Row extends Partial<Record<'planned' | 'spent', number>>>(
		key: 'planned' | 'spent',
		scopeOf?: RowScope<Row>
	): TableColumn<Row> => {
		const label = t(key === 'planned' ? 'budget.planned' : 'budget.spent');
		const text = (row: Row) => formatWon(row[key] ?? null, locale);
		return {
			label,
			unit: t('unit.won'),
			digits: 0,
			value: (row) => row[key] ?? null,
			text,
			...(scopeOf ? { source: sourceOf(scopeOf, key, label, text) } : {})
		};
	};
	return {
		amount,
		district: <Row extends { district: DistrictRef }>(): TableColumn<Row> => ({
			label: t('budget.col.district'),
			value: (row) => groupLabel(row.district, locale)
		}),
		year: <Row extends { year: number }>(): TableColumn<Row> => ({
			label: t('budget.col.year'),
			value: (row) => row.year
		}),
		/**
		 * Planned and spent in 원, and the rate of the two as a percentage; `flagged` writes 집행 부진
		 * or 초과 집행 after a rate outside 80–100% (the CSV gets it as a column of its own).
		 */
		money: <Row extends Money>(flagged: boolean, scopeOf?: RowScope<Row>): TableColumn<Row>[] => {
			const percent = (r: Row) => (r.rate === null ? null : r.rate * 100);
			const rateText = (r: Row) => formatPercent(r.rate, locale);
			return [
				amount<Row>('planned', scopeOf),
				amount<Row>('spent', scopeOf),
				{
					label: t('budget.rate'),
					unit: t('unit.percent'),
					digits: 1,
					value: percent,
					text: rateText,
					...(scopeOf ? { source: sourceOf(scopeOf, 'rate', t('budget.rate'), rateText) } : {}),
					...(flagged
						? {
								flag: (r: Row) => flagLabel(r.rate),
								csv: [
									{ label: t('budget.rate'), unit: t('unit.percent'), digits: 1, value: percent },
									{ label: t('budget.col.flag'), value: (r: Row) => flagLabel(r.rate) }
								]
							}
						: {})
				}
			];
		}
	};
}
