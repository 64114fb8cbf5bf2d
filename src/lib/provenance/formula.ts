import { intlLocale, translate, type Locale } from '$lib/i18n';
import { formatNumber, formatPercent, formatWon } from '$lib/i18n/format';
import { meanWithTInterval } from '$lib/analysis/agreement';
import type { IccForm } from '$lib/analysis/icc';
import { tQuantile } from '$lib/analysis/distributions';
import { biasClusters, districtMeans } from './score-provenance';
import type { Provenance } from './request';

const upTo2 = new Map<Locale, Intl.NumberFormat>();

/** A sum as it is (up to two decimals: unit means are halves, thirds, quarters). */
function sumText(value: number, locale: Locale): string {
	let format = upTo2.get(locale);
	if (!format) {
		format = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 });
		upTo2.set(locale, format);
	}
	return format.format(value).replace('-', '\u2212');
}

/**
 * Each Shrout–Fleiss form in mean squares (Shrout & Fleiss 1979): notation, the same in every
 * language. MSR targets, MSC raters, MSE residual, MSW within targets.
 */
const ICC_EXPRESSIONS: Record<IccForm, string> = {
	'ICC(1,1)': '(MSR − MSW) ÷ (MSR + (k − 1)·MSW)',
	'ICC(2,1)': '(MSR − MSE) ÷ (MSR + (k − 1)·MSE + k·(MSC − MSE) ÷ n)',
	'ICC(3,1)': '(MSR − MSE) ÷ (MSR + (k − 1)·MSE)',
	'ICC(1,k)': '(MSR − MSW) ÷ MSR',
	'ICC(2,k)': '(MSR − MSE) ÷ (MSR + (MSC − MSE) ÷ n)',
	'ICC(3,k)': '(MSR − MSE) ÷ MSR'
};

const score = (value: number | null, locale: Locale) =>
	value === null ? translate(locale, 'units.missing') : formatNumber(value, locale, 1);

/** "(a + b + c) ÷ 3 = m", the terms as the page shows them. */
function meanText(values: readonly number[], mean: number | null, locale: Locale): string {
	const terms = values.map((value) => score(value, locale)).join(' + ');
	return `(${terms}) ÷ ${values.length} = ${score(mean, locale)}`;
}

/**
 * The formula of a traced figure with its numbers, as lines of text in the page's language:
 * the sums that make a single cell, then how cells make the figure (years averaged within a
 * district, then districts averaged), or the rate of two sums. Terms are rounded as the page
 * shows them; the figure is computed from the unrounded values.
 */
export function formulaLines(provenance: Provenance, locale: Locale): string[] {
	const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
		translate(locale, key, values);
	switch (provenance.kind) {
		case 'score': {
			const { cells, value } = provenance.trace;
			if (cells.length === 0) return [t('provenance.formula.none')];
			const lines: string[] = [];
			if (cells.length === 1) {
				const [cell] = cells;
				lines.push(
					t('provenance.formula.cell', {
						score: sumText(cell!.score_sum, locale),
						max: sumText(cell!.max_sum, locale),
						value: score(cell!.value, locale)
					})
				);
				return lines;
			}
			const means = districtMeans(cells);
			// Some district has several years: its figure is their mean first.
			if (cells.length > means.size) lines.push(t('provenance.formula.yearsMean'));
			if (means.size === 1) {
				lines.push(
					meanText(
						cells.map((cell) => cell.value),
						value,
						locale
					)
				);
			} else {
				lines.push(
					t('provenance.formula.districtsMean', {
						count: means.size,
						formula: meanText([...means.values()], value, locale)
					})
				);
			}
			return lines;
		}
		case 'bias': {
			const clusters = biasClusters(provenance.trace, provenance.request.external);
			const interval = meanWithTInterval(clusters.map((cluster) => cluster.gap));
			if (!interval) return [t('provenance.formula.biasNone')];
			const df = interval.n - 1;
			return [
				t(
					clusters[0]?.year === null
						? 'provenance.formula.biasDistricts'
						: 'provenance.formula.biasYears',
					{
						count: interval.n
					}
				),
				t('provenance.formula.biasMean', {
					mean: score(interval.mean, locale),
					sd: formatNumber(interval.sd, locale, 2)
				}),
				t('provenance.formula.biasInterval', {
					mean: score(interval.mean, locale),
					df,
					t: formatNumber(tQuantile(0.975, df), locale, 3),
					sd: formatNumber(interval.sd, locale, 2),
					n: interval.n,
					lower: score(interval.lower, locale),
					upper: score(interval.upper, locale)
				})
			];
		}
		case 'gap':
		case 'external': {
			const { districts } = provenance.trace;
			const gap = provenance.kind === 'gap';
			const values = districts.flatMap((district) => {
				const value = gap ? district.gap : district.external;
				return value === null ? [] : [value];
			});
			if (values.length === 0) return [t('provenance.formula.none')];
			const external = provenance.request.external;
			const lines = districts.length > 1 ? [] : districtLines();
			if (districts.length > 1) {
				const mean = values.reduce((a, b) => a + b, 0) / values.length;
				lines.push(
					t(gap ? 'provenance.formula.gapMean' : 'provenance.formula.externalMean', {
						count: values.length,
						formula: meanText(values, mean, locale)
					})
				);
			}
			return lines;

			/** One district: how its external score is formed, then its gap. */
			function districtLines(): string[] {
				const { scores, external: other, gap: difference } = districts[0]!;
				const externalLine =
					external === 'mean'
						? t('provenance.formula.externalOfBoth', {
								official: score(scores.official, locale),
								expert: score(scores.expert, locale),
								value: score(other, locale)
							})
						: t('provenance.formula.externalIs', {
								source: t(`evaluator.${external}`),
								value: score(other, locale)
							});
				const gapLine = t('provenance.formula.gap', {
					self: score(scores.self, locale),
					external: score(other, locale),
					value: score(difference, locale)
				});
				return gap ? [externalLine, gapLine] : [externalLine];
			}
		}
		case 'icc': {
			const { result } = provenance.request;
			const { rows: msr, columns: msc, error: mse, within: msw } = result.meanSquares;
			const three = (value: number) => formatNumber(value, locale, 3);
			return [
				t('provenance.formula.iccTargets', {
					n: formatNumber(result.n, locale),
					k: result.k,
					excluded: formatNumber(result.excluded, locale)
				}),
				t('provenance.formula.iccMeanSquares', {
					msr: three(msr),
					msc: three(msc),
					mse: three(mse),
					msw: three(msw)
				}),
				...result.estimates.map((estimate) =>
					t('provenance.formula.iccForm', {
						form: estimate.form,
						expression: ICC_EXPRESSIONS[estimate.form],
						value: three(estimate.value),
						lower: three(estimate.lower),
						upper: three(estimate.upper),
						f: formatNumber(estimate.f, locale, 2),
						df1: formatNumber(estimate.df1, locale),
						df2: formatNumber(estimate.df2, locale)
					})
				),
				t('provenance.formula.iccInterval')
			];
		}
		case 'budget': {
			const { planned, spent, rate, rowCount } = provenance.trace;
			return [
				t('provenance.formula.budgetSums', {
					planned: formatWon(planned, locale),
					spent: formatWon(spent, locale),
					count: rowCount
				}),
				t('provenance.formula.rate', {
					spent: formatWon(spent, locale),
					planned: formatWon(planned, locale),
					value: formatPercent(rate, locale)
				})
			];
		}
	}
}
