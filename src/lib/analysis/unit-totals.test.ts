import { describe, expect, it } from 'vitest';
import type { UnitScoreRow } from '$lib/query/scores';
import { totalsOf, type GroupColumn } from './unit-totals';

type Scores = Partial<Record<'self' | 'official' | 'expert', [score: number, max: number]>>;

/** A unit as the unit-scores read returns it, with each source's [score, 배점]. */
function unit(
	place: { code: string; year: number; area: string; indicator: string; line: number },
	scores: Scores,
	matched = true
): UnitScoreRow {
	const pick = (source: keyof Scores, i: 0 | 1) => scores[source]?.[i] ?? null;
	return {
		code: place.code,
		name_ko: place.code === '1' ? '가구' : '나구',
		name_en: place.code === '1' ? 'Ga-gu' : 'Na-gu',
		year: place.year,
		area: place.area,
		indicator: place.indicator,
		max_score: Math.max(...Object.values(scores).map(([, max]) => max)),
		self: pick('self', 0),
		official: pick('official', 0),
		expert: pick('expert', 0),
		self_max_score: pick('self', 1),
		official_max_score: pick('official', 1),
		expert_max_score: pick('expert', 1),
		matched,
		first_line: place.line
	};
}

// Worked by hand. Area Q is listed first in the export (line 1), so it comes before P.
// In 가구 2019 the officials scored 지표Y against 25 points where the platform had 20.
const UNITS = [
	unit(
		{ code: '1', year: 2019, area: 'P', indicator: 'X', line: 5 },
		{ self: [6, 10], official: [8, 10] }
	),
	unit(
		{ code: '1', year: 2019, area: 'Q', indicator: 'Y', line: 1 },
		{ self: [12, 20], official: [10, 25] }
	),
	// Only the platform scored it: not matched, so in no total.
	unit({ code: '1', year: 2019, area: 'Q', indicator: 'Z', line: 2 }, { self: [5, 5] }, false),
	unit(
		{ code: '1', year: 2020, area: 'P', indicator: 'X', line: 6 },
		{ self: [9, 10], official: [5, 10] }
	),
	unit(
		{ code: '2', year: 2019, area: 'P', indicator: 'X', line: 7 },
		{ self: [4, 10], official: [6, 10] }
	)
];

/** [group…, source, total, units], rounded to 9 places. */
function table(groupBy: GroupColumn[]) {
	return totalsOf(UNITS, groupBy).map((row) => [
		...groupBy.flatMap((column) =>
			column === 'district'
				? [row.code]
				: column === 'indicator'
					? [row.area, row.indicator]
					: [row[column]]
		),
		row.evaluator_type,
		Math.round(row.total * 1e9) / 1e9,
		row.units
	]);
}

describe('totals from the units', () => {
	it('per district and year: Σ scores ÷ Σ 배점 × 100, each source over its own 배점', () => {
		expect(table(['district', 'year'])).toEqual([
			// (6 + 12) / (10 + 20) = 60; officials (8 + 10) / (10 + 25) = 51.428571429.
			['1', 2019, 'official', 51.428571429, 2],
			['1', 2019, 'self', 60, 2],
			['1', 2020, 'official', 50, 1],
			['1', 2020, 'self', 90, 1],
			['2', 2019, 'official', 60, 1],
			['2', 2019, 'self', 40, 1]
		]);
	});

	it('over years, the mean of the yearly totals, each year equal', () => {
		// 가구 self (60 + 90) / 2 = 75, not the pooled (6 + 12 + 9) / 40 = 67.5.
		expect(table(['district'])).toEqual([
			['1', 'official', 50.714285714, 3],
			['1', 'self', 75, 3],
			['2', 'official', 60, 1],
			['2', 'self', 40, 1]
		]);
	});

	it('over districts, the mean of the districts’ totals, each district equal', () => {
		// Area P: 가구 self (60 + 90) / 2 = 75, 나구 40, so (75 + 40) / 2 = 57.5; officials
		// (80 + 50) / 2 = 65 and 60, so 62.5. Pooled, self would be 19 / 30 = 63.3.
		// 2019: self (60 + 40) / 2 = 50, officials (51.428571429 + 60) / 2 = 55.714285714.
		expect(table(['area'])).toEqual([
			['Q', 'official', 40, 1],
			['Q', 'self', 60, 1],
			['P', 'official', 62.5, 3],
			['P', 'self', 57.5, 3]
		]);
		expect(table(['year'])).toEqual([
			[2019, 'official', 55.714285714, 3],
			[2019, 'self', 50, 3],
			[2020, 'official', 50, 1],
			[2020, 'self', 90, 1]
		]);
	});

	it('by indicator within districts, each row naming only its own group', () => {
		const rows = totalsOf(UNITS, ['district', 'indicator']);
		const named = (row: (typeof rows)[number]) =>
			Object.entries(row)
				.filter(([, value]) => value !== undefined)
				.map(([key]) => key)
				.sort()
				.join(' ');
		expect([...new Set(rows.map(named))]).toEqual([
			'area code evaluator_type first_line indicator name_en name_ko total units'
		]);
		expect(table(['district', 'indicator'])).toEqual([
			['1', 'Q', 'Y', 'official', 40, 1],
			['1', 'Q', 'Y', 'self', 60, 1],
			// 지표X of 가구: self (60 + 90) / 2, officials (80 + 50) / 2.
			['1', 'P', 'X', 'official', 65, 2],
			['1', 'P', 'X', 'self', 75, 2],
			['2', 'P', 'X', 'official', 60, 1],
			['2', 'P', 'X', 'self', 40, 1]
		]);
	});

	it('a group’s first line is the earliest of its matched units, never of one left out', () => {
		const lines = (groupBy: GroupColumn[]) => totalsOf(UNITS, groupBy).map((row) => row.first_line);
		// 지표Z (line 2) is not matched: area Q starts at line 1, 가구 2019 at line 1 too.
		expect(lines(['area'])).toEqual([1, 1, 5, 5]);
		expect(lines(['district', 'year'])).toEqual([1, 1, 6, 6, 7, 7]);
	});

	it('no matched unit, no total', () => {
		expect(
			totalsOf(
				UNITS.filter((u) => !u.matched),
				['district']
			)
		).toEqual([]);
		expect(totalsOf([], ['district', 'year'])).toEqual([]);
	});
});
