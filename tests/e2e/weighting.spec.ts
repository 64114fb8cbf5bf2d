import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
	chooseFiles,
	oneDecimal,
	openDashboard,
	openOwnData,
	points,
	readDataTable,
	signedPoints
} from './helpers';

// The hand-made unbalanced export (two officials in 2019, three in 2020; 지표3 without experts in
// 성북구 and without officials in 마포구) and its figures from the independent Python script
// (tests/fixtures/expected/compute_expected.py), formatted here by hand.
const FIXTURE = new URL('../fixtures/csv/unbalanced/evaluations.csv', import.meta.url);
type BySource = { self: number; official: number; expert: number };
const expected = JSON.parse(
	readFileSync(new URL('../fixtures/expected/unbalanced-totals.json', import.meta.url), 'utf8')
) as {
	districts_korean_order: string[];
	by_district_all_years: Record<string, BySource>;
	headline_all_years: BySource & { gap_self_minus_external: number };
	gap_all_years: { mean: Record<string, number> };
	bias_mean: { mean: number; lower: number; upper: number; n: number; units: number };
	coverage: { units: number; matched: number };
	icc_official_by_year: Record<
		string,
		{ n: number; k: number; excluded: number; estimates: Record<string, number> }
	>;
};

async function upload(page: Page, name: string, buffer: Buffer, mode?: string) {
	if (mode) {
		await openOwnData(page);
		await page
			.getByRole('group', { name: '가져오는 방식' })
			.getByRole('radio', { name: mode })
			.check();
	}
	await chooseFiles(page, { name, mimeType: 'text/csv', buffer });
}

test('an unbalanced export: one weighting rule, matched units, one gap, agreement by year', async ({
	page
}) => {
	await openDashboard(page);
	await upload(page, 'unbalanced.csv', readFileSync(FIXTURE), '같은 종류 자료를 모두 교체');
	await expect(page.getByTestId('import-results')).toContainText(
		'unbalanced.csv: 40행을 가져왔습니다'
	);

	// Totals by district: evaluators averaged per unit, each year equal, unmatched units out.
	const districts = expected.districts_korean_order;
	await expect
		.poll(async () => {
			const { body } = await readDataTable(page, 'score-gap', 'score-gap-table');
			return Object.fromEntries(body.map(([name, ...cells]) => [name, cells]));
		})
		.toEqual(
			Object.fromEntries(
				districts.map((d) => {
					const t = expected.by_district_all_years[d]!;
					return [
						d,
						[
							points(t.self),
							points(t.official),
							points(t.expert),
							signedPoints(expected.gap_all_years.mean[d]!)
						]
					];
				})
			)
		);

	// The headline gap and the bias are one figure, with an interval over the two districts.
	const headline = expected.headline_all_years;
	await expect(page.getByTestId('headline-gap')).toContainText(
		signedPoints(headline.gap_self_minus_external)
	);
	const bias = expected.bias_mean;
	expect(bias.mean).toBeCloseTo(headline.gap_self_minus_external, 12);
	await expect(page.getByTestId('bias').locator('p').first()).toHaveText(
		`자체평가가 공무원·전문가 평균보다 평균 ${oneDecimal(-bias.mean)}점 낮습니다 ` +
			`(자치구 ${bias.n}곳 단위로 계산한 95% 신뢰구간 ${oneDecimal(-bias.upper)}–` +
			`${oneDecimal(-bias.lower)}점, 단위 ${bias.units}개).`
	);
	const { units, matched } = expected.coverage;
	await expect(page.getByTestId('coverage')).toHaveText(
		`모든 평가주체가 점수를 매긴 단위 ${matched}개만 비교합니다. 평가주체가 빠진 단위 ${units - matched}개 제외.`
	);

	// Officials: two raters in 2019, three in 2020 (성북구 지표3 has one official: left out).
	await page
		.getByRole('group', { name: '일치도 대상' })
		.getByText('공무원 평가자 사이', { exact: true })
		.click();
	const yearly = page.getByTestId('icc-year-table');
	await expect
		.poll(() =>
			yearly
				.locator('tbody tr')
				.evaluateAll((trs) =>
					trs.map((tr) =>
						[...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')
					)
				)
		)
		.toEqual(
			Object.entries(expected.icc_official_by_year).map(([year, icc]) => [
				year,
				icc.estimates['ICC(2,1)']!.toFixed(3).replace('-', '\u2212'),
				expect.any(String),
				String(icc.n),
				String(icc.k),
				String(icc.excluded),
				'출처'
			])
		);

	// A second file repeating one loaded row is stopped, not counted twice.
	const repeated = ['연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점']
		.concat('2019,성북구,자체,,A영역,지표1,10,10')
		.join('\n');
	await upload(page, 'again.csv', Buffer.from(repeated), '기존 자료에 추가');
	await expect(page.getByTestId('overlaps-note')).toContainText('겹치는 행이 1개 있어');
	await expect(page.getByTestId('import-results')).toContainText('again.csv 2행 평가지표열');
	await expect(page.getByTestId('headline-gap')).toContainText(
		signedPoints(headline.gap_self_minus_external)
	);

	// 지표3 was scored in 2020 only: the trend view says both districts' rubric changed.
	await page.getByRole('link', { name: '연도별 추이', exact: true }).click();
	const notes = page.getByTestId('rubric-changes');
	await expect(notes.locator('li')).toHaveText([
		'마포구 2020년 (2019년 대비): 지표 추가 A영역 · 지표3.',
		'성북구 2020년 (2019년 대비): 지표 추가 A영역 · 지표3.'
	]);
	await expect(page.getByTestId('methods')).toContainText('평가 기준 변경');
});

test('the same export with the sources side by side gives the same figures', async ({ page }) => {
	await openDashboard(page);
	const wide = new URL('../fixtures/layouts/sources-side-by-side.csv', import.meta.url);
	await upload(page, 'side-by-side.csv', readFileSync(wide), '같은 종류 자료를 모두 교체');
	// Ten rows of five score columns: one row per filled cell, 40 as in the long layout. The
	// layout is shown as it will be read, and imported once confirmed.
	const results = page.getByTestId('import-results');
	await expect(results).toContainText('side-by-side.csv: 평가주체별 점수 열 5개로 된 표입니다.');
	await expect(page.getByTestId('import-preview').locator('tbody tr').first()).toHaveText(
		/2019\s*성북구\s*자체평가\s*A영역\s*지표1\s*6\s*10/
	);
	await results.getByRole('button', { name: '이대로 40행 가져오기' }).click();
	await expect(results).toContainText('side-by-side.csv: 40행을 가져왔습니다');
	await expect
		.poll(async () => {
			const { body } = await readDataTable(page, 'score-gap', 'score-gap-table');
			return Object.fromEntries(body.map(([name, ...cells]) => [name, cells.slice(0, 3)]));
		})
		.toEqual(
			Object.fromEntries(
				expected.districts_korean_order.map((d) => {
					const t = expected.by_district_all_years[d]!;
					return [d, [points(t.self), points(t.official), points(t.expert)]];
				})
			)
		);
});
