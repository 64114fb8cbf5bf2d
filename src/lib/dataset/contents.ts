import type { Engine } from '$lib/engine/types';
import { FILTER_OPTION_QUERIES, type FilterOptionRows } from '$lib/query/scores';

/** What a loaded dataset holds: the values its filters offer and its row counts. */
export interface DatasetContents {
	options: FilterOptionRows;
	evaluationRows: number;
	budgetRows: number;
	/** Of those, the rows of the shipped (synthetic) sample. */
	sampleEvaluationRows: number;
	sampleBudgetRows: number;
}

/** Reads the filter values and row counts of the data in `engine`. */
export async function readContents(engine: Engine): Promise<DatasetContents> {
	const [years, districts, areas, indicators, counts] = await Promise.all([
		engine.query<{ year: number }>(FILTER_OPTION_QUERIES.years),
		engine.query<FilterOptionRows['districts'][number]>(FILTER_OPTION_QUERIES.districts),
		engine.query<{ area: string }>(FILTER_OPTION_QUERIES.areas),
		engine.query<FilterOptionRows['indicators'][number]>(FILTER_OPTION_QUERIES.indicators),
		engine.query<{
			evaluations: number;
			budget: number;
			sample_evaluations: number;
			sample_budget: number;
		}>(
			`WITH sample AS (SELECT file_id FROM sample_files)
			SELECT (SELECT count(*) FROM evaluations)::INTEGER AS evaluations,
				(SELECT count(*) FROM budget)::INTEGER AS budget,
				(SELECT count(*) FROM evaluations WHERE file_id IN (FROM sample))::INTEGER
					AS sample_evaluations,
				(SELECT count(*) FROM budget WHERE file_id IN (FROM sample))::INTEGER AS sample_budget`
		)
	]);
	return {
		options: {
			years: years.map((row) => row.year),
			districts,
			areas: areas.map((row) => row.area),
			indicators
		},
		evaluationRows: counts[0]?.evaluations ?? 0,
		budgetRows: counts[0]?.budget ?? 0,
		sampleEvaluationRows: counts[0]?.sample_evaluations ?? 0,
		sampleBudgetRows: counts[0]?.sample_budget ?? 0
	};
}
