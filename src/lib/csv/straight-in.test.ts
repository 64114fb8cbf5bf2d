import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { importSample } from '$lib/dataset/sample';
import type { Connection, Engine } from '$lib/engine/types';
import { clearData } from '$lib/query/schema';
import { csvBytes, engineWithSchema, repoFile } from '$lib/testing/node-engine';
import { sha256Hex } from './hash';
import { importCsv, type ImportOptions } from './import';
import { PLAIN_SCAN_MIN_BYTES, prepareFile, type Preparer } from './prepare';
import {
	BUDGET_HEADER,
	EVALUATION_HEADER,
	countTempTables,
	intercept,
	snapshotTables
} from './test-support';

// A clean file whose rows will be the only rows of their kind goes straight into the dataset
// table (`insertCleanFile`); any other goes through the typed table as before. Each case here is
// imported both ways from the same state and must end the same: result and tables.

let engine: Engine;
beforeAll(async () => {
	engine = await engineWithSchema();
});

afterEach(() => {
	vi.unstubAllGlobals();
});

const evaluations = (...rows: string[]) => csvBytes([EVALUATION_HEADER, ...rows].join('\n'));

/** A clean file of two rows; the sample has the key of the first (2019 성북구 자체, first indicator). */
const OWN = evaluations(
	'2019,성북구,자체,,추진체계,운영위원회 구성 및 운영,5,5',
	'2019,성북구,자체,,추진체계,새 지표,3,5'
);

/** The states a file meets: nothing loaded, the shipped sample, or staff's rows of either kind. */
const STATES = {
	empty: async () => clearData(engine),
	sample: async () => {
		await clearData(engine);
		await importSample(engine, async (name) => repoFile(`data/${name}`));
	},
	'staff’s evaluations': async () => {
		await clearData(engine);
		await importCsv(engine, { name: 'a.csv', bytes: evaluations('2018,마포구,공무원,,a,b,1,5') });
	},
	'staff’s budget': async () => {
		await clearData(engine);
		const budget = [BUDGET_HEADER, '2018,서울시,워크숍,강사료,201-01,"350,000","350,000",'];
		await importCsv(engine, { name: 'budget.csv', bytes: csvBytes(budget.join('\n')) });
	}
} as const;

/** Whether an import read the file straight into its dataset table, and kept those rows. */
const wentStraightIn = (statements: string[]) =>
	statements.some((sql) => sql.startsWith('INSERT INTO') && sql.includes('read_csv(')) &&
	!statements.some((sql) => sql.includes('_typed AS')) &&
	statements.includes('COMMIT');

/** Imports a file from the same state through the typed table, then by default; compares. */
async function importBothWays(
	state: keyof typeof STATES,
	bytes: Uint8Array,
	options: ImportOptions
) {
	const file = { name: 'own.csv', bytes };
	await STATES[state]();
	const typed = await importCsv(engine, file, { ...options, straightIn: false });
	const typedTables = await snapshotTables(engine);
	await STATES[state]();
	const watched = intercept(engine, () => undefined);
	const result = await importCsv(watched, file, options);
	expect(result).toEqual(typed);
	expect(await snapshotTables(engine)).toEqual(typedTables);
	expect(await countTempTables(engine)).toBe(0);
	return { result, straightIn: wentStraightIn(watched.statements) };
}

describe('which clean files go straight in', () => {
	it.each([
		{ state: 'empty', options: {}, straightIn: true },
		{ state: 'staff’s budget', options: {}, straightIn: true },
		{ state: 'sample', options: { setAsideSample: true }, straightIn: true },
		// Staff's rows stay: the file's rows are checked against them through the typed table.
		{ state: 'staff’s evaluations', options: {}, straightIn: false },
		{ state: 'staff’s evaluations', options: { setAsideSample: true }, straightIn: false },
		// The sample's rows stay, and one of them has the key of the file's first row.
		{ state: 'sample', options: {}, straightIn: false },
		{ state: 'staff’s evaluations', options: { mode: 'replace-all' }, straightIn: true },
		{ state: 'sample', options: { mode: 'replace-all' }, straightIn: true },
		// Which rows a year replaces is known only once the file is read.
		{ state: 'staff’s evaluations', options: { mode: 'replace-years' }, straightIn: false }
	] as const)(
		'$state, $options: straight in $straightIn, and as through the typed table',
		async ({ state, options, straightIn }) => {
			const way = await importBothWays(state, OWN, options);
			expect(way.straightIn).toBe(straightIn);
		},
		60_000
	);

	it('the sample set aside is counted, and the file overlaps none of it', async () => {
		const { result } = await importBothWays('sample', OWN, { setAsideSample: true });
		expect(result).toMatchObject({ imported: true, importedCount: 2, overlapCount: 0 });
		expect(result.setAsideCount).toBeGreaterThan(0);
	}, 60_000);

	it('without Web Crypto, a file of the size read ahead waits for no hash: the typed way', async () => {
		// A plain http page: crypto without `subtle`.
		const { getRandomValues, randomUUID } = globalThis.crypto;
		vi.stubGlobal('crypto', {
			getRandomValues: getRandomValues.bind(globalThis.crypto),
			randomUUID: randomUUID.bind(globalThis.crypto)
		});
		const row = (i: number) => `2019,성북구,자체,평가자${i},민관협치,${'지표 '.repeat(20)}${i},3,5`;
		const rows = Array.from({ length: 20_000 }, (_, i) => row(i));
		const large = evaluations(...rows);
		expect(large.length).toBeGreaterThanOrEqual(PLAIN_SCAN_MIN_BYTES);
		expect((await importBothWays('empty', large, {})).straightIn).toBe(false);
		expect((await importBothWays('empty', OWN, {})).straightIn).toBe(true);
	}, 60_000);

	it('the rows wait for the file’s hash, which names them', async () => {
		await clearData(engine);
		let hashed!: () => void;
		const later = new Promise<void>((resolve) => (hashed = resolve));
		const prepare: Preparer = async (bytes, options) => ({
			prepared: await prepareFile(bytes, options),
			hash: later.then(() => sha256Hex(bytes))
		});
		const watched = intercept(engine, () => undefined);
		const importing = importCsv(watched, { name: 'own.csv', bytes: OWN }, { prepare });
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(watched.statements.some((sql) => sql.startsWith('INSERT INTO'))).toBe(false);
		hashed();
		const result = await importing;
		expect(wentStraightIn(watched.statements)).toBe(true);
		const ids = await engine.query<{ file_id: string }>('SELECT DISTINCT file_id FROM evaluations');
		expect(ids).toEqual([{ file_id: result.hash }]);
		expect(result.hash).toBe(await sha256Hex(OWN));
	});

	it.each([true, false])(
		'a read on the page’s connection meanwhile sees the data as it was (straight in: %s)',
		async (straightIn) => {
			await STATES.sample();
			const rows = () =>
				engine.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM evaluations');
			const before = await rows();
			// The import's own connection, whose statements a read on the page's interleaves.
			let seen: Promise<{ n: number }[]> | undefined;
			const importing: Engine = {
				...engine,
				async connect(): Promise<Connection> {
					const own = await engine.connect!();
					const watched = intercept(own, (sql) => {
						if (sql === 'COMMIT') seen = rows();
					});
					return { ...watched, close: () => own.close() };
				}
			};
			const result = await importCsv(
				importing,
				{ name: 'own.csv', bytes: OWN },
				{ setAsideSample: true, straightIn }
			);
			expect(result.imported).toBe(true);
			expect(await seen).toEqual(before);
			expect(await rows()).toEqual([{ n: 2 }]);
		},
		60_000
	);
});
