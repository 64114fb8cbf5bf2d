import type { DistrictScores } from '$lib/analysis/totals';
import { formatNumber, formatSignedPoints } from '$lib/i18n/format';
import { translate, type Locale } from '$lib/i18n';
import { districtLabel } from './options/score-dumbbell';

/** The score-gap chart's main finding, as one or two sentences for screen readers. */
export function describeScoreGaps(districts: readonly DistrictScores[], locale: Locale): string {
	const withGap = districts.filter((district) => district.gap !== null);
	if (districts.length === 0) return translate(locale, 'gapChart.descriptionEmpty');
	const widest = withGap.reduce<DistrictScores | null>(
		(best, district) =>
			best === null || Math.abs(district.gap!) > Math.abs(best.gap!) ? district : best,
		null
	);
	return translate(locale, 'gapChart.description', {
		count: formatNumber(districts.length, locale),
		lower: formatNumber(withGap.filter((d) => d.gap! < 0).length, locale),
		higher: formatNumber(withGap.filter((d) => d.gap! > 0).length, locale),
		widest: widest ? districtLabel(widest, locale) : translate(locale, 'units.missing'),
		widestGap: widest ? formatSignedPoints(widest.gap, locale) : translate(locale, 'units.missing')
	});
}
