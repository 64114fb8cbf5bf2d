import { clusteredBias, type ClusteredBias } from '$lib/analysis/bias';
import { executionRate, flaggedLines } from '$lib/analysis/budget';
import { externalScore, pivotSources, type SourceScores } from '$lib/analysis/totals';
import { totalsOf, type TotalRow } from '$lib/analysis/unit-totals';
import { districtRefOf, type DistrictRef } from '$lib/domain/district';
import { EVALUATOR_TYPES, type ExternalSource } from '$lib/domain/evaluation';
import type { Engine } from '$lib/engine/types';
import { buildDistrictBudgetLinesQuery, type BudgetLineRow } from '$lib/query/budget';
import { withEveryDistrict, type DashboardFilters } from '$lib/query/filters';
import { queryUnitScores } from '$lib/query/scores';

/** A source's figure and where it stands among the districts shown (1 = highest). */
export interface RankedScore {
	value: number | null;
	rank: number | null;
}

/** One area of a district, by its external score (the officials' and experts' view of it). */
export interface AreaScore {
	area: string;
	external: number | null;
	self: number | null;
}

/** Everything one district's report page states, computed as the dashboard computes it. */
export interface DistrictReport {
	district: DistrictRef;
	/** The years the filters show (of the data's), and those without this district's scores. */
	years: number[];
	missingYears: number[];
	/** Each source's total per year the district has scores. */
	byYear: { year: number; scores: SourceScores; external: number | null }[];
	/** Each source's total over the years (the dashboard's district figures), with its rank. */
	totals: Record<'self' | 'official' | 'expert' | 'external', RankedScore>;
	/** How many districts the ranks are among. */
	districtCount: number;
	/** Self − external over the district's years, with its 95% interval (years as clusters). */
	gap: ClusteredBias | null;
	/** The gap as the dashboard's district table shows it: self total − external total. */
	gapValue: number | null;
	/** Areas from the lowest external score to the highest. */
	areas: AreaScore[];
	/** Planned and spent over the years shown, and the lines outside 80–100%; null for no lines. */
	budget: {
		planned: number;
		spent: number;
		rate: number | null;
		lines: number;
		flagged: BudgetLineRow[];
	} | null;
}

/**
 * One report per district the page's filters choose (every district with scores or budget lines
 * when none is chosen), in the dashboard's own figures: the same queries and weighting. As in
 * the trend view, every district is computed whatever the district filter, so that a rank is
 * among all of them and matching is decided over all of them; the other filters apply.
 */
export async function loadDistrictReports(
	engine: Engine,
	pageFilters: DashboardFilters,
	external: ExternalSource,
	years: readonly number[]
): Promise<DistrictReport[]> {
	const filters = withEveryDistrict(pageFilters);
	const chosen = pageFilters.districts;
	const lines = buildDistrictBudgetLinesQuery(filters);
	const [units, budgetLines] = await Promise.all([
		queryUnitScores(engine, filters),
		engine.query<BudgetLineRow>(lines.sql, lines.params)
	]);
	const byDistrict = totalsOf(units, ['district']);
	const byDistrictYear = totalsOf(units, ['district', 'year']);
	const byArea = totalsOf(units, ['district', 'area']);
	const totals = pivotSources(byDistrict, (row) => row.code ?? '');
	const externalOf = new Map(
		[...totals].map(([code, scores]) => [code, externalScore(scores, external)])
	);
	const rankOf = (code: string, value: (code: string) => number | null): number | null => {
		const own = value(code);
		if (own === null) return null;
		const others = [...totals.keys()].map(value).filter((other) => other !== null);
		return 1 + others.filter((other) => other > own).length;
	};
	const refs = new Map<string, DistrictRef>();
	for (const row of [...byDistrict, ...budgetLines.map(lineAsRow)]) {
		if (row.code && !refs.has(row.code)) refs.set(row.code, districtRefOf(row));
	}
	const shownYears = filters.years.length > 0 ? [...filters.years] : [...years];
	return [...refs.values()]
		.filter((district) => chosen.length === 0 || chosen.includes(district.code))
		.sort((a, b) => a.labelKo.localeCompare(b.labelKo, 'ko'))
		.map((district): DistrictReport => {
			const code = district.code;
			const own = (rows: readonly TotalRow[]) => rows.filter((row) => row.code === code);
			const yearly = [...pivotSources(own(byDistrictYear), (row) => String(row.year))]
				.map(([year, scores]) => ({
					year: Number(year),
					scores,
					external: externalScore(scores, external)
				}))
				.sort((a, b) => a.year - b.year);
			const scores = totals.get(code) ?? { self: null, official: null, expert: null };
			const ranked = Object.fromEntries(
				EVALUATOR_TYPES.map((source) => [
					source,
					{
						value: scores[source],
						rank: rankOf(code, (other) => totals.get(other)?.[source] ?? null)
					}
				])
			) as Record<'self' | 'official' | 'expert', RankedScore>;
			const externalTotal = externalOf.get(code) ?? null;
			const areas = [...pivotSources(own(byArea), (row) => row.area ?? '')]
				.map(([area, areaScores]) => ({
					area,
					external: externalScore(areaScores, external),
					self: areaScores.self
				}))
				.sort((a, b) => (a.external ?? Infinity) - (b.external ?? Infinity));
			const ownLines = budgetLines.filter((line) => line.code === code);
			const planned = ownLines.reduce((sum, line) => sum + line.planned, 0);
			const spent = ownLines.reduce((sum, line) => sum + line.spent, 0);
			return {
				district,
				years: shownYears,
				missingYears: shownYears.filter((year) => !yearly.some((entry) => entry.year === year)),
				byYear: yearly,
				totals: {
					...ranked,
					external: {
						value: externalTotal,
						rank: rankOf(code, (other) => externalOf.get(other) ?? null)
					}
				},
				districtCount: totals.size,
				gap: clusteredBias(own(byDistrictYear), external),
				gapValue:
					scores.self === null || externalTotal === null ? null : scores.self - externalTotal,
				areas,
				budget:
					ownLines.length === 0
						? null
						: {
								planned,
								spent,
								rate: executionRate(planned, spent),
								lines: ownLines.length,
								flagged: flaggedLines(ownLines)
							}
			};
		});
}

function lineAsRow(line: BudgetLineRow): Pick<TotalRow, 'code' | 'name_ko' | 'name_en'> {
	return { code: line.code, name_ko: line.name_ko, name_en: line.name_en };
}
