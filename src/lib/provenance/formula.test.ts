import { describe, expect, it } from 'vitest';
import { computeIcc } from '$lib/analysis/icc';
import { SHROUT_FLEISS_RATINGS } from '$lib/testing/shrout-fleiss';
import { formulaLines } from './formula';
import type { Provenance } from './request';
import type { GapDistrict, ProvenanceCell } from './score-provenance';

const shown = { label: '성북구', text: '−' };
const cell = (district: string, year: number, score: number, max: number): ProvenanceCell => ({
	evaluator_type: 'self',
	district_code: district,
	name_ko: district,
	name_en: district,
	year,
	score_sum: score,
	max_sum: max,
	units: 2,
	value: (score / max) * 100
});
const empty = { rows: [], rowCount: 0, byFile: [] };

describe('formulaLines', () => {
	it('writes one cell as its two sums, and several as the means they are averaged by', () => {
		const one: Provenance = {
			kind: 'score',
			request: { ...shown, kind: 'score', scope: { source: 'self' } },
			trace: { ...empty, cells: [cell('A', 2019, 16.5, 30)], value: 55 }
		};
		expect(formulaLines(one, 'ko')).toEqual(['Σ점수 16.5 ÷ Σ배점 30 × 100 = 55.0']);
		// A: (50 + 70) ÷ 2 = 60 over its years; B: 80; the figure (60 + 80) ÷ 2 = 70.
		const several: Provenance = {
			...one,
			trace: {
				...empty,
				cells: [cell('A', 2018, 5, 10), cell('A', 2019, 7, 10), cell('B', 2019, 8, 10)],
				value: 70
			}
		};
		expect(formulaLines(several, 'en')).toEqual([
			'Each district’s score is the mean of its yearly scores (each year equal).',
			'Mean over 2 districts (each district equal): (60.0 + 80.0) ÷ 2 = 70.0'
		]);
	});

	it('writes a district’s gap with how its external score is formed', () => {
		const district: GapDistrict = {
			district_code: '11290',
			name_ko: '성북구',
			name_en: 'Seongbuk-gu',
			scores: { self: 60, official: 70, expert: 75 },
			external: 72.5,
			gap: -12.5
		};
		const gap = (external: 'mean' | 'expert', kind: 'gap' | 'external'): Provenance => ({
			kind,
			request: { ...shown, kind, scope: {}, external },
			trace: { ...empty, cells: [], districts: [district], value: -12.5 }
		});
		expect(formulaLines(gap('mean', 'gap'), 'ko')).toEqual([
			'외부 = (공무원 70.0 + 전문가 75.0) ÷ 2 = 72.5',
			'자체 60.0 − 외부 72.5 = −12.5'
		]);
		expect(formulaLines(gap('expert', 'external'), 'en')).toEqual(['External = Expert 72.5']);
	});

	it('writes a budget rate as the rate of its two sums', () => {
		const budget: Provenance = {
			kind: 'budget',
			request: { ...shown, kind: 'budget', scope: {}, figure: 'rate' },
			trace: { ...empty, planned: 900000, spent: 808120, rate: 808120 / 900000, rowCount: 1 }
		};
		expect(formulaLines(budget, 'ko')).toEqual([
			'예산 줄 1개: Σ예산액 900,000원, Σ집행액 808,120원',
			'Σ집행액 808,120원 ÷ Σ예산액 900,000원 = 89.8%'
		]);
	});
});

describe('an agreement’s formula', () => {
	it('gives the mean squares and each form as Shrout & Fleiss’s worked example does', () => {
		// Shrout & Fleiss (1979): their Table 4 gives BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02 and
		// the six ICCs below.
		const result = computeIcc(SHROUT_FLEISS_RATINGS)!;
		const lines = formulaLines(
			{
				kind: 'icc',
				request: { ...shown, kind: 'icc', result, among: 'sources' },
				trace: { rows: [], rowCount: 0, byFile: [] }
			},
			'en'
		);
		expect(lines[0]).toBe(
			'Targets n = 6 (district × indicator × year), raters k = 4; 0 targets with a missing score left out.'
		);
		const squares = lines[1]!.match(/[\d.]+/g)!.map(Number);
		expect(squares.map((value) => value.toFixed(2))).toEqual(['11.24', '32.49', '1.02', '6.26']);
		const published = {
			'ICC(1,1)': 0.17,
			'ICC(2,1)': 0.29,
			'ICC(3,1)': 0.71,
			'ICC(1,k)': 0.44,
			'ICC(2,k)': 0.62,
			'ICC(3,k)': 0.91
		};
		for (const [form, value] of Object.entries(published)) {
			const line = lines.find((text) => text.startsWith(`${form} = `))!;
			expect(Number(line.match(/ = ([\d.]+), 95%/)![1]).toFixed(2)).toBe(value.toFixed(2));
		}
		expect(lines.find((text) => text.startsWith('ICC(2,1)'))).toContain(
			'(MSR − MSE) ÷ (MSR + (k − 1)·MSE + k·(MSC − MSE) ÷ n)'
		);
	});
});
