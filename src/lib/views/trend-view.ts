import { buildDistrictTrends } from '$lib/analysis/district-trends';
import { findRubricChanges } from '$lib/analysis/rubric';
import { totalsOf } from '$lib/analysis/unit-totals';
import type { Engine } from '$lib/engine/types';
import { queryUnitScores } from '$lib/query/scores';
import { withEveryDistrict } from '$lib/query/filters';
import type { UrlState } from '$lib/url-state/url-state';
import type { TrendView } from './models';

/**
 * Everything the trend view shows. Every district is loaded, whatever the district filter:
 * the chosen districts are highlighted against the others, which stay as grey context.
 * The other filters (years, evaluators, areas, indicators) apply as everywhere.
 */
export async function loadTrendView(engine: Engine, state: UrlState): Promise<TrendView> {
	const filters = withEveryDistrict(state.filters);
	// Each unit scored under the filters is an indicator of its district's rubric that year,
	// matched or not.
	const units = await queryUnitScores(engine, filters);
	return {
		...buildDistrictTrends(
			totalsOf(units, ['district', 'year']),
			state.trendSource,
			state.external
		),
		rubricChanges: findRubricChanges(units)
	};
}
