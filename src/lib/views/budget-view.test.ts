import { beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '$lib/csv/import';
import type { Engine } from '$lib/engine/types';
import { csvBytes, engineWithSchema } from '$lib/testing/node-engine';
import { DEFAULT_URL_STATE } from '$lib/url-state/url-state';
import { loadBudgetView } from './budget-view';

// Sums worked out by hand: 성북구 1,000,000 + 2,000,000 planned, 900,000 + 2,100,000 spent.
const BUDGET = `회계연도,자치구,사업명,세부항목,예산과목,예산액,집행액,산출내역
2019,성북구,운영,인건비,101-01,"1,000,000","900,000",
2019,서울시,워크숍,강사료,201-01,"350,000","350,000",
2020,성북구,운영,인건비,101-01,"2,000,000","2,100,000",
2020,마포구,운영,강사료,201-01,"500,000","250,000",
`;

let engine: Engine;
beforeAll(async () => {
	engine = await engineWithSchema();
	const result = await importCsv(engine, { name: 'b.csv', bytes: csvBytes(BUDGET) });
	if (!result.imported) throw new Error('the budget fixture did not import');
});

describe('loadBudgetView', () => {
	it('sums each district over the years shown, the rate of the sums; the city left out', async () => {
		const view = await loadBudgetView(engine, DEFAULT_URL_STATE);
		expect(view.byDistrict).toEqual([
			{
				district: { code: '11440', labelKo: '마포구', labelEn: 'Mapo-gu' },
				planned: 500_000,
				spent: 250_000,
				rate: 0.5
			},
			{
				district: { code: '11290', labelKo: '성북구', labelEn: 'Seongbuk-gu' },
				planned: 3_000_000,
				spent: 3_000_000,
				rate: 1
			}
		]);
	});

	it('the sums follow the years chosen', async () => {
		const view = await loadBudgetView(engine, {
			...DEFAULT_URL_STATE,
			filters: { ...DEFAULT_URL_STATE.filters, years: [2019] }
		});
		expect(view.byDistrict).toEqual([
			{
				district: { code: '11290', labelKo: '성북구', labelEn: 'Seongbuk-gu' },
				planned: 1_000_000,
				spent: 900_000,
				rate: 0.9
			}
		]);
	});
});
