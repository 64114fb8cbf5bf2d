import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/engine/node';
import type { Engine } from '$lib/engine/types';
import { openUploadStore, type UploadStore } from '$lib/dataset/upload-store';
import { csvBytes, repoFile } from '$lib/testing/node-engine';
import { DatasetState, type DatasetSources } from './dataset.svelte';

// The dataset state as the page drives it, with the real DuckDB engine in Node, the shipped
// sample and an in-memory IndexedDB: loading, a failed start, imports kept and replayed after a
// "reload" (a new state over the same store), a workbook's sheets, and the sample brought back.

const SAMPLE = { evaluations: 3360, budget: 199 };
const HEADER = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점';
const OWN = csvBytes(
	[HEADER, '2031,성북구,자체,,추진체계,운영,8,10', '2031,성북구,공무원,A,추진체계,운영,9,10'].join(
		'\n'
	)
);

function sources(
	store: Promise<UploadStore | null>,
	overrides: Partial<DatasetSources> = {}
): DatasetSources {
	return {
		startEngine: () => createNodeEngine(),
		fetchBytes: async (name) => repoFile(`data/${name}`),
		openStore: () => store,
		fetch: async () => new Response(null, { status: 404 }),
		...overrides
	};
}

const freshStore = () => openUploadStore({ indexedDB: new IDBFactory(), name: 'test' });

async function ready(state: DatasetState): Promise<Engine> {
	expect(state.status).toMatchObject({ phase: 'ready' });
	expect(state.engine).not.toBeNull();
	return state.engine!;
}

describe('DatasetState', () => {
	it('loads the sample: ready, with its rows counted as the sample’s and its filter options', async () => {
		const state = new DatasetState(sources(freshStore()));
		expect(state.status).toEqual({ phase: 'engine' });
		await state.load();
		await ready(state);
		expect(state.status).toEqual({
			phase: 'ready',
			evaluationRows: SAMPLE.evaluations,
			budgetRows: SAMPLE.budget,
			sampleEvaluationRows: SAMPLE.evaluations,
			sampleBudgetRows: SAMPLE.budget
		});
		expect(state.options.districts.length).toBeGreaterThan(0);
		expect(state.uploads).toEqual([]);
	});

	it('may publish only when the server says this browser is an editor', async () => {
		const answers: [string, () => Promise<Response>, boolean][] = [
			['yes', async () => Response.json({ editor: true }), true],
			['no', async () => Response.json({ editor: false }), false],
			['not a boolean', async () => Response.json({ editor: 'true' }), false],
			['an error status', async () => new Response(null, { status: 500 }), false],
			['no answer', () => Promise.reject(new TypeError('network down')), false]
		];
		for (const [answer, fetch, expected] of answers) {
			const asked: string[] = [];
			const state = new DatasetState(
				sources(freshStore(), {
					fetch: (input) => {
						asked.push(String(input));
						return fetch();
					}
				})
			);
			await state.checkEditor();
			expect({ answer, may: state.mayPublish, asked }).toEqual({
				answer,
				may: expected,
				asked: ['/api/editor']
			});
		}
	});

	it('signs out only when the server cleared the sign-in', async () => {
		const cases: [string, () => Promise<Response>, boolean][] = [
			['cleared', async () => Response.json({ editor: false }), false],
			['refused', async () => new Response(null, { status: 403 }), true],
			['no answer', () => Promise.reject(new TypeError('network down')), true]
		];
		for (const [answer, reply, stillEditor] of cases) {
			const asked: string[] = [];
			const state = new DatasetState(
				sources(freshStore(), {
					fetch: (input, init) => {
						asked.push(`${init?.method ?? 'GET'} ${String(input)}`);
						return reply();
					}
				})
			);
			state.mayPublish = true;
			await state.signOut();
			expect({ answer, may: state.mayPublish, asked }).toEqual({
				answer,
				may: stillEditor,
				asked: ['DELETE /api/editor']
			});
		}
	});

	it('a failed start says why, and leaves no engine', async () => {
		const state = new DatasetState(
			sources(freshStore(), {
				startEngine: () => Promise.reject(new Error('wasm could not be fetched'))
			})
		);
		await state.load();
		expect(state.status).toEqual({ phase: 'failed', message: 'wasm could not be fetched' });
		expect(state.engine).toBeNull();
	});

	it('an unknown published dataset is unavailable, named by its id', async () => {
		const state = new DatasetState(sources(freshStore()));
		await state.load('AAAAAAAAAAAAAAAAAAAAAA');
		expect(state.status).toEqual({ phase: 'unavailable', dataset: 'AAAAAAAAAAAAAAAAAAAAAA' });
	});

	it('an imported file sets the sample aside, is kept, and a reload shows the same', async () => {
		const store = freshStore();
		const state = new DatasetState(sources(store));
		await state.load();
		const before = state.revision;
		await state.importFiles([{ name: 'own.csv', bytes: OWN }], { mode: 'add', validOnly: false });
		expect(state.imports.map((result) => result.imported)).toEqual([true]);
		expect(state.revision).toBeGreaterThan(before);
		expect(state.status).toMatchObject({ evaluationRows: 2, sampleEvaluationRows: 0 });
		expect(state.uploads).toMatchObject([
			{ name: 'own.csv', kind: 'evaluations', rows: 2, choices: { setAsideSample: true } }
		]);

		const reloaded = new DatasetState(sources(store));
		await reloaded.load();
		expect(reloaded.status).toEqual(state.status);
		expect(reloaded.storageNotice).toBeNull();
	});

	it('a refused file changes nothing and is not kept', async () => {
		const state = new DatasetState(sources(freshStore()));
		await state.load();
		const status = state.status;
		const bad = csvBytes([HEADER, '2031,성북구,자체,,추진체계,운영,11,10'].join('\n'));
		await state.importFiles([{ name: 'bad.csv', bytes: bad }], { mode: 'add', validOnly: false });
		expect(state.imports[0]).toMatchObject({ imported: false, issueCount: 1 });
		expect(state.status).toEqual(status);
		expect(state.uploads).toEqual([]);
	});

	it('a workbook’s sheets imported in turn are one kept file that replays both', async () => {
		const store = freshStore();
		const state = new DatasetState(sources(store));
		await state.load();
		const workbook = { name: 'c.xlsx', bytes: repoFile('tests/fixtures/layouts/c-crosstab.xlsx') };
		const choices = { mode: 'add' as const, validOnly: false, confirmLayout: true };
		await state.importFiles([workbook], choices);
		await state.importSheet(state.imports[0]!, '2019 공무원평가(공무원A)', choices);
		expect(state.imports.map((result) => [result.workbook?.sheet, result.imported])).toEqual([
			['2019 자체평가', true],
			['2019 공무원평가(공무원A)', true]
		]);
		expect(state.uploads).toHaveLength(1);
		expect(state.uploads[0]).toMatchObject({
			rows: 8,
			choices: { sheets: [{ sheet: '2019 자체평가' }, { sheet: '2019 공무원평가(공무원A)' }] }
		});

		const reloaded = new DatasetState(sources(store));
		await reloaded.load();
		expect(reloaded.status).toMatchObject({ evaluationRows: 8, sampleEvaluationRows: 0 });
		expect(reloaded.storageNotice).toBeNull();
	});

	it('bringing the sample back forgets that kind’s files and loads the sample again', async () => {
		const state = new DatasetState(sources(freshStore()));
		await state.load();
		await state.importFiles([{ name: 'own.csv', bytes: OWN }], { mode: 'add', validOnly: false });
		await state.restoreSample('evaluations');
		expect(state.uploads).toEqual([]);
		expect(state.status).toMatchObject({
			evaluationRows: SAMPLE.evaluations,
			sampleEvaluationRows: SAMPLE.evaluations
		});
	});
});

describe('versions and 출처 files', () => {
	/** localStorage as a map: what the page records between imports. */
	function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
		const items = new Map<string, string>();
		return {
			getItem: (key) => items.get(key) ?? null,
			setItem: (key, value) => void items.set(key, value)
		};
	}
	const SECOND = csvBytes(
		[
			HEADER,
			'2032,성북구,자체,,추진체계,운영,7,10',
			'2032,성북구,공무원,A,추진체계,운영,6,10'
		].join('\n')
	);

	it('rebuilds the state before the last import, apart from the page’s data', async () => {
		const storage = memoryStorage();
		const state = new DatasetState(
			sources(freshStore(), { storage, startSeparateEngine: () => createNodeEngine() })
		);
		await state.load();
		expect(await state.loadVersion({ kind: 'before' })).toEqual({ problem: 'no-before' });
		await state.importFiles([{ name: 'own.csv', bytes: OWN }], { mode: 'add', validOnly: false });
		await state.importFiles([{ name: 'second.csv', bytes: SECOND }], {
			mode: 'add',
			validOnly: false
		});
		const engine = await ready(state);
		const before = await state.loadVersion({ kind: 'before' });
		if ('problem' in before) throw new Error(before.problem);
		// Before the second file: the first alone (it took the sample's place), and the sample's budget.
		const years = async (of: Engine) =>
			(await of.query<{ year: number }>('SELECT DISTINCT year FROM evaluations ORDER BY year')).map(
				(row) => row.year
			);
		expect(await years(before.engine)).toEqual([2031]);
		expect(await years(engine)).toEqual([2031, 2032]);
		expect(before.files.map((file) => [file.name, file.kind, file.origin, file.rows])).toEqual([
			['budget.csv', 'budget', 'sample', SAMPLE.budget],
			['own.csv', 'evaluations', 'upload', 2]
		]);
		await before.engine.close();
		// The page's files, named and described for 출처.
		const files = await state.sourceFiles();
		expect(files.map((file) => [file.name, file.origin, file.mode])).toEqual([
			['budget.csv', 'sample', 'add'],
			['own.csv', 'upload', 'add'],
			['second.csv', 'upload', 'add']
		]);
		const bytes = await state.fileBytes(files[1]!);
		expect(bytes && new TextDecoder().decode(bytes)).toContain('2031,성북구,자체');
	});

	it('says a published version the server does not have is unknown, and closes its engine', async () => {
		let closed = 0;
		const state = new DatasetState(
			sources(freshStore(), {
				startSeparateEngine: async () => {
					const engine = await createNodeEngine();
					return {
						...engine,
						query: engine.query.bind(engine),
						registerFile: engine.registerFile.bind(engine),
						dropFile: engine.dropFile.bind(engine),
						close: () => {
							closed++;
							engine.close();
						}
					};
				}
			})
		);
		await state.load();
		expect(await state.loadVersion({ kind: 'published', id: 'AbCdEfGhIjKlMnOpQrStUv' })).toEqual({
			problem: 'unknown'
		});
		expect(closed).toBe(1);
	});
});
