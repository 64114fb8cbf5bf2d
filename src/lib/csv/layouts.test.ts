import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byDistrict, pivotTotals } from '$lib/analysis/totals';
import { totalsOf } from '$lib/analysis/unit-totals';
import { NO_FILTERS } from '$lib/query/filters';
import { queryUnitScores } from '$lib/query/scores';
import { csvBytes, engineWithSchema, repoFile } from '$lib/testing/node-engine';
import { mapColumns } from './columns';
import { parseSourceHeader } from './headers';
import { importCsv } from './import';
import { evaluationRowsOf } from './test-support';

// The unbalanced fixture in the long layout and with the sources side by side
// (tests/fixtures/layouts/make_layouts.mjs writes the second from the first).
const LONG = repoFile('tests/fixtures/csv/unbalanced/evaluations.csv');
const SIDE_BY_SIDE = repoFile('tests/fixtures/layouts/sources-side-by-side.csv');
const expected = JSON.parse(
	readFileSync(
		new URL('../../../tests/fixtures/expected/unbalanced-totals.json', import.meta.url),
		'utf8'
	)
) as { by_district_all_years: Record<string, { self: number; official: number; expert: number }> };

/** The imported rows, without where they came from, in one order. */
async function rowsOf(bytes: Uint8Array) {
	const engine = await engineWithSchema();
	const result = await importCsv(engine, { name: 'f.csv', bytes }, { confirmLayout: true });
	expect(result.issues).toEqual([]);
	// Lines differ between layouts; what each row holds must not.
	const rows = (await evaluationRowsOf(engine, result.hash)).map((row) =>
		JSON.stringify({ ...row, line: undefined })
	);
	return { engine, result, rows: rows.sort() };
}

describe('source headers', () => {
	it.each([
		['자체평가', { source: 'self', evaluatorId: null }],
		['공무원(공무원A)', { source: 'official', evaluatorId: '공무원A' }],
		['외부전문가 (김OO)', { source: 'expert', evaluatorId: '김OO' }],
		['외부전문가（박OO）', { source: 'expert', evaluatorId: '박OO' }],
		['공무원 점수', { source: 'official', evaluatorId: null }],
		['Expert', { source: 'expert', evaluatorId: null }],
		['평가지표', null],
		['배점', null]
	] as const)('%s', (header, parsed) => {
		expect(parseSourceHeader(header)).toEqual(parsed);
	});

	it('a header with the sources side by side maps them, and needs no source or score column', () => {
		const mapping = mapColumns([
			'연도',
			'자치구',
			'평가영역',
			'평가지표',
			'배점',
			'자체평가',
			'공무원(A)'
		]);
		expect(mapping).toMatchObject({
			kind: 'evaluations',
			missing: [],
			wide: {
				kind: 'sources',
				groups: [
					{ cells: { score: 5 }, given: { evaluator_type: 'self', evaluator_id: null } },
					{ cells: { score: 6 }, given: { evaluator_type: 'official', evaluator_id: 'A' } }
				]
			}
		});
	});

	it('a long header has no source columns', () => {
		const header = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점'.split(',');
		expect(mapColumns(header)?.wide).toBeNull();
	});
});

/** A preview row of 2019 성북구 A영역 지표1 (배점 10). */
const row = (line: number, evaluator_type: string, evaluator_id: string | null, score: string) => ({
	line,
	year: '2019',
	district: '성북구',
	evaluator_type,
	evaluator_id,
	area: 'A영역',
	indicator: '지표1',
	score,
	max_score: '10'
});

describe('the sources side by side', () => {
	it('import to the same rows as the long layout, a row per score cell', async () => {
		const long = await rowsOf(LONG);
		const wide = await rowsOf(SIDE_BY_SIDE);
		expect(wide.result).toMatchObject({ imported: true, importedCount: 40, rowCount: 40 });
		expect(wide.rows).toEqual(long.rows);
	});

	it('are previewed in long form, and not imported, until the layout is confirmed', async () => {
		const engine = await engineWithSchema();
		const result = await importCsv(engine, { name: 'w.csv', bytes: SIDE_BY_SIDE });
		expect(result).toMatchObject({ imported: false, importedCount: 0, rowCount: 40, issues: [] });
		expect(
			result.layout?.wide?.groups.map((g) => [g.given.evaluator_type, g.given.evaluator_id])
		).toEqual([
			['self', null],
			['official', '공무원A'],
			['official', '공무원B'],
			['expert', '전문가A'],
			['official', '공무원C']
		]);
		// The first line's five cells (공무원C left blank in 2019), then the next line's.
		expect(result.preview?.slice(0, 5)).toEqual([
			row(2, 'self', null, '6'),
			row(2, 'official', '공무원A', '8'),
			row(2, 'official', '공무원B', '6'),
			row(2, 'expert', '전문가A', '9'),
			{ ...row(3, 'self', null, '12'), area: 'B영역', indicator: '지표2', max_score: '20' }
		]);
		const [counts] = await engine.query<{ n: number }>(
			'SELECT count(*)::INTEGER AS n FROM evaluations'
		);
		expect(counts?.n).toBe(0);
	});

	it('give the independently computed totals', async () => {
		const { engine } = await rowsOf(SIDE_BY_SIDE);
		const groups = pivotTotals(
			totalsOf(await queryUnitScores(engine, NO_FILTERS), ['district']),
			byDistrict
		);
		for (const group of groups) {
			const want = expected.by_district_all_years[group.labelKo]!;
			expect(group.self, group.labelKo).toBeCloseTo(want.self, 9);
			expect(group.official, group.labelKo).toBeCloseTo(want.official, 9);
			expect(group.expert, group.labelKo).toBeCloseTo(want.expert, 9);
		}
	});

	it('name the source column of a bad score, on its line', async () => {
		const engine = await engineWithSchema();
		const text = [
			'연도,자치구,평가영역,평가지표,배점,자체평가,공무원(공무원A),외부전문가',
			'2019,성북구,A영역,지표1,10,6,8,9',
			'2019,성북구,A영역,지표2,10,5,여덟,12'
		].join('\n');
		const result = await importCsv(
			engine,
			{ name: 'w.csv', bytes: csvBytes(text) },
			{ confirmLayout: true }
		);
		expect(result.imported).toBe(false);
		expect(result.issues.map((i) => [i.line, i.column, i.value, i.code])).toEqual([
			[3, '공무원(공무원A)', '여덟', 'invalid-number'],
			[3, '외부전문가', '12', 'score-above-max']
		]);
	});

	it('a wide file without any source column is refused for its missing columns', async () => {
		const engine = await engineWithSchema();
		const text = ['연도,자치구,평가영역,평가지표,배점,비고', '2019,성북구,A영역,지표1,10,x'].join(
			'\n'
		);
		const result = await importCsv(engine, { name: 'n.csv', bytes: csvBytes(text) });
		expect(result.issues[0]).toMatchObject({ code: 'missing-columns' });
		expect(result.issues[0]?.detail).toContain('evaluator_type');
	});
});
