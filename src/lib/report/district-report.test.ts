import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '$lib/csv/import';
import { loadSampleDataset } from '$lib/dataset/sample';
import { createNodeEngine } from '$lib/engine/node';
import type { Engine } from '$lib/engine/types';
import { formatNumber, formatPercent, formatPoints, formatWon } from '$lib/i18n/format';
import { NO_FILTERS } from '$lib/query/filters';
import { csvBytes, repoFile } from '$lib/testing/node-engine';
import { loadDistrictReports, type DistrictReport } from './district-report';
import { reportFindings } from './findings';

// Check values from the independent Python script (tests/fixtures/expected/compute_expected.py).
const expected = JSON.parse(
	readFileSync(
		new URL('../../../tests/fixtures/expected/sample-totals.json', import.meta.url),
		'utf8'
	)
) as {
	all_years: Record<string, Record<'self' | 'official' | 'expert', number>>;
	gap_self_minus_official_all_years: Record<string, number>;
	budget_by_district_all_years: Record<string, { planned: number; spent: number }>;
	districts_korean_order: string[];
	years: number[];
};

let engine: Engine;
let reports: DistrictReport[];
beforeAll(async () => {
	engine = await createNodeEngine();
	await loadSampleDataset(engine, async (name) => repoFile(`data/${name}`));
	reports = await loadDistrictReports(engine, NO_FILTERS, 'official', expected.years);
});

/** Every number a sentence holds, as written ("64.7", "1,456,200", "3"). */
const numbersIn = (text: string) => text.match(/\d+(?:,\d{3})*(?:\.\d+)?/g) ?? [];

describe('a report per district', () => {
	it('one page per district, in Korean order, with the dashboard’s figures', () => {
		expect(reports.map((report) => report.district.labelKo)).toEqual(
			expected.districts_korean_order
		);
		for (const report of reports) {
			const name = report.district.labelKo;
			const want = expected.all_years[name]!;
			expect(report.totals.self.value).toBeCloseTo(want.self, 9);
			expect(report.totals.official.value).toBeCloseTo(want.official, 9);
			expect(report.totals.expert.value).toBeCloseTo(want.expert, 9);
			// External = officials here: the gap is the dashboard's district gap.
			expect(report.gapValue).toBeCloseTo(expected.gap_self_minus_official_all_years[name]!, 9);
			expect(expected.budget_by_district_all_years[name]).toMatchObject({
				planned: report.budget!.planned,
				spent: report.budget!.spent
			});
			expect(report.byYear.map((entry) => entry.year)).toEqual(expected.years);
			expect(report.missingYears).toEqual([]);
		}
	});

	it('ranks each source among the districts, 1 the highest, ties sharing a rank', () => {
		for (const source of ['self', 'official', 'expert'] as const) {
			const all = Object.values(expected.all_years).map((scores) => scores[source]);
			for (const report of reports) {
				const own = expected.all_years[report.district.labelKo]![source];
				// Competition ranking: one more than the districts strictly above (within rounding).
				const above = all.filter((other) => other - own > 1e-9).length;
				expect(report.totals[source].rank).toBe(above + 1);
			}
		}
	});

	it('orders areas from the lowest external score, and says which lines are flagged', () => {
		for (const report of reports) {
			const scores = report.areas.map((area) => area.external!);
			expect(scores).toEqual([...scores].sort((a, b) => a - b));
			for (const line of report.budget!.flagged) {
				const rate = line.spent / line.planned;
				expect(rate < 0.8 || rate > 1).toBe(true);
			}
		}
	});
});

describe('the findings in words', () => {
	it('hold no number the report’s figures do not, in Korean and English', () => {
		for (const report of reports) {
			for (const locale of ['ko', 'en'] as const) {
				const figures = [
					...Object.values(report.totals).flatMap((score) => [
						formatPoints(score.value, locale),
						String(score.rank)
					]),
					String(report.districtCount),
					...report.areas.map((area) => formatPoints(area.external, locale)),
					formatPoints(report.gap && Math.abs(report.gap.mean), locale),
					formatPoints(report.gap?.lower ?? null, locale),
					formatPoints(report.gap?.upper ?? null, locale),
					formatWon(report.budget!.planned, locale),
					formatWon(report.budget!.spent, locale),
					formatPercent(report.budget!.rate, locale),
					formatNumber(report.budget!.flagged.length, locale),
					// The fixed references the sentences name: the flag's thresholds, the interval's
					// level, "1 = highest" and "not distinguishable from 0".
					'0',
					'80%',
					'100%',
					'95%',
					'1'
				].join(' ');
				const allowed = new Set(numbersIn(figures));
				for (const sentence of reportFindings(report, locale)) {
					for (const number of numbersIn(sentence)) expect(allowed).toContain(number);
				}
			}
		}
	});

	it('say the rank, the gap and the budget of 성북구 as its figures have them', () => {
		const seongbuk = reports.find((report) => report.district.labelKo === '성북구')!;
		const [rank, gap, areas, budget] = reportFindings(seongbuk, 'ko');
		expect(rank).toBe(
			`성북구의 외부평가 총점은 ${formatPoints(seongbuk.totals.external.value, 'ko')}으로 자치구 10곳 가운데 ${seongbuk.totals.external.rank}위입니다.`
		);
		// The 성북구 gap against the officials is about −7.1 over four years: lower, the interval below 0.
		expect(gap).toMatch(/^자체평가가 외부평가보다 7\.1점 낮습니다\(95% 구간 −[\d.]+점 ~ −[\d.]+점/);
		expect(areas).toContain(seongbuk.areas[0]!.area);
		expect(budget).toContain(formatWon(seongbuk.budget!.planned, 'ko'));
	});

	it('say so when a district has no scores for a year shown, or no budget lines', async () => {
		const own = await createNodeEngine();
		await loadSampleDataset(own, async (name) => repoFile(`data/${name}`));
		const header = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점';
		const result = await importCsv(
			own,
			{
				name: '2031.csv',
				bytes: csvBytes(
					[
						header,
						'2031,성북구,자체,,추진체계,운영,8,10',
						'2031,성북구,공무원,A,추진체계,운영,9,10',
						'2031,성북구,외부전문가,B,추진체계,운영,7,10'
					].join('\n')
				)
			},
			{ mode: 'add', setAsideSample: false }
		);
		expect(result.imported).toBe(true);
		const filters = { ...NO_FILTERS, years: [2020, 2031] };
		const found = await loadDistrictReports(own, filters, 'mean', [...expected.years, 2031]);
		const dobong = found.find((report) => report.district.labelKo === '도봉구')!;
		expect(dobong.missingYears).toEqual([2031]);
		expect(reportFindings(dobong, 'ko').at(-1)).toBe(
			'2031년에는 이 자치구의 평가 점수가 없습니다.'
		);
		// The sample has no budget lines for 2031: a district filtered to it has none.
		const only2031 = await loadDistrictReports(
			own,
			{ ...NO_FILTERS, years: [2031] },
			'mean',
			[2031]
		);
		expect(only2031.map((report) => report.district.labelKo)).toEqual(['성북구']);
		expect(only2031[0]!.budget).toBeNull();
		expect(reportFindings(only2031[0]!, 'en')).toContain(
			'This district has no budget lines under the current filters.'
		);
	});
});
