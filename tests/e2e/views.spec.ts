import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	expected,
	oneDecimal,
	openDashboard,
	percent,
	points,
	readDataTable,
	signedPoints,
	views,
	won
} from './helpers';

// Every expected number here comes from tests/fixtures/expected/compute_expected.py (exact
// fractions over data/*.csv) and is formatted by hand below, never by the app's code.

const districts = views.districts_korean_order;

/** The bias sentence of messages.ts ('gap.biasLower' / 'gap.biasHigher'), filled in by hand. */
function biasSentence(
	bias: { mean: number; lower: number; upper: number; n: number; units: number },
	external: string
): string {
	const lower = bias.mean < 0;
	const [from, to] = lower ? [-bias.upper, -bias.lower] : [bias.lower, bias.upper];
	return (
		`자체평가가 ${external}보다 평균 ${oneDecimal(Math.abs(bias.mean))}점 ` +
		`${lower ? '낮습니다' : '높습니다'} (자치구 ${bias.n}곳 단위로 계산한 95% 신뢰구간 ` +
		`${oneDecimal(from)}–${oneDecimal(to)}점, 단위 ${bias.units.toLocaleString('en-US')}개).`
	);
}

const biasText = (page: Page) => page.getByTestId('bias').locator('p').first();

test('the heatmap table gives self − mean(official, expert) per area and district', async ({
	page
}) => {
	await openDashboard(page);
	const heatmap = views.gap_heatmap_mean_all_years;
	await expect
		.poll(() => readDataTable(page, 'gap-heatmap', 'gap-heatmap-table'))
		.toEqual({
			head: [['평가영역', ...districts]],
			body: views.areas.map((area) => [
				area,
				...districts.map((district) => signedPoints(heatmap[area]![district]!))
			])
		});
	// Spot checks of the hand formatting itself.
	expect(signedPoints(heatmap['민관협치']!['강서구']!)).toBe('+6.5점');
	expect(signedPoints(heatmap['자립·지속가능성']!['서대문구']!)).toBe('\u221212.8점');
});

test('the bias sentence states the headline gap with its interval over districts', async ({
	page
}) => {
	await openDashboard(page);
	const bias = views.bias_all_years.mean;
	expect(bias.n).toBe(10); // one cluster per district
	expect(bias.units).toBe(560); // 10 districts × 4 years × 14 indicators, all matched
	// The same figure as the headline gap, and at least twice as wide as the unit-level
	// interval the page printed before (±0.67 point).
	expect(bias.mean).toBeCloseTo(expected.headline_all_years.gap_self_minus_external, 12);
	expect((bias.upper - bias.lower) / 2).toBeGreaterThan(2 * 0.67);
	await expect(biasText(page)).toHaveText(biasSentence(bias, '공무원·전문가 평균'));
	await expect(page.getByTestId('coverage')).toHaveText(
		'모든 평가주체가 점수를 매긴 단위 560개를 비교합니다.'
	);
	// Each year equal and each evaluator equal: 성북구's all-years gap is −6.74, where pooling
	// every row (a year of three officials weighing 1.5 times one of two) gave −7.30.
	const seongbuk = expected.all_years['성북구']!;
	const gap = seongbuk.self - (seongbuk.official + seongbuk.expert) / 2;
	expect(gap).toBeCloseTo(-6.7396, 4);
	await expect
		.poll(async () => {
			const { body } = await readDataTable(page, 'score-gap', 'score-gap-table');
			return body.find(([name]) => name === '성북구')?.at(-1);
		})
		.toBe('\u22126.7점');
});

test('choosing 공무원평가 as the external score makes the gap self − official', async ({
	page
}) => {
	await openDashboard(page);
	await page
		.getByRole('group', { name: '외부평가 기준' })
		.getByText('공무원평가', { exact: true })
		.click();
	await expect(page).toHaveURL(/\?x=official$/);
	await expect(page.getByRole('radio', { name: '공무원평가', exact: true })).toBeChecked();

	const gaps = views.gap_self_minus_official_all_years;
	const totals = expected.all_years;
	const rowOf = (district: string) => [
		district,
		points(totals[district]!.self),
		points(totals[district]!.official),
		points(totals[district]!.expert),
		signedPoints(gaps[district]!)
	];
	await expect
		.poll(async () => {
			const { head, body } = await readDataTable(page, 'score-gap', 'score-gap-table');
			// Rows are ordered by the gap, largest self-shortfall first; compare them as a set here
			// and check the order below.
			return { head, body: [...body].sort((a, b) => a[0]!.localeCompare(b[0]!)) };
		})
		.toEqual({
			head: [['자치구', '자체평가', '공무원평가', '외부전문가평가', '격차 (자체 − 공무원평가)']],
			body: [...districts].sort((a, b) => a.localeCompare(b)).map(rowOf)
		});
	const { body } = await readDataTable(page, 'score-gap', 'score-gap-table');
	const order = body.map(([name]) => gaps[name!]!);
	expect(order).toEqual([...order].sort((a, b) => a - b));

	await expect(biasText(page)).toHaveText(
		biasSentence(views.bias_all_years.official, '공무원평가')
	);
});

test('the budget view sums each district and the city lines', async ({ page }) => {
	await openDashboard(page, '?v=budget');
	const budget = views.budget_by_district_all_years;
	await expect
		.poll(async () => {
			const { head, body } = await readDataTable(
				page,
				'budget-execution',
				'budget-execution-table'
			);
			return { head, body: Object.fromEntries(body.map(([name, ...cells]) => [name, cells])) };
		})
		.toEqual({
			head: [['자치구', '예산액', '집행액', '집행률']],
			body: Object.fromEntries(
				districts.map((d) => [
					d,
					[won(budget[d]!.planned), won(budget[d]!.spent), percent(budget[d]!.execution_rate_pct)]
				])
			)
		});

	const city = page.getByTestId('budget-city');
	expect(views.budget_city_all_years.planned).toBe(1_456_200);
	await expect(city.getByTestId('city-total-planned')).toHaveText(
		won(views.budget_city_all_years.planned)
	);
	await expect(city.locator('tbody tr')).toHaveCount(views.budget_city_all_years.lines);
});

test('the trend table gives each district’s external total, change and rank by year', async ({
	page
}) => {
	await openDashboard(page, '?v=trend');
	const trend = views.trend_external_mean;
	const years = views.years.map(String);
	expect(years).toEqual(['2017', '2018', '2019', '2020']);
	const rankCell = (rank: number, change: number | null) =>
		change === null
			? `${rank}위`
			: `${rank}위 ${change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : '–'}`;
	await expect
		.poll(async () => {
			const { head, body } = await readDataTable(page, 'trend-lines', 'trend-table');
			return { head, body: Object.fromEntries(body.map(([name, ...cells]) => [name, cells])) };
		})
		.toEqual({
			head: [['자치구', ...years], years.flatMap(() => ['총점', '전년 대비', '순위'])],
			body: Object.fromEntries(
				districts.map((d) => [
					d,
					years.flatMap((y) => {
						const cell = trend[d]![y]!;
						return [
							points(cell.total),
							cell.change === null ? '–' : signedPoints(cell.change),
							rankCell(cell.rank, cell.rank_change)
						];
					})
				])
			)
		});
});

test('the ICC table has the six Shrout–Fleiss forms; officials agree year by year', async ({
	page
}) => {
	await openDashboard(page);
	const icc = page.getByTestId('icc-table');
	const forms = ['ICC(1,1)', 'ICC(2,1)', 'ICC(3,1)', 'ICC(1,k)', 'ICC(2,k)', 'ICC(3,k)'];
	const rows = (result: typeof views.icc_sources_all_years) =>
		forms.map((form) => [
			form,
			result.estimates[form]!.toFixed(3),
			String(result.n),
			String(result.k)
		]);
	// Each row's cells but the third (the interval), for tables whose intervals are not checked.
	const withoutInterval = (table: Locator) => () =>
		table
			.locator('tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) =>
					[...tr.querySelectorAll('th, td')]
						.map((cell) => cell.textContent?.trim() ?? '')
						.filter((_, i) => i !== 2)
				)
			);
	// Form, value, n and k of each row.
	const shown = withoutInterval(icc);

	const sources = views.icc_sources_all_years;
	await expect(icc.locator('tbody th')).toHaveText(forms);
	await expect.poll(shown).toEqual(rows(sources));
	await expect(icc.locator('caption')).toHaveText(
		`세 평가주체 사이: 대상 ${sources.n}개, 평가자 ${sources.k}명. 평가가 빠진 대상 ${sources.excluded}개는 제외했습니다. (Shrout & Fleiss 1979, McGraw & Wong 1996)`
	);

	await page
		.getByRole('group', { name: '일치도 대상' })
		.getByText('공무원 평가자 사이', { exact: true })
		.click();
	await expect(page).toHaveURL(/\?ag=official$/);
	// Labels are raters within their year: no pooled table, one row per year.
	await expect(icc).toHaveCount(0);
	const official = views.icc_official_all_years;
	expect(Object.keys(official)).toEqual(['2017', '2018', '2019', '2020']);
	expect(official['2019']!.estimates['ICC(2,1)']!.toFixed(3)).toBe('0.419');
	const yearly = page.getByTestId('icc-year-table');
	await expect(yearly.locator('caption')).toHaveText(
		'공무원 평가자 사이: 연도별 ICC(2,1) (그해의 단위와 평가자로 계산)'
	);
	// Year, ICC(2,1), n, k, what was left out, and the year's 출처.
	await expect
		.poll(withoutInterval(yearly))
		.toEqual(
			Object.entries(official).map(([year, result]) => [
				year,
				result.estimates['ICC(2,1)']!.toFixed(3),
				String(result.n),
				String(result.k),
				String(result.excluded),
				'출처'
			])
		);
	for (const result of Object.values(official)) expect(result.excluded).toBe(0);
});

test('a trend is called closing or widening only when its interval excludes 0', async ({
	page
}) => {
	await openDashboard(page, '?v=trend');
	const slopes = views.trend_gap_slope;
	// 마포구's |gap| shrinks 0.55 a year over four years, with an interval far across 0.
	expect(slopes['마포구']).toMatchObject({ slope: -0.55, direction: 'unclear' });
	const words: Record<string, string> = {
		closing: '좁혀짐',
		widening: '벌어짐',
		unclear: '불분명'
	};
	const twoDecimals = (value: number) => {
		const text = value.toFixed(2);
		return text.startsWith('-') ? `\u2212${text.slice(1)}` : text;
	};
	await expect
		.poll(async () => {
			const { body } = await readDataTable(page, 'gap-trend', 'gap-trend-table');
			return Object.fromEntries(body.map((row) => [row[0], row.slice(-3)]));
		})
		.toEqual(
			Object.fromEntries(
				districts.map((d) => [
					d,
					[
						twoDecimals(slopes[d]!.slope),
						`${twoDecimals(slopes[d]!.lower)} – ${twoDecimals(slopes[d]!.upper)}`,
						words[slopes[d]!.direction]
					]
				])
			)
		);
});

test('the charts not read at a glance each carry a line on how to read them, in both languages', async ({
	page
}) => {
	for (const [query, heading] of [
		['', '읽는 법'],
		['?lang=en', 'How to read:']
	] as const) {
		await openDashboard(page, query);
		for (const [part, words] of [
			['gap-heatmap', query ? /the bluer the cell/i : /파랄수록 자체평가가 더 높고/],
			['bland-altman', query ? /limits of agreement/ : /일치 한계/],
			['icc', query ? /0\.75 and above as good/ : /0\.75 이상은 좋음/]
		] as const) {
			const line = page.getByTestId(part).getByTestId('how-to-read');
			await expect(line).toHaveCount(1);
			await expect(line).toContainText(heading);
			await expect(line).toContainText(words);
		}
	}
});
