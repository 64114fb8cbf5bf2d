import { blandAltman } from '$lib/analysis/agreement';
import { clusteredBias } from '$lib/analysis/bias';
import { buildGapMatrix } from '$lib/analysis/gap-matrix';
import { computeIcc } from '$lib/analysis/icc';
import {
	byArea,
	byDistrict,
	byIndicator,
	pivotTotals,
	type GroupKey,
	type GroupScores
} from '$lib/analysis/totals';
import { totalsOf, type GroupColumn } from '$lib/analysis/unit-totals';
import { evaluatorRatingMatrices, sourceRatingMatrix, unitPairs } from '$lib/analysis/units';
import { districtRefOf } from '$lib/domain/district';
import { EVALUATOR_TYPES } from '$lib/domain/evaluation';
import type { Engine } from '$lib/engine/types';
import {
	buildEvaluatorRatingsQuery,
	queryUnitScores,
	type EvaluatorRatingRow,
	type UnitScoreRow
} from '$lib/query/scores';
import type { Level, UrlState } from '$lib/url-state/url-state';
import type { AgreementPoint, GapView, UnitCoverage, YearAgreement } from './models';

const BREAKDOWN: Record<Level, { groupBy: GroupColumn[]; key: GroupKey }> = {
	district: { groupBy: ['district'], key: byDistrict },
	area: { groupBy: ['area'], key: byArea },
	indicator: { groupBy: ['indicator'], key: byIndicator }
};

/**
 * Districts with the largest shortfall of the self-evaluation first, the finding the report is
 * about (no gap last); areas and indicators keep the export's order, which staff know.
 */
export function breakdownOrder(rows: GroupScores[], level: Level): GroupScores[] {
	return level === 'district'
		? [...rows].sort((a, b) => (a.gap ?? Infinity) - (b.gap ?? Infinity))
		: rows;
}

/** Everything the score-gap view shows, for the state in the URL. */
export async function loadGapView(engine: Engine, state: UrlState): Promise<GapView> {
	const { filters, external, level, agreement } = state;
	const breakdown = BREAKDOWN[level];
	const matrixRow = level === 'district' ? 'area' : 'indicator';
	const ratingsQuery =
		agreement === 'sources' ? null : buildEvaluatorRatingsQuery(filters, agreement);

	// Every figure but the evaluators' agreement comes from the one read of the units.
	const [units, ratings] = await Promise.all([
		queryUnitScores(engine, filters),
		ratingsQuery ? engine.query<EvaluatorRatingRow>(ratingsQuery.sql, ratingsQuery.params) : []
	]);

	// Each point keeps the unit it was measured on, so the chart can name it.
	const agreementSummary = blandAltman(
		unitPairs(units, external).map(({ unit, self, external: other }) => ({
			a: self,
			b: other,
			item: { district: districtRefOf(unit), year: unit.year, indicator: unit.indicator }
		}))
	);
	// Every pair above was given its unit, so every point has one.
	const labelled: AgreementPoint[] = (agreementSummary?.points ?? []).map(
		({ mean, difference, item }) => ({ ...item!, mean, difference })
	);

	return {
		external,
		breakdown: breakdownOrder(
			pivotTotals(totalsOf(units, breakdown.groupBy), breakdown.key, external),
			level
		),
		matrix: buildGapMatrix(totalsOf(units, ['district', matrixRow]), matrixRow, external),
		bias: clusteredBias(totalsOf(units, ['district', 'year']), external),
		coverage: coverageOf(units),
		// The units stay in `labelled` only: the model is sent with the page, once.
		blandAltman: agreementSummary
			? {
					...agreementSummary,
					points: agreementSummary.points.map(({ mean, difference }) => ({ mean, difference })),
					labelled
				}
			: null,
		sourceAgreement: computeIcc(withoutEmptyColumns(sourceRatingMatrix(units))),
		sourceAgreementByYear: sourceAgreementByYear(units),
		evaluatorAgreement: ratingsQuery
			? evaluatorRatingMatrices(ratings).map(({ year, evaluators, matrix }) => ({
					year,
					raters: evaluators.length,
					targets: matrix.length,
					icc: computeIcc(matrix)
				}))
			: null
	};
}

/** Agreement between the sources in each year, when more than one year is shown. */
function sourceAgreementByYear(units: readonly UnitScoreRow[]): YearAgreement[] {
	const years = [...new Set(units.map((unit) => unit.year))].sort((a, b) => a - b);
	if (years.length < 2) return [];
	return years.map((year) => {
		const matrix = withoutEmptyColumns(
			sourceRatingMatrix(units.filter((unit) => unit.year === year))
		);
		return {
			year,
			raters: matrix[0]?.length ?? 0,
			targets: matrix.length,
			icc: computeIcc(matrix)
		};
	});
}

function coverageOf(units: readonly UnitScoreRow[]): UnitCoverage {
	return {
		units: units.length,
		matched: units.filter((unit) => unit.matched).length,
		sources: EVALUATOR_TYPES.filter((source) => units.some((unit) => unit[source] !== null))
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
