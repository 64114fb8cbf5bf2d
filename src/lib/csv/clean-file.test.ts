import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/types';
import { clearData } from '$lib/query/schema';
import { csvBytes, engineWithSchema } from '$lib/testing/node-engine';
import { importCsv, type ImportOptions, type ImportResult } from './import';
import { BUDGET_HEADER, EVALUATION_HEADER, intercept, snapshotTables } from './test-support';

// The fast path for clean files (clean-file.ts) must make exactly what the checked path makes:
// every file here is imported each way (checked; read into the typed table; straight into the
// dataset table), into the same fresh state, and the results and tables compared. A file the fast
// path wrongly took as clean shows up as a difference.

let engine: Engine;
beforeAll(async () => {
	engine = await engineWithSchema();
});

/** Whether the file was read as text, cell by cell: the checked path. */
const stagedAsText = (sqls: string[]) => sqls.some((sql) => sql.includes("'c0': 'VARCHAR'"));

/** The fast path's typed read into the typed table (the checked path makes it from the staged). */
const isTypedRead = (sql: string) => sql.includes('_typed AS') && sql.includes('read_csv(');

/** The fast path's read straight into the dataset table. */
const isStraightIn = (sql: string) => sql.startsWith('INSERT INTO') && sql.includes('read_csv(');

/**
 * Imports a file the checked way, the fast way through the typed table, and the fast way
 * straight in, each into an emptied dataset.
 */
async function importEachWay(text: string, options: ImportOptions = {}) {
	const file = { name: 'file.csv', bytes: csvBytes(text) };
	const run = async (way: ImportOptions) => {
		await clearData(engine);
		const watched = intercept(engine, () => undefined);
		const result = await importCsv(watched, file, { ...options, ...way });
		const { statements } = watched;
		const fastPath = !stagedAsText(statements);
		const straightIn = fastPath && statements.some(isStraightIn) && !statements.some(isTypedRead);
		return { result, tables: await snapshotTables(engine), fastPath, straightIn };
	};
	const checked = await run({ checkEveryCell: true });
	const typed = await run({ straightIn: false });
	const fast = await run({});
	return { checked, typed, fast };
}

/** Expects the fast ways to have made what the checked way made. */
function expectTheSame({ checked, typed, fast }: Awaited<ReturnType<typeof importEachWay>>) {
	for (const way of [typed, fast]) {
		expect(way.result).toEqual(checked.result);
		expect(way.tables).toEqual(checked.tables);
	}
}

/** What a person sees first of a result. */
function summary(result: ImportResult) {
	return { imported: result.imported, rows: result.rowCount, issues: result.issueCount };
}

const evaluations = (...rows: string[]) => [EVALUATION_HEADER, ...rows].join('\n');
const budget = (...rows: string[]) => [BUDGET_HEADER, ...rows].join('\n');

describe('a clean file', () => {
	it.each([
		[
			'plain rows',
			evaluations(
				'2019,성북구,자체,김,민관협치,의제 발굴,7.5,10',
				'2020,마포구,공무원,,사업성과,목표 달성,8,10'
			)
		],
		[
			'quoted cells and a line break inside one',
			evaluations(
				'2019,"성북구",자체,,"민관협치","의제\n발굴","7.5",10',
				'2019,성북구,자체,,a,b,1,5'
			)
		],
		[
			'spaces around a district, which its key drops',
			evaluations('2019, 성북구 ,자체,,a,b,1,5'),
			false
		],
		[
			'English names and aliases',
			evaluations('2019,Seongbuk-gu,Self,,a,b,1,5', '2019,성북,외부전문가,,a,b,2,5'),
			false
		],
		[
			'an empty line between rows',
			evaluations('2019,성북구,자체,,a,b,1,5', '', '2019,성북구,자체,,a,c,2,5')
		],
		[
			'a file without the optional evaluator column',
			'연도,자치구,평가주체,평가영역,평가지표,점수,배점\n2019,성북구,자체,a,b,3,5'
		],
		['budget with plain amounts', budget('2019,성북구,워크숍,강사료,201-01,1456200,350000,산출')],
		[
			'budget with thousands separators',
			budget('2019,성북구,워크숍,강사료,201-01,"1,456,200","350,000",산출')
		],
		[
			'budget in 천원',
			'회계연도,자치구,사업명,세부항목,예산액(천원),집행액(천원)\n2019,성북구,워크숍,강사료,"1,456",350.5'
		]
	])('%s: the same rows each way', async (_name, text, straightIn = true) => {
		const ways = await importEachWay(text);
		expect(ways.checked.result.imported).toBe(true);
		expect([ways.typed.fastPath, ways.typed.straightIn]).toEqual([true, false]);
		// A name spelled otherwise than its key is coded by key, which only the typed read does.
		expect(ways.fast.fastPath).toBe(true);
		expect(ways.fast.straightIn).toBe(straightIn);
		expectTheSame(ways);
	});
});

describe('a file that is not clean', () => {
	it.each([
		['a space around an area', evaluations('2019,성북구,자체,,a ,b,1,5')],
		['a marker in the optional column', evaluations('2019,성북구,자체,-,a,b,1,5')],
		['a total row in a label column', evaluations('2019,성북구,자체,,소계,,1,5')],
		['a year with a fraction', evaluations('2019.5,성북구,자체,,a,b,1,5')],
		['nan as a score', evaluations('2019,성북구,자체,,a,b,nan,5')],
		['a score with its unit', evaluations('2019,성북구,자체,,a,b,7.5점,10')],
		['full-width digits', evaluations('２０１９,성북구,자체,,a,b,1,5')],
		['a duplicate', evaluations('2019,성북구,자체,,a,b,1,5', '2019,성북구,자체,,a,b,2,5')],
		['an unknown district', evaluations('2019,강남역,자체,,a,b,1,5')],
		['a score above its 배점', evaluations('2019,성북구,자체,,a,b,6,5')],
		['a blank required cell', evaluations('2019,성북구,자체,,,b,1,5')],
		['a row of empty cells', evaluations('2019,성북구,자체,,a,b,1,5', ',,,,,,,')],
		['a cell past the header', evaluations('2019,성북구,자체,,a,b,1,5,extra')],
		['a repeated header', evaluations('2019,성북구,자체,,a,b,1,5', EVALUATION_HEADER)],
		['a budget amount in 원', budget('2019,성북구,워크숍,강사료,,"1,456,200원",0,')]
	])('%s: the checked path decides, as without the fast path', async (_name, text) => {
		const ways = await importEachWay(text);
		expect([ways.typed.fastPath, ways.fast.fastPath]).toEqual([false, false]);
		expectTheSame(ways);
	});
});

// Cells drawn from what exports hold: mostly clean, sometimes not. Any mix must give the same
// result both ways, and enough of the files are clean for the fast path to be tried.
const cell = (clean: string[], unclean: string[]) =>
	fc.oneof(
		{ arbitrary: fc.constantFrom(...clean), weight: 12 },
		{ arbitrary: fc.constantFrom(...unclean), weight: 1 }
	);
const row = fc
	.tuple(
		cell(['2019', '2020', ' 2021', '2,019', '2019.0'], ['2019.5', '1999', '２０１９', '', '연도']),
		cell(
			['성북구', '마포구', 'Mapo-gu', '성북'],
			[' 성북구', '성북구 ', '강남역', '-', '', '합계']
		),
		cell(['자체', '공무원', '외부전문가', 'self', 'Official'], ['자체 ', '', '#N/A']),
		cell(['', 'p1', 'p2', 'p3', 'p4'], [' p1', '-', 'N/A']),
		cell(['a', 'b', '계획', 'x, y'], ['소계', 'Total', ' a', '-', '']),
		cell(
			['a', 'b', 'c', 'd', 'e', 'f', '계획 수립', '"인용"'],
			['계', 'subtotal', 'b ', '#VALUE!', '']
		),
		cell(['0', '1', '2.5', '10', '1,5', ' 3 ', '1e1'], ['-1', 'nan', 'inf', '7점', '', '１']),
		cell(['5', '10', '10.0'], ['0', '10점', ''])
	)
	.map((cells) =>
		cells.map((text) => (/[,"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text)).join(',')
	);

it('any mix of clean and unclean cells gives the same result both ways', async () => {
	let fastTaken = 0;
	let straightTaken = 0;
	await fc.assert(
		fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 4 }), async (rows) => {
			const ways = await importEachWay(evaluations(...rows));
			if (ways.fast.straightIn) straightTaken++;
			if (ways.typed.fastPath) fastTaken++;
			expect(summary(ways.fast.result)).toEqual(summary(ways.checked.result));
			expectTheSame(ways);
		}),
		{ numRuns: 150, seed: 20261205 }
	);
	expect(fastTaken).toBeGreaterThan(20);
	// Most drawn files spell some name otherwise than its key (`Mapo-gu`, `성북`): fewer go in.
	expect(straightTaken).toBeGreaterThanOrEqual(4);
}, 240_000);

/** The fast path's reads of a file: straight in, or into the typed table by how it coded names. */
async function cleanReadsOf(text: string, options: ImportOptions = {}) {
	await clearData(engine);
	const watched = intercept(engine, () => undefined);
	await importCsv(watched, { name: 'file.csv', bytes: csvBytes(text) }, options);
	return watched.statements
		.filter((sql) => isStraightIn(sql) || isTypedRead(sql))
		.map((sql) => {
			if (isStraightIn(sql)) return 'straight-in';
			return sql.includes('JOIN district_aliases') ? 'by-key' : 'as-read';
		});
}

it('names spelled as their keys are coded as read; any other spelling by key, read again', async () => {
	const typed = { straightIn: false };
	expect(await cleanReadsOf(evaluations('2019,성북구,외부전문가,,a,b,1,5'), typed)).toEqual([
		'as-read'
	]);
	expect(await cleanReadsOf(evaluations('2019,성북 구,자체,,a,b,1,5'), typed)).toEqual([
		'as-read',
		'by-key'
	]);
	expect(await cleanReadsOf(evaluations('2019,성북구,Self,,a,b,1,5'), typed)).toEqual([
		'as-read',
		'by-key'
	]);
	// A problem besides the names goes to the checked path at once, which reads as text.
	expect(await cleanReadsOf(evaluations('2019,Seongbuk-gu,자체,,a,b,9,5'), typed)).toEqual([
		'as-read'
	]);
});

it('a file goes straight in when clean, and the typed way when a name is spelled otherwise', async () => {
	expect(await cleanReadsOf(evaluations('2019,성북구,외부전문가,,a,b,1,5'))).toEqual([
		'straight-in'
	]);
	// The table refuses the name's missing code at once; the typed read codes it by key.
	expect(await cleanReadsOf(evaluations('2019,성북구,Self,,a,b,1,5'))).toEqual([
		'straight-in',
		'as-read',
		'by-key'
	]);
	// The rows went in, and their probe found a problem: the checked path, with no typed read.
	expect(await cleanReadsOf(evaluations('2019,성북구,자체,,a,b,9,5'))).toEqual(['straight-in']);
	expect(await cleanReadsOf(evaluations('2019,성북구,자체,,a ,b,1,5'))).toEqual(['straight-in']);
});

it('a clean file takes the fast path, an unclean one does not', async () => {
	const clean = await importEachWay(evaluations('2019,성북구,자체,,a,b,1,5'));
	const unclean = await importEachWay(evaluations('2019,성북구,자체,,a,b,1점,5'));
	expect([clean.fast.straightIn, clean.typed.fastPath, clean.checked.fastPath]).toEqual([
		true,
		true,
		false
	]);
	expect([unclean.fast.fastPath, unclean.typed.fastPath]).toEqual([false, false]);
});
