import type { RubricRow } from '$lib/query/scores';
import { compareDistricts, districtRefOf, type DistrictRef } from '$lib/domain/district';

/** How a district's rubric in `year` differs from its rubric in `previousYear`. */
export interface RubricChange {
	district: DistrictRef;
	year: number;
	previousYear: number;
	/** Indicators scored this year but not the year before, as `area · indicator`. */
	added: string[];
	/** Indicators scored the year before but not this year. */
	removed: string[];
	/** Indicators whose 배점 changed. */
	rescored: { indicator: string; from: number; to: number }[];
}

/**
 * Where a district's rubric changes from one year it has to the next: indicators added or
 * removed (an area's set of indicators changed) and 배점 changed. A total on a changed rubric is
 * not comparable with the year before without saying so. Rows come from every source; an
 * indicator's 배점 is the largest any source gave it that year.
 */
export function findRubricChanges(rows: readonly RubricRow[]): RubricChange[] {
	const districts = new Map<
		string,
		{ ref: DistrictRef; years: Map<number, Map<string, number>> }
	>();
	for (const row of rows) {
		let district = districts.get(row.code);
		if (!district) {
			district = {
				ref: districtRefOf(row),
				years: new Map()
			};
			districts.set(row.code, district);
		}
		const rubric = district.years.get(row.year) ?? new Map<string, number>();
		const key = `${row.area} · ${row.indicator}`;
		rubric.set(key, Math.max(rubric.get(key) ?? 0, row.max_score));
		district.years.set(row.year, rubric);
	}
	const changes: RubricChange[] = [];
	for (const { ref, years } of districts.values()) {
		const ordered = [...years.keys()].sort((a, b) => a - b);
		ordered.forEach((year, index) => {
			const previousYear = ordered[index - 1];
			if (previousYear === undefined) return;
			const before = years.get(previousYear)!;
			const now = years.get(year)!;
			const added = [...now.keys()].filter((key) => !before.has(key));
			const removed = [...before.keys()].filter((key) => !now.has(key));
			const rescored = [...now.entries()].flatMap(([indicator, to]) => {
				const from = before.get(indicator);
				return from !== undefined && from !== to ? [{ indicator, from, to }] : [];
			});
			if (added.length || removed.length || rescored.length) {
				changes.push({ district: ref, year, previousYear, added, removed, rescored });
			}
		});
	}
	return changes.sort((a, b) => compareDistricts(a.district, b.district) || a.year - b.year);
}
