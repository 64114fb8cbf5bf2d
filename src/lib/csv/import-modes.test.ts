import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/types';
import { clearData } from '$lib/query/schema';
import { csvBytes, engineWithSchema } from '$lib/testing/node-engine';
import { importCsv } from './import';
import {
	BUDGET_HEADER,
	EVALUATION_HEADER,
	countTempTables,
	intercept,
	snapshotTables
} from './test-support';

let engine: Engine;
beforeAll(async () => {
	engine = await engineWithSchema();
});

beforeEach(async () => {
	await clearData(engine);
	const budget = [BUDGET_HEADER, '2018,서울시,워크숍,강사료,201-01,"350,000","350,000",'];
	await importCsv(engine, { name: 'budget.csv', bytes: csvBytes(budget.join('\n')) });
});

function evaluations(...rows: string[]) {
	return csvBytes([EVALUATION_HEADER, ...rows].join('\n'));
}

// File A: two 2019 rows and one 2020 row. File B: one 2020 row and one 2021 row.
const FILE_A = evaluations(
	'2019,성북구,자체,,a,지표1,1,5',
	'2019,성북구,자체,,a,지표2,2,5',
	'2020,성북구,자체,,a,지표1,3,5'
);
const FILE_B = evaluations('2020,성북구,자체,,a,지표1,4,5', '2021,성북구,자체,,a,지표1,5,5');

async function scoresByYear() {
	return engine.query<{ year: number; score: number }>(
		'SELECT year, score FROM evaluations ORDER BY year, score'
	);
}

/** The unit sums the views read: [year, indicator, Σ점수, rows, first line]. */
async function unitSums() {
	const rows = await engine.query<{
		year: number;
		indicator: string;
		score_sum: number;
		row_count: number;
		first_line: number;
	}>(
		`SELECT year, indicator, score_sum, row_count, first_line
		FROM evaluation_units ORDER BY year, indicator`
	);
	return rows.map((row) => [row.year, row.indicator, row.score_sum, row.row_count, row.first_line]);
}

async function budgetRows() {
	const [row] = await engine.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM budget');
	return row?.n;
}

describe('import modes', () => {
	it('add keeps what is there', async () => {
		await importCsv(engine, { name: 'a.csv', bytes: FILE_A });
		const other = evaluations('2020,성북구,자체,,a,지표2,4,5', '2021,성북구,자체,,a,지표1,5,5');
		const result = await importCsv(engine, { name: 'c.csv', bytes: other }, { mode: 'add' });
		expect(result).toMatchObject({ mode: 'add', importedCount: 2, deletedCount: 0 });
		expect((await scoresByYear()).map((row) => row.score)).toEqual([1, 2, 3, 4, 5]);
		expect(await unitSums()).toEqual([
			[2019, '지표1', 1, 1, 2],
			[2019, '지표2', 2, 1, 3],
			[2020, '지표1', 3, 1, 4],
			[2020, '지표2', 4, 1, 2],
			[2021, '지표1', 5, 1, 3]
		]);
	});

	it('add stops on rows already loaded, lists them, and changes nothing', async () => {
		await importCsv(engine, { name: 'a.csv', bytes: FILE_A });
		const before = await snapshotTables(engine);
		// B's 2020 지표1 (line 2) has the key of A's line 4: same year, district, source, evaluator
		// (none) and indicator.
		const result = await importCsv(engine, { name: 'b.csv', bytes: FILE_B }, { mode: 'add' });
		expect(result).toMatchObject({
			imported: false,
			importedCount: 0,
			overlapCount: 1,
			issueCount: 1
		});
		expect(result.issues).toEqual([
			{
				file: 'b.csv',
				line: 2,
				field: 'indicator',
				column: '평가지표',
				value: '지표1',
				code: 'already-loaded',
				detail: '4'
			}
		]);
		expect(await snapshotTables(engine)).toEqual(before);
	});

	it('add with replaceOverlaps swaps the repeated rows for the file’s, counted once', async () => {
		await importCsv(engine, { name: 'a.csv', bytes: FILE_A });
		const result = await importCsv(
			engine,
			{ name: 'b.csv', bytes: FILE_B },
			{ mode: 'add', replaceOverlaps: true }
		);
		expect(result).toMatchObject({
			imported: true,
			importedCount: 2,
			deletedCount: 1,
			overlapCount: 1,
			issues: []
		});
		// 2020 지표1 is now B's 4 alone, not 3 + 4.
		expect(await unitSums()).toEqual([
			[2019, '지표1', 1, 1, 2],
			[2019, '지표2', 2, 1, 3],
			[2020, '지표1', 4, 1, 2],
			[2021, '지표1', 5, 1, 3]
		]);
	});

	it('an overlap is per evaluator: another official on the same unit is not one', async () => {
		const first = evaluations('2020,성북구,공무원,공무원A,a,지표1,3,5');
		await importCsv(engine, { name: 'a.csv', bytes: first });
		const second = evaluations(
			'2020,성북구,공무원,공무원B,a,지표1,4,5',
			'2020,성북구,공무원,공무원A,a,지표1,2,5'
		);
		const result = await importCsv(engine, { name: 'b.csv', bytes: second }, { mode: 'add' });
		expect(result.overlapCount).toBe(1);
		expect(result.issues.map((issue) => [issue.line, issue.code])).toEqual([[3, 'already-loaded']]);
	});

	it('budget lines overlap by year, district, programme, item and budget code', async () => {
		const line = [BUDGET_HEADER, '2018,서울시,워크숍,강사료,201-01,"100,000","50,000",'];
		const result = await importCsv(engine, { name: 'b2.csv', bytes: csvBytes(line.join('\n')) });
		expect(result).toMatchObject({ imported: false, overlapCount: 1 });
		expect(result.issues[0]).toMatchObject({ field: 'item', value: '강사료', detail: '2' });
		expect(await budgetRows()).toBe(1);
	});

	it('replace-years removes the rows of the years in the file, of that kind only', async () => {
		await importCsv(engine, { name: 'a.csv', bytes: FILE_A });
		const result = await importCsv(
			engine,
			{ name: 'b.csv', bytes: FILE_B },
			{ mode: 'replace-years' }
		);
		expect(result).toMatchObject({ imported: true, importedCount: 2, deletedCount: 1 });
		expect(await scoresByYear()).toEqual([
			{ year: 2019, score: 1 },
			{ year: 2019, score: 2 },
			{ year: 2020, score: 4 },
			{ year: 2021, score: 5 }
		]);
		expect(await unitSums()).toEqual([
			[2019, '지표1', 1, 1, 2],
			[2019, '지표2', 2, 1, 3],
			[2020, '지표1', 4, 1, 2],
			[2021, '지표1', 5, 1, 3]
		]);
		expect(await budgetRows()).toBe(1);
	});

	it('replace-years goes by the years of the rows imported, not of the rows skipped', async () => {
		await importCsv(engine, { name: 'a.csv', bytes: FILE_A });
		const file = evaluations('2020,성북구,자체,,a,지표1,4,5', '2019,성북구,자체,,a,지표1,9,5');
		const result = await importCsv(
			engine,
			{ name: 'c.csv', bytes: file },
			{ mode: 'replace-years', validOnly: true }
		);
		expect(result).toMatchObject({ importedCount: 1, skipped: 1, deletedCount: 1 });
		expect((await scoresByYear()).map((row) => row.score)).toEqual([1, 2, 4]);
	});

	it('replace-all removes every row of that kind', async () => {
		await importCsv(engine, { name: 'a.csv', bytes: FILE_A });
		const result = await importCsv(
			engine,
			{ name: 'b.csv', bytes: FILE_B },
			{ mode: 'replace-all' }
		);
		expect(result).toMatchObject({ importedCount: 2, deletedCount: 3 });
		expect((await scoresByYear()).map((row) => row.score)).toEqual([4, 5]);
		expect(await unitSums()).toEqual([
			[2020, '지표1', 4, 1, 2],
			[2021, '지표1', 5, 1, 3]
		]);
		expect(await budgetRows()).toBe(1);
	});

	it('a refused file replaces nothing', async () => {
		await importCsv(engine, { name: 'a.csv', bytes: FILE_A });
		const before = await snapshotTables(engine);
		const bad = evaluations('2020,성북구,자체,,a,지표1,9,5');
		const result = await importCsv(
			engine,
			{ name: 'bad.csv', bytes: bad },
			{ mode: 'replace-all' }
		);
		expect(result).toMatchObject({ imported: false, deletedCount: 0 });
		expect(await snapshotTables(engine)).toEqual(before);
	});
});

describe('validOnly', () => {
	const mixed = evaluations(
		'2019,성북구,자체,,a,지표1,1,5', // 2: good
		'2019,성북구,자체,,a,지표2,7,5', // 3: 7 > 5
		'2019,성북구,자체,,a,지표3,3,5' // 4: good
	);

	it('by default one bad row blocks the whole file', async () => {
		const result = await importCsv(engine, { name: 'm.csv', bytes: mixed });
		expect(result).toMatchObject({
			imported: false,
			rowCount: 3,
			importedCount: 0,
			skipped: 0,
			issueCount: 1
		});
		expect(await scoresByYear()).toEqual([]);
	});

	it('imports the valid rows, counts the skipped ones and still lists their issues', async () => {
		const result = await importCsv(engine, { name: 'm.csv', bytes: mixed }, { validOnly: true });
		expect(result).toMatchObject({
			imported: true,
			rowCount: 3,
			importedCount: 2,
			skipped: 1,
			issueCount: 1
		});
		expect(result.issues.map(({ line, code }) => [line, code])).toEqual([[3, 'score-above-max']]);
		expect((await scoresByYear()).map((row) => row.score)).toEqual([1, 3]);
	});

	it('imports nothing when no row is valid', async () => {
		const bad = evaluations('2019,성북구,자체,,a,지표1,7,5');
		const result = await importCsv(engine, { name: 'x.csv', bytes: bad }, { validOnly: true });
		expect(result).toMatchObject({ imported: false, importedCount: 0, skipped: 0 });
	});
});

describe('columnOverrides', () => {
	const text = [
		'연도,자치구,평가주체,평가영역,평가지표,득점(점),배점,비고',
		'2019,성북구,자체,a,b,4,5,메모'
	];

	it('assigns an unmapped column to a field, and reports the mapping used', async () => {
		const refused = await importCsv(engine, { name: 'o.csv', bytes: csvBytes(text.join('\n')) });
		expect(refused.issues[0]).toMatchObject({ code: 'missing-columns', field: 'score' });
		const result = await importCsv(
			engine,
			{ name: 'o.csv', bytes: csvBytes(text.join('\n')) },
			{ columnOverrides: { score: 5 } }
		);
		expect(result).toMatchObject({ imported: true, importedCount: 1 });
		expect(result.layout?.mapping).toEqual({
			year: '연도',
			district: '자치구',
			evaluator_type: '평가주체',
			area: '평가영역',
			indicator: '평가지표',
			score: '득점(점)',
			max_score: '배점'
		});
		expect(result.layout?.columns.score).toBe(5);
		expect(await scoresByYear()).toEqual([{ year: 2019, score: 4 }]);
	});

	it('takes a column away from the field it matched', async () => {
		const result = await importCsv(
			engine,
			{ name: 'o.csv', bytes: csvBytes(text.join('\n')) },
			{ columnOverrides: { score: 5, evaluator_id: 7, area: 4, indicator: 7 } }
		);
		// 평가지표 (4) now holds the area, 비고 (7) the indicator; evaluator_id lost 비고
		expect(result.layout?.mapping).toMatchObject({ area: '평가지표', indicator: '비고' });
		expect(result.layout?.mapping).not.toHaveProperty('evaluator_id');
		const rows = await engine.query('SELECT area, indicator, evaluator_id FROM evaluations');
		expect(rows).toEqual([{ area: 'b', indicator: '메모', evaluator_id: null }]);
	});
});

describe('one transaction per import', () => {
	beforeEach(async () => {
		await importCsv(engine, { name: 'a.csv', bytes: FILE_A });
	});

	it('rolls back the delete when the insert fails', async () => {
		const before = await snapshotTables(engine);
		const failing = intercept(engine, (sql) => {
			if (sql.startsWith('INSERT INTO evaluations')) throw new Error('disk full');
		});
		const result = await importCsv(
			failing,
			{ name: 'b.csv', bytes: FILE_B },
			{ mode: 'replace-all' }
		);
		expect(result).toMatchObject({ imported: false, importedCount: 0 });
		expect(result.issues).toMatchObject([{ code: 'import-failed', detail: 'disk full' }]);
		expect(failing.statements.some((sql) => sql.startsWith('DELETE FROM evaluations'))).toBe(true);
		expect(await snapshotTables(engine)).toEqual(before);
		expect(await countTempTables(engine)).toBe(0);
	});

	it('rolls back rows already inserted when a later statement fails in DuckDB', async () => {
		const before = await snapshotTables(engine);
		// The insert runs for real; then a bad statement stands in for COMMIT.
		const failing = intercept(engine, (sql) =>
			sql === 'COMMIT' ? 'SELECT * FROM no_such_table' : undefined
		);
		const result = await importCsv(
			failing,
			{ name: 'b.csv', bytes: FILE_B },
			{ mode: 'replace-years' }
		);
		expect(result.issues[0]?.code).toBe('import-failed');
		expect(result.issues[0]?.detail).toMatch(/no_such_table/);
		expect(await snapshotTables(engine)).toEqual(before);
		// The engine is out of the transaction: the next import commits.
		const next = await importCsv(
			engine,
			{ name: 'b.csv', bytes: FILE_B },
			{ mode: 'replace-years' }
		);
		expect(next.imported).toBe(true);
	});

	it('turns an engine failure while reading into a result', async () => {
		const failing = intercept(engine, (sql) => {
			if (sql.includes('read_csv')) throw new Error('out of memory');
		});
		const result = await importCsv(failing, { name: 'b.csv', bytes: FILE_B });
		expect(result.issues).toMatchObject([{ code: 'unreadable-file', detail: 'out of memory' }]);
		expect(await countTempTables(engine)).toBe(0);
	});

	it('runs imports on one engine one after another', async () => {
		const c = evaluations('2022,성북구,자체,,a,지표1,1,5');
		const results = await Promise.all([
			importCsv(engine, { name: 'b.csv', bytes: FILE_B }, { mode: 'replace-years' }),
			importCsv(engine, { name: 'c.csv', bytes: c }, { mode: 'replace-years' })
		]);
		expect(results.map((result) => result.imported)).toEqual([true, true]);
		expect((await scoresByYear()).map((row) => row.year)).toEqual([2019, 2019, 2020, 2021, 2022]);
	});
});

describe('cancelling', () => {
	beforeEach(async () => {
		await importCsv(engine, { name: 'a.csv', bytes: FILE_A });
	});

	it('an aborted signal stops before anything is read', async () => {
		const controller = new AbortController();
		controller.abort();
		const watched = intercept(engine, () => undefined);
		const result = await importCsv(
			watched,
			{ name: 'b.csv', bytes: FILE_B },
			{ signal: controller.signal }
		);
		expect(result.issues.map((issue) => issue.code)).toEqual(['cancelled']);
		expect(watched.statements).toEqual([]);
	});

	const moments: [string, (sql: string) => boolean][] = [
		['after the delete', (sql) => sql.startsWith('DELETE FROM evaluations')],
		['after the insert', (sql) => sql.startsWith('INSERT INTO evaluations')],
		// The unit sums are emptied and refilled in one statement list.
		['after the unit sums', (sql) => sql.includes('INSERT INTO evaluation_units')]
	];
	const cancels: [string, (sql: string) => boolean, boolean][] = [
		// A clean file replacing every row goes straight into the table; the same, typed first.
		...moments.map(([when, at]): [string, (sql: string) => boolean, boolean] => [
			`${when}, straight in`,
			at,
			true
		]),
		// The straight-in insert's probe of the rows it wrote.
		['while probing, straight in', (sql) => sql.includes('false AS unkeyed'), true],
		['while checking', (sql) => sql.startsWith('CREATE OR REPLACE TEMP TABLE staged_'), false],
		...moments.map(([when, at]): [string, (sql: string) => boolean, boolean] => [when, at, false])
	];
	it.each(cancels)('a cancel %s rolls back and changes nothing', async (_, when, straightIn) => {
		const before = await snapshotTables(engine);
		const controller = new AbortController();
		const watched = intercept(engine, (sql) => {
			if (when(sql)) controller.abort();
		});
		const result = await importCsv(
			watched,
			{ name: 'b.csv', bytes: FILE_B },
			{ mode: 'replace-all', signal: controller.signal, straightIn }
		);
		const readStraightIn = watched.statements.some(
			(sql) => sql.startsWith('INSERT INTO') && sql.includes('read_csv(')
		);
		expect(readStraightIn).toBe(straightIn);
		expect(result).toMatchObject({ imported: false, importedCount: 0 });
		expect(result.issues.map((issue) => issue.code)).toEqual(['cancelled']);
		expect(watched.statements.includes('COMMIT')).toBe(false);
		expect(await snapshotTables(engine)).toEqual(before);
		expect(await countTempTables(engine)).toBe(0);
	});
});
