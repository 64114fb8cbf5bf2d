import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '$lib/csv/import';
import { loadSampleDataset } from '$lib/dataset/sample';
import { createNodeEngine } from '$lib/engine/node';
import type { Engine } from '$lib/engine/types';
import { NO_FILTERS } from '$lib/query/filters';
import { repoFile } from '$lib/testing/node-engine';
import { compareVersions, diffRows, type Comparison, type ComparedRow } from './compare';

// The fixture pair and its expected differences come from tests/fixtures/versions/ (made and
// computed by independent Python scripts, exact fractions): 3 rows changed, 2 added, 1 removed.
const expected = JSON.parse(
	readFileSync(new URL('../../../tests/fixtures/versions/expected.json', import.meta.url), 'utf8')
) as {
	rows: Record<'added' | 'removed' | 'changed', Record<string, string | number | null>[]>;
	figures: {
		district: string;
		year: number;
		figure: string;
		before: number;
		after: number;
		difference: number;
	}[];
};

/** The sample, then one version's file in the place of the sample's evaluations. */
async function version(name: 'before' | 'after'): Promise<Engine> {
	const engine = await createNodeEngine();
	await loadSampleDataset(engine, async (file) => repoFile(`data/${file}`));
	const result = await importCsv(
		engine,
		{ name: `${name}.csv`, bytes: repoFile(`tests/fixtures/versions/${name}.csv`) },
		{ mode: 'add', setAsideSample: true }
	);
	expect(result.imported).toBe(true);
	return engine;
}

const keyOf = (row: { key: ComparedRow['key']; name_ko: string }) => ({
	year: row.key.year,
	district: row.name_ko,
	evaluator_type: row.key.evaluator_type,
	evaluator_id: row.key.evaluator_id,
	area: row.key.area,
	indicator: row.key.indicator
});
const expectedKey = (row: Record<string, string | number | null>) => ({
	year: row.year,
	district: row.district,
	evaluator_type: row.evaluator_type,
	evaluator_id: row.evaluator_id,
	area: row.area,
	indicator: row.indicator
});

let comparison: Comparison;
beforeAll(async () => {
	comparison = await compareVersions(
		await version('before'),
		await version('after'),
		NO_FILTERS,
		'mean'
	);
});

describe('comparing two versions of the data', () => {
	it('finds exactly the rows changed, added and removed, with their values', () => {
		const { added, removed, changed } = comparison.evaluations;
		expect(changed.map(keyOf)).toEqual(expected.rows.changed.map(expectedKey));
		expect(added.map(keyOf)).toEqual(expected.rows.added.map(expectedKey));
		expect(removed.map(keyOf)).toEqual(expected.rows.removed.map(expectedKey));
		expect(changed.map((row) => [row.before, row.after])).toEqual(
			expected.rows.changed.map((row) => [
				{ score: row.before_score, max_score: row.before_max },
				{ score: row.after_score, max_score: row.after_max }
			])
		);
		expect(added.map((row) => row.values)).toEqual(
			expected.rows.added.map((row) => ({ score: row.score, max_score: row.max_score }))
		);
		// The budget is the sample's in both.
		expect(comparison.budget).toEqual({ added: [], removed: [], changed: [] });
	});

	it('lists the district-year figures that moved, as the independent computation does', () => {
		const found = comparison.figures.map((figure) => ({
			district: figure.name_ko,
			year: figure.year,
			figure: figure.figure === 'total' ? `total.${figure.source}` : figure.figure
		}));
		expect(found).toEqual(
			expected.figures.map(({ district, year, figure }) => ({ district, year, figure }))
		);
		for (const [index, figure] of comparison.figures.entries()) {
			const want = expected.figures[index]!;
			expect(figure.before).toBeCloseTo(want.before, 9);
			expect(figure.after).toBeCloseTo(want.after, 9);
			expect(figure.difference).toBeCloseTo(want.difference, 9);
		}
	});
});

describe('diffRows', () => {
	const row = (id: string | null, score: number): ComparedRow => ({
		key: { year: 2020, evaluator_id: id },
		name_ko: '성북구',
		name_en: 'Seongbuk-gu',
		values: { score }
	});
	it('pairs rows that repeat a key in file order, the surplus added or removed', () => {
		const changes = diffRows(
			[row(null, 1), row(null, 2), row('A', 3)],
			[row(null, 1), row(null, 5), row(null, 6)],
			['year', 'evaluator_id']
		);
		expect(changes.changed).toEqual([
			{
				key: { year: 2020, evaluator_id: null },
				name_ko: '성북구',
				name_en: 'Seongbuk-gu',
				before: { score: 2 },
				after: { score: 5 }
			}
		]);
		expect(changes.added.map((r) => r.values.score)).toEqual([6]);
		expect(changes.removed.map((r) => r.values.score)).toEqual([3]);
	});
});
