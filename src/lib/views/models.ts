// The shapes each view hands to its charts and tables. Loaders (`*-view.ts` here) fill them from
// the engine through the query builders and the pure analysis functions.
import type { BlandAltman } from '$lib/analysis/agreement';
import type { DistrictBudget } from '$lib/analysis/budget';
import type { ClusteredBias } from '$lib/analysis/bias';
import type { RubricChange } from '$lib/analysis/rubric';
import type { IccResult } from '$lib/analysis/icc';
import type { ExternalSource, GroupScores } from '$lib/analysis/totals';
import type { DistrictTrend, DistrictTrends } from '$lib/analysis/district-trends';
import type { GapMatrix } from '$lib/analysis/gap-matrix';
import type { DistrictRef } from '$lib/domain/district';
import type { EvaluatorType } from '$lib/domain/evaluation';

export type { DistrictRef, DistrictTrend, DistrictTrends, GapMatrix };

/** One Bland–Altman point with what it stands for, for the tooltip and the table. */
export interface AgreementPoint {
	district: DistrictRef;
	year: number;
	indicator: string;
	/** Mean of self and external, 점 on the 100-point scale of the indicator. */
	mean: number;
	/** Self − external, 점 on the 100-point scale. */
	difference: number;
}

export interface GapView {
	external: ExternalSource;
	/** The breakdown rows at the current level (districts, areas or indicators). */
	breakdown: GroupScores[];
	matrix: GapMatrix;
	/** The headline's gap (self − external) with its 95% interval over districts (or years). */
	bias: ClusteredBias | null;
	/** Units under the filters, and how many every shown source scored (the ones compared). */
	coverage: UnitCoverage;
	blandAltman: (BlandAltman & { labelled: AgreementPoint[] }) | null;
	/** ICC between the three sources' means (targets: district × indicator × year). */
	sourceAgreement: IccResult | null;
	/** The same per year, when several years are shown. */
	sourceAgreementByYear: YearAgreement[];
	/** ICC among the individual evaluators of one source, per year (raters are labels of a year). */
	evaluatorAgreement: YearAgreement[] | null;
}

/** Agreement within one year. */
export interface YearAgreement {
	year: number;
	/** Raters that year (evaluator labels, or the sources). */
	raters: number;
	/** Units rated that year. */
	targets: number;
	/** null when it cannot be computed (one rater, or fewer than two complete units). */
	icc: IccResult | null;
}

/** What matching left out of the comparisons. */
export interface UnitCoverage {
	/** Units (district × year × indicator) with any score under the filters. */
	units: number;
	/** Units every shown source scored: the ones every figure uses. */
	matched: number;
	/** The sources with scores under the filters. */
	sources: EvaluatorType[];
}

/** Planned and spent (원) for one district and year. */
export interface BudgetDistrictYear {
	district: DistrictRef;
	year: number;
	planned: number;
	spent: number;
	/** spent / planned; null when nothing was planned. */
	rate: number | null;
}

/** One budget line, for the flagged and the city tables. */
export interface BudgetLine {
	district: DistrictRef;
	year: number;
	program: string;
	item: string;
	budgetCode: string | null;
	planned: number;
	spent: number;
	rate: number | null;
	basis: string | null;
}

/** A budget item summed over the districts and years shown. */
export interface BudgetItemTotal {
	item: string;
	planned: number;
	spent: number;
	rate: number | null;
	lines: number;
}

/** One district-year: external total score against the money spent. */
export interface ScoreMoneyPoint {
	district: DistrictRef;
	year: number;
	spent: number;
	/** The chosen external total (점). */
	score: number;
}

export interface BudgetView {
	byDistrictYear: BudgetDistrictYear[];
	/** The per-district sums over the years shown, with the rate of the sums. */
	byDistrict: DistrictBudget[];
	items: BudgetItemTotal[];
	/** District lines under 80% or over 100% executed. */
	flagged: BudgetLine[];
	/** Lines the city (서울시) runs itself. */
	city: BudgetLine[];
	scoreVsMoney: ScoreMoneyPoint[];
}

export interface TrendView extends DistrictTrends {
	/** Where a district's rubric (indicators, 배점) changed from its previous year. */
	rubricChanges: RubricChange[];
}
