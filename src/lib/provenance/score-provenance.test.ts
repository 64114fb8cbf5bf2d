import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '$lib/csv/import';
import { loadSampleDataset } from '$lib/dataset/sample';
import type { EvaluatorType } from '$lib/domain/evaluation';
import type { Engine } from '$lib/engine/types';
import { createNodeEngine } from '$lib/engine/node';
import { nodeCp949, repoFile } from '$lib/testing/node-engine';
import { NO_FILTERS } from '$lib/query/filters';
import { queryBudgetProvenance, type BudgetSourceRow } from './budget-provenance';
import { meanWithTInterval } from '$lib/analysis/agreement';
import { formulaLines } from './formula';
import {
	biasClusters,
	queryGapProvenance,
	queryScoreProvenance,
	type ProvenanceRow
} from './score-provenance';

// Check values from the independent Python script (tests/fixtures/expected/compute_expected.py).
const expected = JSON.parse(
	readFileSync(
		new URL('../../../tests/fixtures/expected/sample-totals.json', import.meta.url),
		'utf8'
	)
) as {
	all_years: Record<string, Record<EvaluatorType, number>>;
	year_2019: Record<string, Record<EvaluatorType, number>>;
	headline_all_years: Record<EvaluatorType, number>;
	district_codes: Record<string, string>;
	gap_self_minus_official_all_years: Record<string, number>;
	gap_self_minus_mean_2019: Record<string, number>;
	bias_all_years: Record<'mean' | 'official', { mean: number; lower: number; upper: number }>;
	budget_by_district_all_years: Record<string, { planned: number; spent: number }>;
	budget_by_district_year: Record<string, Record<string, { planned: number; spent: number }>>;
	budget_districts_all_years: { planned: number; spent: number; execution_rate_pct: number };
};

/**
 * The figure recomputed from the listed rows alone, by the written rule (WEIGHTING.md) and
 * nothing of the app's: evaluators averaged per unit, Σ means ÷ Σ배점 per district and year,
 * years averaged, then districts.
 */
function fromRows(rows: readonly ProvenanceRow[]): number {
	const units = new Map<
		string,
		{ district: string; year: number; scores: number[]; max: number }
	>();
	for (const row of rows) {
		const key = [row.district_code, row.year, row.area, row.indicator].join('|');
		const unit = units.get(key) ?? {
			district: row.district_code,
			year: row.year,
			scores: [],
			max: row.max_score
		};
		unit.scores.push(row.score);
		units.set(key, unit);
	}
	const cells = new Map<string, { district: string; score: number; max: number }>();
	for (const unit of units.values()) {
		const key = `${unit.district}|${unit.year}`;
		const cell = cells.get(key) ?? { district: unit.district, score: 0, max: 0 };
		cell.score += unit.scores.reduce((a, b) => a + b, 0) / unit.scores.length;
		cell.max += unit.max;
		cells.set(key, cell);
	}
	const districts = new Map<string, number[]>();
	for (const cell of cells.values()) {
		districts.set(cell.district, [
			...(districts.get(cell.district) ?? []),
			(cell.score / cell.max) * 100
		]);
	}
	const means = [...districts.values()].map((v) => v.reduce((a, b) => a + b, 0) / v.length);
	return means.reduce((a, b) => a + b, 0) / means.length;
}

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
	await loadSampleDataset(engine, async (name) => repoFile(`data/${name}`));
});

describe('where a score total comes from', () => {
	it('a district’s total over all years: the rows listed make exactly the published figure', async () => {
		const code = expected.district_codes['성북구']!;
		for (const source of ['self', 'official', 'expert'] as const) {
			const found = await queryScoreProvenance(
				engine,
				NO_FILTERS,
				{ source, district: code },
				100_000
			);
			expect(found.rowCount).toBe(found.rows.length);
			expect(fromRows(found.rows)).toBeCloseTo(expected.all_years['성북구']![source], 9);
			expect(found.value).toBeCloseTo(expected.all_years['성북구']![source], 9);
			// Each cell's sums make its value, and every row carries its file and line.
			for (const cell of found.cells) {
				expect(cell.value).toBeCloseTo((cell.score_sum / cell.max_sum) * 100, 9);
			}
			expect(new Set(found.cells.map((cell) => cell.year)).size).toBe(found.cells.length);
			for (const row of found.rows) {
				expect(row.file_id).toMatch(/^[0-9a-f]{64}$/);
				expect(row.line).toBeGreaterThan(1);
				expect(row.evaluator_type).toBe(source);
			}
		}
	});

	it('one year, and the headline over every district', async () => {
		const code = expected.district_codes['성북구']!;
		const year = await queryScoreProvenance(
			engine,
			{ ...NO_FILTERS, years: [2019] },
			{ source: 'official', district: code },
			100_000
		);
		expect(year.cells.map((cell) => cell.year)).toEqual([2019]);
		expect(fromRows(year.rows)).toBeCloseTo(expected.year_2019['성북구']!.official, 9);
		const headline = await queryScoreProvenance(engine, NO_FILTERS, { source: 'expert' }, 100_000);
		expect(fromRows(headline.rows)).toBeCloseTo(expected.headline_all_years.expert, 9);
		expect(headline.value).toBeCloseTo(expected.headline_all_years.expert, 9);
	});

	it('lists the first rows of a large figure and counts all of them by file', async () => {
		const headline = await queryScoreProvenance(engine, NO_FILTERS, { source: 'self' }, 50);
		expect(headline.rows).toHaveLength(50);
		expect(headline.rowCount).toBeGreaterThan(50);
		expect(headline.byFile.reduce((sum, file) => sum + file.rows, 0)).toBe(headline.rowCount);
	});
});

describe('where a gap comes from', () => {
	it('each district’s gap and their mean equal the independent figures, and the rows make them', async () => {
		const official = await queryGapProvenance(engine, NO_FILTERS, {}, 'official', 100_000);
		expect(official.value).toBeCloseTo(expected.bias_all_years.official.mean, 9);
		for (const district of official.districts) {
			expect(district.gap).toBeCloseTo(
				expected.gap_self_minus_official_all_years[district.name_ko]!,
				9
			);
		}
		// Only self and the officials' rows: the experts take no part in this gap.
		expect(new Set(official.rows.map((row) => row.evaluator_type))).toEqual(
			new Set(['self', 'official'])
		);
		const seongbuk = expected.district_codes['성북구']!;
		const own = (type: string) =>
			official.rows.filter((row) => row.district_code === seongbuk && row.evaluator_type === type);
		expect(fromRows(own('self')) - fromRows(own('official'))).toBeCloseTo(
			expected.gap_self_minus_official_all_years['성북구']!,
			9
		);
	});

	it('one district, one year, against the mean of both external sources', async () => {
		const code = expected.district_codes['도봉구']!;
		const found = await queryGapProvenance(
			engine,
			{ ...NO_FILTERS, years: [2019] },
			{ district: code },
			'mean'
		);
		expect(found.districts).toHaveLength(1);
		expect(found.value).toBeCloseTo(expected.gap_self_minus_mean_2019['도봉구']!, 9);
		const part = (type: string) =>
			fromRows(found.rows.filter((row) => row.evaluator_type === type));
		expect(part('self') - (part('official') + part('expert')) / 2).toBeCloseTo(found.value!, 9);
	});
});

describe('where the gap’s interval comes from', () => {
	it('its observations are the districts’ mean yearly gaps, and make the independent interval', async () => {
		const trace = await queryGapProvenance(engine, NO_FILTERS, {}, 'mean');
		const clusters = biasClusters(trace, 'mean');
		expect(clusters).toHaveLength(10);
		expect(clusters.every((cluster) => cluster.year === null && cluster.gaps.length === 4)).toBe(
			true
		);
		const interval = meanWithTInterval(clusters.map((cluster) => cluster.gap))!;
		const want = expected.bias_all_years.mean;
		expect(interval.mean).toBeCloseTo(want.mean, 9);
		expect(interval.lower).toBeCloseTo(want.lower, 9);
		expect(interval.upper).toBeCloseTo(want.upper, 9);
		const lines = formulaLines(
			{
				kind: 'bias',
				request: { kind: 'bias', scope: {}, external: 'mean', label: '', text: '' },
				trace
			},
			'ko'
		);
		// t(0.975, 9) = 2.262 (a published table's value).
		expect(lines.at(-1)).toBe(
			`95% 구간 = −5.4 ± t(0.975, 자유도 9) 2.262 × ${interval.sd.toFixed(2)} ÷ √10 = [−8.0, −2.8]`
		);
	});

	it('with one district shown, its years are the observations', async () => {
		const code = expected.district_codes['성북구']!;
		const trace = await queryGapProvenance(
			engine,
			{ ...NO_FILTERS, districts: [code] },
			{},
			'official'
		);
		const clusters = biasClusters(trace, 'official');
		expect(clusters.map((cluster) => cluster.year)).toEqual([2017, 2018, 2019, 2020]);
		expect(meanWithTInterval(clusters.map((c) => c.gap))!.mean).toBeCloseTo(
			expected.gap_self_minus_official_all_years['성북구']!,
			9
		);
	});
});

describe('where a budget figure comes from', () => {
	const sums = (rows: readonly BudgetSourceRow[]) => ({
		planned: rows.reduce((sum, row) => sum + row.planned, 0),
		spent: rows.reduce((sum, row) => sum + row.spent, 0)
	});

	it('the lines listed add up to the district’s and the headline’s sums', async () => {
		const all = await queryBudgetProvenance(engine, NO_FILTERS, {}, 100_000);
		expect(sums(all.rows)).toEqual({
			planned: expected.budget_districts_all_years.planned,
			spent: expected.budget_districts_all_years.spent
		});
		expect(all.rate! * 100).toBeCloseTo(expected.budget_districts_all_years.execution_rate_pct, 9);
		// The city's own lines fund no district and are not behind any district figure.
		expect(all.rows.some((row) => row.district_code === '11000')).toBe(false);
		const code = expected.district_codes['구로구']!;
		const year = await queryBudgetProvenance(engine, NO_FILTERS, { district: code, year: 2018 });
		expect(expected.budget_by_district_year['구로구']!['2018']).toMatchObject(sums(year.rows));
		expect(year.rowCount).toBe(year.rows.length);
		expect(new Set(year.rows.map((row) => row.file_id)).size).toBe(1);
	});

	it('counts every line by file when it lists only the first', async () => {
		const code = expected.district_codes['성북구']!;
		const found = await queryBudgetProvenance(engine, NO_FILTERS, { district: code }, 3);
		expect(found.rows).toHaveLength(3);
		expect(found.rowCount).toBeGreaterThan(3);
		expect(expected.budget_by_district_all_years['성북구']).toMatchObject({
			planned: found.planned,
			spent: found.spent
		});
	});
});

describe('an uploaded CP949 file’s figure', () => {
	it('traces to that file’s lines, and the rows make the figure', async () => {
		const own = await createNodeEngine();
		await loadSampleDataset(own, async (name) => repoFile(`data/${name}`));
		const csv = [
			'연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점',
			'2033,성북구,자체,,추진체계,똠방 운영,4,10',
			'2033,성북구,공무원,공무원A,추진체계,똠방 운영,6,10',
			'2033,성북구,공무원,공무원B,추진체계,똠방 운영,7,10',
			'2033,성북구,외부전문가,전문가A,추진체계,똠방 운영,8,10',
			'2033,성북구,자체,,추진체계,햏 점검,9,20',
			'2033,성북구,공무원,공무원A,추진체계,햏 점검,10,20',
			'2033,성북구,외부전문가,전문가A,추진체계,햏 점검,12,20'
		].join('\r\n');
		const result = await importCsv(
			own,
			{ name: '성북구-2033.csv', bytes: iconv.encode(csv, 'cp949') },
			{ decodeCp949: nodeCp949 }
		);
		expect(result.imported).toBe(true);
		const found = await queryScoreProvenance(
			own,
			{ ...NO_FILTERS, years: [2033] },
			{ source: 'official', district: expected.district_codes['성북구']! }
		);
		// By hand: unit means 6.5 of 10 and 10 of 20: (6.5 + 10) ÷ 30 × 100 = 55.
		expect(found.cells).toHaveLength(1);
		expect(found.cells[0]).toMatchObject({ score_sum: 16.5, max_sum: 30, units: 2 });
		expect(found.value).toBeCloseTo(55, 12);
		expect(fromRows(found.rows)).toBeCloseTo(55, 12);
		expect(found.rows.map((row) => [row.file_id, row.line])).toEqual([
			[result.hash, 3],
			[result.hash, 4],
			[result.hash, 7]
		]);
	});
});
