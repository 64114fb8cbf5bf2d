import { districtLabel } from '$lib/domain/district';
import type { BlandAltman } from '$lib/analysis/agreement';
import type { ClusteredBias } from '$lib/analysis/bias';
import { executionFlag } from '$lib/analysis/budget';
import { gapDirection } from '$lib/analysis/trend-reading';
import type { GroupScores } from '$lib/analysis/totals';
import { formatNumber, formatPercent, formatPoints, formatSignedPoints } from '$lib/i18n/format';
import type {
	BudgetDistrictYear,
	DistrictRef,
	GapMatrix,
	ScoreMoneyPoint,
	DistrictTrends
} from '$lib/views/models';
import { translate, type Locale } from '$lib/i18n';
import { groupLabel } from './options/score-dumbbell';

/** The score-gap chart's main finding, as one or two sentences for screen readers. */
export function describeScoreGaps(
	districts: readonly GroupScores[],
	rowsLabel: string,
	locale: Locale
): string {
	const withGap = districts.filter((district) => district.gap !== null);
	if (districts.length === 0) return translate(locale, 'gapChart.descriptionEmpty');
	const widest = withGap.reduce<GroupScores | null>(
		(best, district) =>
			best === null || Math.abs(district.gap!) > Math.abs(best.gap!) ? district : best,
		null
	);
	return translate(locale, 'gapChart.description', {
		rows: rowsLabel,
		count: formatNumber(districts.length, locale),
		lower: formatNumber(withGap.filter((d) => d.gap! < 0).length, locale),
		higher: formatNumber(withGap.filter((d) => d.gap! > 0).length, locale),
		widest: widest ? groupLabel(widest, locale) : translate(locale, 'units.missing'),
		widestGap: widest ? formatSignedPoints(widest.gap, locale) : translate(locale, 'units.missing')
	});
}

/** The heatmap's finding: how many cells each way, and the extremes. */
export function describeGapMatrix(matrix: GapMatrix, rowsLabel: string, locale: Locale): string {
	if (matrix.cells.length === 0) return translate(locale, 'gapChart.descriptionEmpty');
	const sorted = [...matrix.cells].sort((a, b) => a.gap - b.gap);
	const name = (cell: GapMatrix['cells'][number]) => {
		const column = matrix.columns[cell.column];
		const district = column ? districtLabel(column, locale) : '';
		return `${district} ${matrix.rows[cell.row] ?? ''}`;
	};
	const lowest = sorted[0]!;
	const highest = sorted[sorted.length - 1]!;
	return translate(locale, 'gap.heatmapDescription', {
		rows: rowsLabel,
		rowCount: formatNumber(matrix.rows.length, locale),
		columnCount: formatNumber(matrix.columns.length, locale),
		negative: formatNumber(matrix.cells.filter((cell) => cell.gap < 0).length, locale),
		positive: formatNumber(matrix.cells.filter((cell) => cell.gap > 0).length, locale),
		lowest: name(lowest),
		lowestGap: formatSignedPoints(lowest.gap, locale),
		highest: name(highest),
		highestGap: formatSignedPoints(highest.gap, locale)
	});
}

/** The bias as the sentence the report would print. */
export function describeBias(
	bias: ClusteredBias | null,
	externalLabel: string,
	locale: Locale
): string {
	if (!bias) return translate(locale, 'gap.biasNone');
	const clusters = translate(
		locale,
		bias.cluster === 'district' ? 'gap.biasClustersDistrict' : 'gap.biasClustersYear',
		{ n: formatNumber(bias.n, locale) }
	);
	const units = formatNumber(bias.units, locale);
	// An interval that holds 0 cannot say which way the difference goes: it is stated signed.
	if (bias.lower <= 0 && bias.upper >= 0) {
		const signed = (value: number) =>
			`${value < 0 ? '−' : value > 0 ? '+' : ''}${formatNumber(Math.abs(value), locale, 1)}`;
		return translate(locale, 'gap.biasUnclear', {
			external: externalLabel,
			gap: signed(bias.mean),
			lower: signed(bias.lower),
			upper: signed(bias.upper),
			clusters,
			units
		});
	}
	// Otherwise as magnitudes in the direction of the sentence: "4.8–7.6점 낮습니다".
	const lower = bias.mean < 0;
	const [from, to] = lower ? [-bias.upper, -bias.lower] : [bias.lower, bias.upper];
	return translate(locale, lower ? 'gap.biasLower' : 'gap.biasHigher', {
		external: externalLabel,
		gap: formatNumber(Math.abs(bias.mean), locale, 1),
		lower: formatNumber(from, locale, 1),
		upper: formatNumber(to, locale, 1),
		clusters,
		units
	});
}

/** The Bland–Altman chart's finding. */
export function describeBlandAltman(ba: BlandAltman | null, locale: Locale): string {
	if (!ba) return translate(locale, 'gap.baNone');
	return translate(locale, 'gap.baDescription', {
		n: formatNumber(ba.n, locale),
		bias: formatSignedPoints(ba.bias, locale),
		lower: formatSignedPoints(ba.lowerLimit, locale),
		upper: formatSignedPoints(ba.upperLimit, locale)
	});
}

/** The budget execution chart's finding: overall rate, lowest and highest district. */
export function describeBudgetExecution(
	districts: readonly {
		district: DistrictRef;
		planned: number;
		spent: number;
		rate: number | null;
	}[],
	locale: Locale
): string {
	const rated = districts.filter((d) => d.rate !== null).sort((a, b) => a.rate! - b.rate!);
	if (rated.length === 0) return translate(locale, 'gapChart.descriptionEmpty');
	const planned = districts.reduce((sum, d) => sum + d.planned, 0);
	const spent = districts.reduce((sum, d) => sum + d.spent, 0);
	const label = (d: DistrictRef) => districtLabel(d, locale);
	return translate(locale, 'budget.executionDescription', {
		count: formatNumber(districts.length, locale),
		rate: formatPercent(planned > 0 ? spent / planned : null, locale),
		lowest: label(rated[0]!.district),
		lowestRate: formatPercent(rated[0]!.rate, locale),
		highest: label(rated[rated.length - 1]!.district),
		highestRate: formatPercent(rated[rated.length - 1]!.rate, locale)
	});
}

/** The execution-rate chart's finding: how many district-years are under 80% or over 100%. */
export function describeExecutionRates(
	rows: readonly BudgetDistrictYear[],
	locale: Locale
): string {
	return translate(locale, 'budget.rateDescription', {
		count: formatNumber(rows.length, locale),
		under: formatNumber(rows.filter((r) => executionFlag(r.rate) === 'under').length, locale),
		over: formatNumber(rows.filter((r) => executionFlag(r.rate) === 'over').length, locale)
	});
}

/** The score-against-money chart's finding, with Pearson's r. */
export function describeScoreMoney(
	points: readonly ScoreMoneyPoint[],
	externalLabel: string,
	locale: Locale
): string {
	const r = pearson(points.map((p) => [p.spent, p.score] as const));
	return translate(locale, 'budget.moneyDescription', {
		count: formatNumber(points.length, locale),
		external: externalLabel,
		r: r === null ? translate(locale, 'units.missing') : formatNumber(r, locale, 2)
	});
}

function pearson(pairs: readonly (readonly [number, number])[]): number | null {
	const n = pairs.length;
	if (n < 3) return null;
	const mx = pairs.reduce((s, [x]) => s + x, 0) / n;
	const my = pairs.reduce((s, [, y]) => s + y, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (const [x, y] of pairs) {
		sxy += (x - mx) * (y - my);
		sxx += (x - mx) ** 2;
		syy += (y - my) ** 2;
	}
	return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** The trend chart's finding: the largest rise and fall from the first year to the last. */
export function describeTrend(trend: DistrictTrends, locale: Locale): string {
	const changes = trend.districts.flatMap((d) => {
		const present = d.totals.filter((v) => v !== null);
		return present.length >= 2 ? [{ d, delta: present[present.length - 1]! - present[0]! }] : [];
	});
	if (changes.length === 0) return describeOneYear(trend, locale);
	changes.sort((a, b) => b.delta - a.delta);
	const label = (d: DistrictRef) => districtLabel(d, locale);
	const up = changes[0]!;
	const down = changes[changes.length - 1]!;
	return translate(locale, 'trend.linesDescription', {
		count: formatNumber(trend.districts.length, locale),
		first: String(trend.years[0] ?? ''),
		last: String(trend.years[trend.years.length - 1] ?? ''),
		up: label(up.d.district),
		upDelta: formatSignedPoints(up.delta, locale),
		down: label(down.d.district),
		downDelta: formatSignedPoints(down.delta, locale)
	});
}

/**
 * One year chosen: the chart draws that year's points, so the words say who stands highest and
 * lowest in it (and how to see a trend), not that there is nothing to show.
 */
function describeOneYear(trend: DistrictTrends, locale: Locale): string {
	const totals = trend.districts.flatMap((d) => {
		const total = d.totals.find((v) => v !== null);
		return total === undefined || total === null ? [] : [{ d, total }];
	});
	if (totals.length === 0 || trend.years.length !== 1) {
		return translate(locale, 'gapChart.descriptionEmpty');
	}
	totals.sort((a, b) => b.total - a.total);
	const top = totals[0]!;
	const bottom = totals[totals.length - 1]!;
	return translate(locale, 'trend.linesOneYear', {
		year: String(trend.years[0]),
		count: formatNumber(totals.length, locale),
		top: districtLabel(top.d.district, locale),
		topTotal: formatPoints(top.total, locale),
		bottom: districtLabel(bottom.d.district, locale),
		bottomTotal: formatPoints(bottom.total, locale)
	});
}

/** The bump chart's finding: who ranks first in the last year. */
export function describeRanks(trend: DistrictTrends, locale: Locale): string {
	const lastIndex = trend.years.length - 1;
	const top = trend.districts.filter((d) => d.ranks[lastIndex] === 1);
	if (top.length === 0) return translate(locale, 'gapChart.descriptionEmpty');
	return translate(locale, 'trend.bumpDescription', {
		last: String(trend.years[lastIndex]),
		top: top.map((d) => districtLabel(d.district, locale)).join(', ')
	});
}

/** The gap-trend chart's finding: how many districts' gaps close, widen or stay. */
export function describeGapTrend(trend: DistrictTrends, locale: Locale): string {
	const count = (direction: string) =>
		formatNumber(trend.districts.filter((d) => gapDirection(d) === direction).length, locale);
	return translate(locale, 'trend.gapDescription', {
		closing: count('closing'),
		widening: count('widening'),
		unclear: count('unclear')
	});
}
