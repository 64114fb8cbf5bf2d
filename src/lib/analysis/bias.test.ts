import { describe, expect, it } from 'vitest';
import type { EvaluatorType } from '$lib/domain/evaluation';
import type { TotalRow } from './unit-totals';
import { clusteredBias } from './bias';

/** District × year totals: [code, year, self, official, expert, units]. */
function totals(cells: readonly [string, number, number, number, number, number][]): TotalRow[] {
	return cells.flatMap(([code, year, self, official, expert, units]) =>
		(
			[
				['self', self],
				['official', official],
				['expert', expert]
			] as [EvaluatorType, number][]
		).map(([evaluator_type, total]) => ({
			code,
			year,
			evaluator_type,
			total,
			units,
			first_line: 1
		}))
	);
}

describe('clusteredBias', () => {
	it('is the t interval over the district means of the yearly gaps, worked by hand', () => {
		// Gaps self − mean(official, expert) per district-year:
		//   A: 2019 60 − 70 = −10, 2020 62 − 68 = −6  → district mean −8
		//   B: 2019 70 − 72 = −2,  2020 (one year)     → −2
		//   C: 2019 65 − 70 = −5,  2020 66 − 71 = −5   → −5
		// Mean of −8, −2, −5 = −5; SD √((9 + 9 + 0) ÷ 2) = 3; SE 3 ÷ √3 = 1.732051;
		// t(0.975, 2) = 4.302653, half-width 7.452413: −12.452413 to 2.452413.
		const result = clusteredBias(
			totals([
				['A', 2019, 60, 68, 72, 14],
				['A', 2020, 62, 66, 70, 14],
				['B', 2019, 70, 72, 72, 14],
				['C', 2019, 65, 70, 70, 14],
				['C', 2020, 66, 70, 72, 14]
			]),
			'mean'
		);
		expect(result).not.toBeNull();
		expect(result!.mean).toBeCloseTo(-5, 10);
		expect(result!.sd).toBeCloseTo(3, 10);
		expect(result!.lower).toBeCloseTo(-12.452, 3);
		expect(result!.upper).toBeCloseTo(2.452, 3);
		expect(result).toMatchObject({ n: 3, cluster: 'district', units: 70 });
	});

	it('weighs each year of a district equally, however many units it has', () => {
		// A's 2019 has 28 units, 2020 has 7: the district's gap is still (−10 + −6) ÷ 2.
		const result = clusteredBias(
			totals([
				['A', 2019, 60, 70, 70, 28],
				['A', 2020, 62, 68, 68, 7],
				['B', 2019, 70, 72, 72, 14]
			]),
			'official'
		);
		expect(result!.mean).toBeCloseTo((-8 + -2) / 2, 10);
	});

	it('uses the years as clusters when one district is shown, and none for one district-year', () => {
		const oneDistrict = totals([
			['A', 2018, 60, 70, 70, 14],
			['A', 2019, 60, 66, 66, 14],
			['A', 2020, 60, 62, 62, 14]
		]);
		// Gaps −10, −6, −2: mean −6, SD 4, SE 4 ÷ √3, t(0.975, 2) = 4.302653.
		const result = clusteredBias(oneDistrict, 'expert');
		expect(result).toMatchObject({ cluster: 'year', n: 3 });
		expect(result!.upper - result!.mean).toBeCloseTo((4.302653 * 4) / Math.sqrt(3), 5);
		expect(clusteredBias(oneDistrict.slice(0, 3), 'expert')).toBeNull();
	});

	it('leaves out a district-year without the external source the comparison needs', () => {
		const rows = totals([
			['A', 2019, 60, 70, 70, 14],
			['B', 2019, 70, 72, 72, 14],
			['C', 2019, 65, 70, 70, 14]
		]).filter((row) => !(row.code === 'C' && row.evaluator_type === 'expert'));
		const result = clusteredBias(rows, 'mean');
		expect(result).toMatchObject({ n: 2, units: 28, mean: -6 });
	});
});
