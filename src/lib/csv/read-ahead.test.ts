import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/types';
import { clearData } from '$lib/query/schema';
import { engineWithSchema } from '$lib/testing/node-engine';
import { sha256Hex } from './hash';
import { importCsv, type ImportResult } from './import';
import {
	PLAIN_SCAN_MIN_BYTES,
	prepareFromStart,
	prepareText,
	reviseFromWhole,
	type PrepareRefusal,
	type PreparedText,
	type Preparer
} from './prepare';
import { BUDGET_HEADER, EVALUATION_HEADER, intercept, snapshotTables } from './test-support';

// A large file is read by DuckDB while the file worker still scans it: prepared first from its
// start alone, then checked against the whole file's preparation, which decides. Whatever the
// rest of the file holds, the import must end exactly as if the whole file had been prepared
// first: every file here is imported both ways, into the same fresh state, and compared.

const DISTRICTS = ['성북구', '마포구', '도봉구', '은평구', '강동구'];
const SOURCES = ['자체', '공무원', '전문가'];

/** A long indicator name, so that few rows (each a DuckDB row to import) make a large file. */
const LONG = '시민 참여와 민관 협력의 성과'.repeat(8);

/** Enough clean rows, each key once, for the file to be over the size read ahead. */
function cleanRows(count: number): string[] {
	return Array.from({ length: count }, (_, i) => {
		const district = DISTRICTS[i % DISTRICTS.length];
		const source = SOURCES[Math.floor(i / DISTRICTS.length) % SOURCES.length];
		const score = ((i * 7) % 101) / 10;
		return `${2017 + (i % 5)},${district},${source},평가자${i},민관협치,${LONG} ${i % 40},${score},10`;
	});
}

const ROWS = cleanRows(8_000);
/** A line near the end, where the start prepared from has long stopped. */
const LATE = ROWS.length - 100;

/** The file with its row at LATE replaced by what `change` makes of it. */
function fileWith(
	change: (late: string) => string[] = (late) => [late],
	[header, ...rows] = [EVALUATION_HEADER, ...ROWS]
): Uint8Array {
	const changed = [...rows.slice(0, LATE), ...change(rows[LATE]!), ...rows.slice(LATE + 1)];
	return new TextEncoder().encode([header, ...changed].join('\n') + '\n');
}

/** What the whole file says of a file read ahead: it agrees, or it revises what was read. */
type Verdict = 'agrees' | 'revises';

/** Each way the rest of a file can differ from its start, and what the whole file then says. */
const LATE_CHANGES: { name: string; change: (late: string) => string[]; verdict: Verdict }[] = [
	{ name: 'nothing', change: (late) => [late], verdict: 'agrees' },
	{ name: 'an empty line', change: (late) => ['', late], verdict: 'revises' },
	{ name: 'a score that is no number', change: (late) => [notANumber(late)], verdict: 'agrees' },
	{
		name: 'an empty line, then a score that is no number',
		change: (late) => ['', notANumber(late)],
		verdict: 'revises'
	},
	{ name: 'a Windows line break', change: (late) => [`${late}\r`], verdict: 'revises' },
	{ name: 'a cell past the header', change: (late) => [`${late},덧붙임`], verdict: 'revises' },
	{
		name: 'a line break in a quoted cell',
		change: (late) => [late.replace('민관협치', '"민관\n협치"')],
		verdict: 'revises'
	},
	// Not plain text (four UTF-8 bytes), but bytes that decoding leaves as they are: they agree.
	{
		name: 'a character outside the first plane',
		change: (late) => [late.replace('평가자', '평가자😀')],
		verdict: 'agrees'
	},
	// Decomposed Hangul, which NFC composes: the text read is not the file's bytes.
	{
		name: 'a name in decomposed Hangul',
		change: (late) => [late.replace('민관협치', '민관협치'.normalize('NFD'))],
		verdict: 'revises'
	},
	{
		name: 'a quote that never closes',
		change: (late) => [late.replace('민관협치', '"민관협치')],
		verdict: 'revises'
	}
];

/** The row with its score written as no number. */
const notANumber = (row: string) => row.replace(/,[\d.]+,10$/, ',abc,10');

const big = fileWith();

/** A preparation's fields but its data, and where its data is. */
const described = (prepared: PreparedText | PrepareRefusal) =>
	prepared.ok
		? {
				...prepared,
				data: [prepared.data.buffer, prepared.data.byteOffset, prepared.data.length]
			}
		: prepared;

describe('a file prepared from its start', () => {
	it('is over the size a file is scanned from', () => {
		expect(big.length).toBeGreaterThan(PLAIN_SCAN_MIN_BYTES);
	});

	it('is the whole file’s preparation when the rest is like the start', () => {
		const fromStart = prepareFromStart(big);
		const whole = prepareText(big);
		expect(fromStart).not.toBeNull();
		expect(described(fromStart!)).toEqual(described(whole));
		expect(fromStart!.data.buffer).toBe(big.buffer);
		expect(reviseFromWhole(fromStart!, whole)).toBeNull();
	});

	it('is not made for a small file, nor one whose start is not plain UTF-8', () => {
		const small = new TextEncoder().encode([EVALUATION_HEADER, ...ROWS.slice(0, 10)].join('\n'));
		const text = new TextDecoder().decode(big);
		const cp949 = new Uint8Array(iconv.encode(text, 'cp949'));
		const crlf = new TextEncoder().encode(text.replaceAll('\n', '\r\n'));
		expect(prepareFromStart(small)).toBeNull();
		expect(prepareFromStart(cp949)).toBeNull();
		expect(prepareFromStart(crlf)).toBeNull();
	});

	it.each(LATE_CHANGES)(
		'with $name late in the file: the whole file $verdict',
		({ change, verdict }) => {
			const bytes = fileWith(change);
			const fromStart = prepareFromStart(bytes);
			expect(fromStart).not.toBeNull();
			const whole = prepareText(bytes);
			const revision = reviseFromWhole(fromStart!, whole);
			expect(revision === null ? 'agrees' : 'revises').toBe(verdict);
			if (revision) expect(revision).toBe(whole);
		}
	);
});

let engine: Engine;
beforeAll(async () => {
	engine = await engineWithSchema();
});

/**
 * Prepares as the file worker does, on this thread: from the file's start, then whole. The whole
 * file's answer waits until `release` is called, as a slow scan's would.
 */
function preparedAhead(release: Promise<void>): Preparer {
	return async (bytes, options) => {
		const hash = sha256Hex(bytes);
		const fromStart = prepareFromStart(bytes, options);
		if (!fromStart) throw new Error('not prepared from its start');
		const whole = release.then(() => reviseFromWhole(fromStart, prepareText(bytes, options)));
		return { prepared: fromStart, hash, whole };
	};
}

/** The fast path's typed read: numbers read as numbers. */
const isTypedRead = (sql: string) => sql.includes("'c0': 'DOUBLE'");

/**
 * Imports a file with the whole file prepared first, then read ahead, each into an empty dataset;
 * a clean file straight into the dataset table, or through the typed table (`straightIn` false).
 */
async function importBothWays(bytes: Uint8Array, { straightIn = true } = {}) {
	const file = { name: 'file.csv', bytes };
	await clearData(engine);
	const first = await importCsv(engine, file, { straightIn });
	const firstTables = await snapshotTables(engine);
	await clearData(engine);
	// The whole file's answer comes only once DuckDB has started the typed read: the import must
	// not wait for it before.
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	const watched = intercept(engine, (sql) => {
		if (isTypedRead(sql)) release();
	});
	const ahead = await importCsv(watched, file, { prepare: preparedAhead(released), straightIn });
	return {
		first: { result: first, tables: firstTables },
		ahead: { result: ahead, tables: await snapshotTables(engine) },
		typedReads: watched.statements.filter(isTypedRead).length
	};
}

const summary = (result: ImportResult) => ({
	imported: result.imported,
	importedCount: result.importedCount,
	issues: result.issues.map(({ line, code, value }) => ({ line, code, value }))
});

describe('importing a file read ahead', () => {
	it.each(
		LATE_CHANGES.flatMap((late) => [
			{ ...late, way: 'straight in', straightIn: true },
			{ ...late, way: 'typed first', straightIn: false }
		])
	)(
		'with $name late in the file ends as if prepared whole ($way)',
		async ({ change, verdict, straightIn }) => {
			const { first, ahead, typedReads } = await importBothWays(fileWith(change), { straightIn });
			expect(ahead.result).toEqual(first.result);
			expect(ahead.tables).toEqual(first.tables);
			// Read ahead once, and once more only if the whole file was read again its own way.
			expect(typedReads).toBeGreaterThanOrEqual(1);
			if (verdict === 'agrees') expect(typedReads).toBe(1);
		},
		60_000
	);

	it.each([
		{ name: 'nothing', change: (late: string) => [late] },
		{ name: 'an empty line', change: (late: string) => ['', late] }
	])(
		'with $name late in a budget file of quoted amounts ends as if prepared whole',
		async ({ change }) => {
			// Amounts as Excel writes them, quoted for their commas: the start's lines hold quotes.
			const rows = ROWS.map(
				(_, i) =>
					`${2019 + (i % 3)},${DISTRICTS[i % DISTRICTS.length]},사업 ${i},${LONG},,"1,456,200","1,000,000",`
			);
			const { first, ahead } = await importBothWays(fileWith(change, [BUDGET_HEADER, ...rows]));
			expect(ahead.result).toEqual(first.result);
			expect(ahead.tables).toEqual(first.tables);
			expect(summary(ahead.result)).toEqual({
				imported: true,
				importedCount: ROWS.length,
				issues: []
			});
		},
		60_000
	);

	it('reports a problem late in the file on its line, past an empty line', async () => {
		const { ahead } = await importBothWays(fileWith((late) => ['', notANumber(late)]));
		// The header is line 1, row r is line r + 2, and the empty line moves the changed row down.
		expect(summary(ahead.result).issues).toEqual([
			{ line: LATE + 3, code: expect.any(String), value: 'abc' }
		]);
		expect(ahead.result.imported).toBe(false);
	}, 60_000);

	it('imports a clean file read ahead', async () => {
		const { ahead } = await importBothWays(big);
		expect(summary(ahead.result)).toEqual({
			imported: true,
			importedCount: ROWS.length,
			issues: []
		});
		expect(ahead.tables.evaluations).toHaveLength(ROWS.length);
	}, 60_000);
});
