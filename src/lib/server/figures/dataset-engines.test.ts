import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/engine/node';
import { repoFile } from '$lib/testing/node-engine';
import { decodeUrlState } from '$lib/url-state/url-state';
import { nodeCp949 } from '../cp949';
import { createFolderStore } from '../dataset-store';
import { createDatasetEngines, type DatasetEngineOptions } from './dataset-engines';

// Check values from the independent Python script (tests/fixtures/expected/compute_expected.py).
const expected = JSON.parse(
	readFileSync(
		new URL('../../../../tests/fixtures/expected/sample-totals.json', import.meta.url),
		'utf8'
	)
) as {
	headline_all_years: { self: number; official: number; expert: number };
	year_2019: Record<string, { self: number; official: number; expert: number }>;
};

const root = mkdtempSync(path.join(tmpdir(), 'first-figures-'));
const store = createFolderStore(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function figureServer(overrides: Partial<DatasetEngineOptions> = {}) {
	let engines = 0;
	let closed = 0;
	const service = createDatasetEngines({
		createEngine: async () => {
			engines++;
			const engine = await createNodeEngine();
			return {
				...engine,
				close() {
					closed++;
					engine.close();
				}
			};
		},
		fetchBytes: async (name) => repoFile(`data/${name}`),
		store,
		decodeCp949: nodeCp949,
		snapshotKey: async () => 'this build',
		...overrides
	});
	const server = { figuresFor: (query: URLSearchParams) => service.figures(state(query)) };
	return { server, service, engines: () => engines, closed: () => closed };
}

const params = (query: string) => new URLSearchParams(query);
const state = (query: URLSearchParams) => decodeUrlState(query).state;

describe('first figures on the server', () => {
	const { server, engines } = figureServer();

	it('computes the headline of the shipped sample', async () => {
		const first = await server.figuresFor(params(''));
		const { headline } = first!.figures!.headline;
		const check = expected.headline_all_years;
		expect(headline.self).toBeCloseTo(check.self, 9);
		expect(headline.official).toBeCloseTo(check.official, 9);
		expect(headline.expert).toBeCloseTo(check.expert, 9);
		expect(first!.published).toBeNull();
		expect(first!.contents.options.districts).toHaveLength(10);
		expect(first!.figures!.view.view).toBe('gap');
	});

	it('computes the view the address asks for, with its filters', async () => {
		const first = await server.figuresFor(params('v=gap&y=2019'));
		const view = first!.figures!.view;
		if (view.view !== 'gap') throw new Error('not the gap view');
		const seongbuk = view.model.breakdown.find((row) => row.labelKo === '성북구');
		expect(seongbuk?.self).toBeCloseTo(expected.year_2019['성북구']!.self, 9);
		expect(seongbuk?.official).toBeCloseTo(expected.year_2019['성북구']!.official, 9);
		expect((await server.figuresFor(params('v=trend')))!.figures!.view.view).toBe('trend');
		expect((await server.figuresFor(params('v=budget')))!.figures!.view.view).toBe('budget');
	});

	it('drops filter values the data does not hold, as the browser does', async () => {
		const plain = await server.figuresFor(params(''));
		// Well-formed values the URL decoder keeps (a year in range, 강남구's code), which only
		// the check against the data can drop.
		const absent = params('y=2099&d=11680');
		expect(decodeUrlState(absent).state.filters).toMatchObject({
			years: [2099],
			districts: ['11680']
		});
		const unknown = await server.figuresFor(absent);
		expect(unknown!.figures!.headline).toEqual(plain!.figures!.headline);
	});

	it('keeps one engine for every state of a dataset', async () => {
		await server.figuresFor(params('y=2019&e=self&lang=en'));
		await server.figuresFor(params('e=self&y=2019'));
		expect(engines()).toBe(1);
	});

	it('answers null for a dataset id the store does not know, without starting an engine', async () => {
		const before = engines();
		expect(await server.figuresFor(params('ds=AAAAAAAAAAAAAAAAAAAAAA'))).toBeNull();
		expect(engines()).toBe(before);
	});
});

describe('published datasets', () => {
	it('loads a published CP949 file as the browser would, and keeps the sample apart', async () => {
		const csv = [
			'연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점',
			'2033,성북구,자체,,추진체계,똠방 운영,4,10',
			'2033,성북구,공무원,공무원A,추진체계,똠방 운영,6,10',
			'2033,성북구,외부전문가,전문가A,추진체계,똠방 운영,8,10'
		].join('\r\n');
		const manifest = await store.publish([
			{ name: 'cp949.csv', bytes: iconv.encode(csv, 'cp949'), choices: { mode: 'add' } }
		]);
		const { server } = figureServer();
		const first = await server.figuresFor(params(`ds=${manifest.id}&y=2033`));
		expect(first!.published?.id).toBe(manifest.id);
		expect(first!.contents.options.years).toContain(2033);
		expect(first!.contents.options.indicators.map((row) => row.indicator)).toContain('똠방 운영');
		// One indicator scored 4, 6 and 8 of 10: by hand, 40, 60 and 80 of 100.
		const { headline } = first!.figures!.headline;
		expect([headline.self, headline.official, headline.expert]).toEqual([40, 60, 80]);
		const sample = await server.figuresFor(params('y=2033'));
		expect(sample!.contents.options.years).not.toContain(2033);
	});

	it('forgets a failed load, so the next visitor tries again', async () => {
		let calls = 0;
		const { server } = figureServer({
			createEngine: async () => {
				if (++calls === 1) throw new Error('no memory');
				return createNodeEngine();
			}
		});
		await expect(server.figuresFor(params(''))).rejects.toThrow('no memory');
		expect((await server.figuresFor(params('')))!.figures!.headline.headline.districtCount).toBe(
			10
		);
	});

	it('keeps at most maxDatasets engines, closing each it lets go and loading it again', async () => {
		const manifest = await store.publish([
			{
				name: 'one.csv',
				bytes: repoFile('tests/fixtures/csv/good/extended-hangul-utf8.csv'),
				choices: {}
			}
		]);
		const { server, engines, closed } = figureServer({ maxDatasets: 1 });
		await server.figuresFor(params(''));
		await server.figuresFor(params(`ds=${manifest.id}`));
		await server.figuresFor(params(''));
		expect(engines()).toBe(3);
		await Promise.resolve();
		expect(closed()).toBe(2);
	});
});

describe('figures too large for a page', () => {
	it('are left to the browser, while the data they describe is still told', async () => {
		const { server } = figureServer({ maxFigureBytes: 1_000 });
		const first = await server.figuresFor(params(''));
		expect(first!.figures).toBeNull();
		expect(first!.contents.options.districts).toHaveLength(10);
	});
});

describe('checking a publish', () => {
	const good = repoFile('tests/fixtures/csv/good/extended-hangul-utf8.csv');
	// The first bytes of an ELF executable, then noise.
	const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...Array(200).fill(0)]);
	const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 256);

	it('passes files that import, with the tables they made, closing its engine after', async () => {
		const { service, engines, closed } = figureServer();
		const checked = await service.check([{ name: 'good.csv', bytes: good, choices: {} }]);
		if (!checked.ok) throw new Error('refused');
		expect(checked.snapshot.key).toBe('this build');
		expect(checked.snapshot.tables.map((table) => table.table)).toEqual([
			'evaluations',
			'evaluation_units',
			'sample_files',
			'budget'
		]);
		expect([engines(), closed()]).toEqual([1, 1]);
	});

	it.each([
		['an ELF file', 'app.csv', elf],
		['random bytes', 'noise.csv', noise]
	])('refuses %s, naming the file and the importer’s issue', async (_, name, bytes) => {
		const { service, closed } = figureServer();
		const checked = await service.check([
			{ name: 'good.csv', bytes: good, choices: {} },
			{ name, bytes, choices: {} }
		]);
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.file).toBe(name);
		expect(checked.issue?.file).toBe(name);
		expect(checked.issue?.code).toMatch(/binary-file|unknown-headers|unreadable-file/);
		expect(closed()).toBe(1);
	});
});

describe("a published dataset's snapshot", () => {
	const csv = repoFile('tests/fixtures/csv/unbalanced/evaluations.csv');

	/** The store, counting reads of each hash. */
	function countingStore() {
		const reads = new Map<string, number>();
		const counted: typeof store = {
			...store,
			file: async (id, hash) => {
				reads.set(hash, (reads.get(hash) ?? 0) + 1);
				return store.file(id, hash);
			}
		};
		return { counted, reads };
	}

	it('is loaded instead of the raw files, and gives the same figures as importing them', async () => {
		const { service } = figureServer();
		const files = [{ name: 'unbalanced.csv', bytes: csv, choices: {} }];
		const checked = await service.check(files);
		if (!checked.ok) throw new Error('refused');
		const manifest = await store.publish(files, { snapshot: checked.snapshot });
		const rawHash = manifest.files[0]!.hash;

		const fromSnapshot = countingStore();
		const withSnapshot = figureServer({ store: fromSnapshot.counted });
		// Another build: the snapshot is not trusted, the raw file is imported.
		const fromRaw = countingStore();
		const replayed = figureServer({
			store: fromRaw.counted,
			snapshotKey: async () => 'another build'
		});
		for (const query of ['', 'v=budget', 'v=trend', 'lv=indicator&y=2020']) {
			const a = await withSnapshot.server.figuresFor(params(`ds=${manifest.id}&${query}`));
			const b = await replayed.server.figuresFor(params(`ds=${manifest.id}&${query}`));
			expect(a!.figures, query).toEqual(b!.figures);
			expect(a!.contents).toEqual(b!.contents);
		}
		expect(fromSnapshot.reads.get(rawHash)).toBeUndefined();
		expect(fromSnapshot.reads.size).toBe(4);
		expect(fromRaw.reads.get(rawHash)).toBe(1);
	});
});
