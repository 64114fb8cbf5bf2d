import { beforeEach, describe, expect, it } from 'vitest';
import { importCsv } from '$lib/csv/import';
import { createNodeEngine } from '$lib/engine/node';
import type { Engine } from '$lib/engine/types';
import { csvBytes, repoFile } from '$lib/testing/node-engine';
import { readContents } from './contents';
import { importPublished } from './published';
import { loadSampleDataset, prepareEngine } from './sample';

// The shipped sample: 3,360 evaluation rows and 199 budget lines (data/README.md).
const SAMPLE = { evaluations: 3360, budget: 199 };
const fetchBytes = async (name: string) => repoFile(`data/${name}`);
const HEADER = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점';
// A row with the key of a sample row (2019 성북구 self, the first indicator) and one without.
const OWN = csvBytes(
	[
		HEADER,
		'2019,성북구,자체,,추진체계,운영위원회 구성 및 운영,5,5',
		'2019,성북구,자체,,추진체계,새 지표,3,5'
	].join('\n')
);

let engine: Engine;
beforeEach(async () => {
	engine = await createNodeEngine();
	await loadSampleDataset(engine, fetchBytes);
});

describe('staff’s first file sets the sample aside', () => {
	it('the sample is known as the sample', async () => {
		expect(await readContents(engine)).toMatchObject({
			evaluationRows: SAMPLE.evaluations,
			budgetRows: SAMPLE.budget,
			sampleEvaluationRows: SAMPLE.evaluations,
			sampleBudgetRows: SAMPLE.budget
		});
	});

	it('replaces the sample’s rows of its kind only, and its rows overlap nothing of the sample', async () => {
		const result = await importCsv(
			engine,
			{ name: 'own.csv', bytes: OWN },
			{ mode: 'add', setAsideSample: true }
		);
		expect(result).toMatchObject({
			imported: true,
			importedCount: 2,
			setAsideCount: SAMPLE.evaluations,
			overlapCount: 0
		});
		expect(await readContents(engine)).toMatchObject({
			evaluationRows: 2,
			sampleEvaluationRows: 0,
			budgetRows: SAMPLE.budget,
			sampleBudgetRows: SAMPLE.budget
		});
	});

	it('without it, the same file is stopped on the row the sample has', async () => {
		const result = await importCsv(engine, { name: 'own.csv', bytes: OWN }, { mode: 'add' });
		expect(result).toMatchObject({ imported: false, overlapCount: 1, setAsideCount: 0 });
		expect((await readContents(engine)).evaluationRows).toBe(SAMPLE.evaluations);
	});

	it('a second file of the kind, once the sample is aside, adds to the first', async () => {
		await importCsv(engine, { name: 'own.csv', bytes: OWN }, { mode: 'add', setAsideSample: true });
		const more = csvBytes([HEADER, '2020,성북구,자체,,추진체계,새 지표,4,5'].join('\n'));
		const result = await importCsv(
			engine,
			{ name: 'more.csv', bytes: more },
			{ mode: 'add', setAsideSample: true }
		);
		expect(result).toMatchObject({ imported: true, setAsideCount: 0 });
		expect((await readContents(engine)).evaluationRows).toBe(3);
	});

	it('a published dataset replays the choice: the sample stays aside for the colleague too', async () => {
		const fresh = await createNodeEngine();
		await prepareEngine(fresh, fetchBytes);
		await importPublished(
			fresh,
			{
				id: 'x',
				createdAt: '2026-12-04T00:00:00Z',
				files: [
					{
						hash: 'h',
						name: 'own.csv',
						bytes: OWN.length,
						choices: { mode: 'add', validOnly: false, setAsideSample: true }
					}
				]
			},
			{ fetchBytes, fileBytes: async () => OWN }
		);
		expect(await readContents(fresh)).toMatchObject({
			evaluationRows: 2,
			sampleEvaluationRows: 0,
			sampleBudgetRows: SAMPLE.budget
		});
	});
});
