// The shapes each view hands to its charts and tables. Loaders (`*-view.ts` here) fill them from
// the engine through the query builders and the pure analysis functions.
import type { BlandAltman, MeanWithCi } from '$lib/analysis/agreement';
import type { IccResult } from '$lib/analysis/icc';
import type { ExternalSource, GroupScores } from '$lib/analysis/totals';

/** A district as charts label it. */
export interface DistrictRef {
	code: string;
	labelKo: string;
	labelEn: string;
}

/** Gap (self − external, 점 on the 100-point scale) for each row label × district. */
export interface GapMatrix {
	/** Area or indicator names, in the order of the export. */
	rows: string[];
	columns: DistrictRef[];
	/** One cell per row × column that has both scores; absent cells have no data. */
	cells: { row: number; column: number; gap: number }[];
}

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
	/** Mean gap over units (district × indicator × year) with its 95% t interval. */
	bias: MeanWithCi | null;
	blandAltman: (BlandAltman & { labelled: AgreementPoint[] }) | null;
	/** ICC between the three sources' means (targets: district × indicator × year). */
	sourceAgreement: IccResult | null;
	/** ICC among the individual evaluators of one source. */
	evaluatorAgreement: IccResult | null;
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
	items: BudgetItemTotal[];
	/** District lines under 80% or over 100% executed. */
	flagged: BudgetLine[];
	/** Lines the city (서울시) runs itself. */
	city: BudgetLine[];
	scoreVsMoney: ScoreMoneyPoint[];
}

/** One district's yearly totals for the chosen source, aligned with `TrendView.years`. */
export interface DistrictTrend {
	district: DistrictRef;
	/** Total score per year (점); null where the district has no score that year. */
	totals: (number | null)[];
	/** Rank among districts that year (1 = highest); null where no score. */
	ranks: (number | null)[];
	/** Self − external gap per year (점); null where either is missing. */
	gaps: (number | null)[];
	/** Least-squares slope of |gap| per year: negative means the gap is closing. */
	gapSlope: number | null;
}

export interface TrendView {
	years: number[];
	districts: DistrictTrend[];
}
