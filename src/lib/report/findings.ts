import { formatPercent, formatPoints, formatWon } from '$lib/i18n/format';
import { translate, type Locale, type MessageKey } from '$lib/i18n';
import { localName } from '$lib/domain/district';
import type { DistrictReport } from './district-report';

/**
 * The main findings of a district's report in plain words: each sentence is a template of the
 * i18n layer filled with the report's own figures, formatted as the page shows them, so the
 * text holds no number the figures do not (the tests check every number in it).
 */
export function reportFindings(report: DistrictReport, locale: Locale): string[] {
	const t = (key: MessageKey, values: Record<string, string | number> = {}) =>
		translate(locale, key, values);
	const name = localName(locale, report.district.labelKo, report.district.labelEn);
	const sentences: string[] = [];
	const external = report.totals.external;
	if (external.value !== null && external.rank !== null) {
		sentences.push(
			t('report.finding.rank', {
				district: name,
				score: formatPoints(external.value, locale),
				rank: external.rank,
				count: report.districtCount
			})
		);
	} else {
		sentences.push(t('report.finding.noScores', { district: name }));
	}
	const gap = report.gap;
	if (gap) {
		const size = formatPoints(Math.abs(gap.mean), locale);
		const interval = {
			lower: formatPoints(gap.lower, locale),
			upper: formatPoints(gap.upper, locale)
		};
		if (gap.lower > 0 || gap.upper < 0) {
			sentences.push(
				t(gap.mean < 0 ? 'report.finding.selfLower' : 'report.finding.selfHigher', {
					size,
					...interval
				})
			);
		} else {
			sentences.push(t('report.finding.gapUnclear', { ...interval }));
		}
	} else if (report.gapValue !== null) {
		sentences.push(
			t('report.finding.gapOneYear', { gap: formatPoints(Math.abs(report.gapValue), locale) })
		);
	}
	const scored = report.areas.filter((area) => area.external !== null);
	if (scored.length >= 2) {
		const weakest = scored[0]!;
		const strongest = scored.at(-1)!;
		sentences.push(
			t('report.finding.areas', {
				weakest: weakest.area,
				weakestScore: formatPoints(weakest.external, locale),
				strongest: strongest.area,
				strongestScore: formatPoints(strongest.external, locale)
			})
		);
	}
	const budget = report.budget;
	if (budget) {
		sentences.push(
			t(budget.flagged.length ? 'report.finding.budgetFlagged' : 'report.finding.budget', {
				planned: formatWon(budget.planned, locale),
				spent: formatWon(budget.spent, locale),
				rate: formatPercent(budget.rate, locale),
				flagged: budget.flagged.length
			})
		);
	} else {
		sentences.push(t('report.finding.noBudget'));
	}
	if (report.missingYears.length > 0) {
		sentences.push(t('report.finding.missingYears', { years: report.missingYears.join(', ') }));
	}
	return sentences;
}
