import { blandAltman, meanWithTInterval } from '$lib/analysis/agreement';
import { buildGapMatrix } from '$lib/analysis/gap-matrix';
import { computeIcc } from '$lib/analysis/icc';
import { byArea, byDistrict, byIndicator, pivotTotals, type GroupKey } from '$lib/analysis/totals';
import {
	evaluatorRatingMatrix,
	sourceRatingMatrix,
	unitGaps,
	unitPairs
} from '$lib/analysis/units';
import type { Engine } from '$lib/engine/types';
import {
	buildEvaluatorRatingsQuery,
	buildUnitScoresQuery,
	queryTotals,
	type EvaluatorRatingRow,
	type GroupColumn,
	type UnitScoreRow
} from '$lib/query/scores';
import type { Level, UrlState } from '$lib/url-state/url-state';
import type { AgreementPoint, GapView } from './models';

const BREAKDOWN: Record<Level, { groupBy: GroupColumn[]; key: GroupKey }> = {
	district: { groupBy: ['district'], key: byDistrict },
	area: { groupBy: ['area'], key: byArea },
	indicator: { groupBy: ['indicator'], key: byIndicator }
};

/** Everything the score-gap view shows, for the state in the URL. */
export async function loadGapView(engine: Engine, state: UrlState): Promise<GapView> {
	const { filters, external, level, agreement } = state;
	const breakdown = BREAKDOWN[level];
	const matrixRow = level === 'district' ? 'area' : 'indicator';
	const unitsQuery = buildUnitScoresQuery(filters);
	const ratingsQuery =
		agreement === 'sources' ? null : buildEvaluatorRatingsQuery(filters, agreement);

	const [totals, matrixTotals, units, ratings] = await Promise.all([
		queryTotals(engine, filters, breakdown.groupBy),
		queryTotals(engine, filters, ['district', matrixRow]),
		engine.query<UnitScoreRow>(unitsQuery.sql, unitsQuery.params),
		ratingsQuery ? engine.query<EvaluatorRatingRow>(ratingsQuery.sql, ratingsQuery.params) : []
	]);

	const pairs = unitPairs(units, external);
	const agreementSummary = blandAltman(pairs.map(({ self, external: b }) => ({ a: self, b })));
	const labelled: AgreementPoint[] = pairs.flatMap(({ unit, self, external: other }) =>
		self === null || other === null
			? []
			: [
					{
						district: { code: unit.code, labelKo: unit.name_ko, labelEn: unit.name_en },
						year: unit.year,
						indicator: unit.indicator,
						mean: (self + other) / 2,
						difference: self - other
					}
				]
	);

	return {
		external,
		breakdown: pivotTotals(totals, breakdown.key, external),
		matrix: buildGapMatrix(matrixTotals, matrixRow, external),
		bias: meanWithTInterval(unitGaps(units, external)),
		blandAltman: agreementSummary ? { ...agreementSummary, labelled } : null,
		sourceAgreement: computeIcc(withoutEmptyColumns(sourceRatingMatrix(units))),
		evaluatorAgreement: ratingsQuery ? computeIcc(evaluatorRatingMatrix(ratings).matrix) : null
	};
}

/** Drops rater columns with no rating at all (a source filtered out), so targets stay usable. */
function withoutEmptyColumns(matrix: (number | null)[][]): (number | null)[][] {
	const width = matrix[0]?.length ?? 0;
	const keep = Array.from({ length: width }, (_, column) =>
		matrix.some((row) => row[column] !== null)
	);
	return matrix.map((row) => row.filter((_, column) => keep[column]));
}
