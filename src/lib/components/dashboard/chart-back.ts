import type { Translate } from '$lib/i18n';
import { goUpTo, withFilters } from '$lib/url-state/transitions';
import { LEVELS, type UrlState } from '$lib/url-state/url-state';

/** The way back from what a click on a chart chose, shown beside the chart's title. */
export interface ChartBack {
	/** The words on the link, after its arrow: "자치구별". */
	label: string;
	/** What a screen reader hears: "자치구별(으)로 돌아가기". */
	name: string;
	onBack: () => void;
}

/** For a chart whose click drills down: one level up, once below the districts. */
export function backFromDrill(
	state: UrlState,
	t: Translate,
	change: (next: UrlState) => void
): ChartBack | null {
	const depth = LEVELS.indexOf(state.level);
	const above = LEVELS[depth - 1];
	if (above === undefined) return null;
	const label = t(`level.${above}`);
	return {
		label,
		name: t('level.up', { level: label }),
		onBack: () => change(goUpTo(state, above))
	};
}

/** For a chart whose click keeps one district: every district again, once some are chosen. */
export function backFromDistrict(
	state: UrlState,
	t: Translate,
	change: (next: UrlState) => void
): ChartBack | null {
	if (state.filters.districts.length === 0) return null;
	const label = t('chart.allDistricts');
	return {
		label,
		name: t('level.up', { level: label }),
		onBack: () => change(withFilters(state, { ...state.filters, districts: [] }))
	};
}
