import { buildDistrictTrends } from '$lib/analysis/district-trends';
import { findRubricChanges } from '$lib/analysis/rubric';
import type { Engine } from '$lib/engine/types';
import { buildRubricQuery, queryTotals, type RubricRow } from '$lib/query/scores';
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
	const rubric = buildRubricQuery(filters);
	const [rows, rubricRows] = await Promise.all([
		queryTotals(engine, filters, ['district', 'year']),
		engine.query<RubricRow>(rubric.sql, rubric.params)
	]);
	return {
		...buildDistrictTrends(rows, state.trendSource, state.external),
		rubricChanges: findRubricChanges(rubricRows)
	};
}
