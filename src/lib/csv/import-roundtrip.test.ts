import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/types';
import { engineWithSchema, nodeCp949 } from '$lib/testing/node-engine';
import { importCsv } from './import';

/**
 * Rows written as CSV the way a spreadsheet writes them (any of the delimiters, line breaks and
 * encodings; cells with quotes, delimiters and line breaks quoted) come back equal.
 */

let engine: Engine;
beforeAll(async () => {
	engine = await engineWithSchema();
});

const NUM_RUNS = Number(process.env.NUM_RUNS ?? 25);

// Hangul, Latin letters and digits, and the characters that need quoting; all encodable in CP949.
const cellChar = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c))
	},
	{ weight: 3, arbitrary: fc.constantFrom(...'abcXYZ0189') },
	{ weight: 2, arbitrary: fc.constantFrom(',', '"', '\n', ' ', ';', '|', '\t', '·', '(', '?') }
);

// A text cell as the importer keeps it: trimmed, and not one of the "no value" markers.
const NO_VALUE = ['-', '#N/A', 'N/A', '#VALUE!'];
const cellText = fc
	.string({ unit: cellChar, minLength: 1, maxLength: 12 })
	.map((text) => text.trim())
	.filter((text) => text !== '' && !NO_VALUE.includes(text));

// District spellings and the code each stands for.
const DISTRICTS: [string, string][] = [
	['성북구', '11290'],
	['성북', '11290'],
	['Mapo-gu', '11440'],
	['11500', '11500'],
	['은평구', '11380'],
	['guro-gu', '11530']
];
const EVALUATOR_TYPES: [string, string][] = [
	['자체', 'self'],
	['공무원', 'official'],
	['외부전문가', 'expert'],
	['Expert', 'expert']
];

const evaluationRow = fc.record({
	year: fc.integer({ min: 2000, max: 2100 }),
	district: fc.constantFrom(...DISTRICTS),
	type: fc.constantFrom(...EVALUATOR_TYPES),
	evaluator: fc.option(cellText, { nil: null }),
	area: cellText,
	indicator: cellText,
	maxScore: fc.constantFrom(5, 10, 20, 100),
	halves: fc.nat({ max: 200 }),
	unit: fc.constantFrom('', '점')
});

const dialect = fc.record({
	delimiter: fc.constantFrom(',', '\t', ';', '|'),
	newline: fc.constantFrom('\n', '\r\n'),
	encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'cp949')
});

type Dialect = { delimiter: string; newline: string; encoding: string };

/** A cell as Excel writes it: quoted when it holds a delimiter, a quote or a line break. */
function writeCell(value: string, delimiter: string): string {
	return /["\n\r]/.test(value) || value.includes(delimiter)
		? `"${value.replaceAll('"', '""')}"`
		: value;
}

function writeCsv(rows: string[][], { delimiter, newline }: Dialect): string {
	return (
		rows
			.map((cells) => cells.map((cell) => writeCell(cell, delimiter)).join(delimiter))
			.join(newline) + newline
	);
}

function encode(text: string, encoding: string): Uint8Array {
	switch (encoding) {
		case 'utf-8-bom':
			return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
		case 'utf-16le':
			return new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
		case 'utf-16be':
			return new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]);
		case 'cp949':
			return new Uint8Array(iconv.encode(text, 'cp949'));
		default:
			return new TextEncoder().encode(text);
	}
}

/** The line each row starts on: after the header, plus the line breaks in earlier cells. */
function startLines(rows: string[][]): number[] {
	let line = 2;
	return rows.map((cells) => {
		const start = line;
		line += 1 + cells.join('').split('\n').length - 1;
		return start;
	});
}

let fileNumber = 0;

describe('rows written as CSV and imported come back equal (fast-check)', () => {
	it('evaluations', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(evaluationRow, { minLength: 1, maxLength: 8 }),
				dialect,
				async (rows, how) => {
					// Each row its own indicator, so no two rows share a key.
					const cells = rows.map((row, index) => [
						String(row.year),
						row.district[0],
						row.type[0],
						row.evaluator ?? '',
						row.area,
						`${row.indicator} ${index}`,
						`${Math.min(row.halves / 2, row.maxScore)}${row.unit}`,
						String(row.maxScore)
					]);
					const header = [
						'연도',
						'자치구',
						'평가주체',
						'평가자',
						'평가영역',
						'평가지표',
						'점수',
						'배점'
					];
					const text = writeCsv([header, ...cells], how);
					const result = await importCsv(
						engine,
						{ name: `rt${fileNumber++}.csv`, bytes: encode(text, how.encoding) },
						{ decodeCp949: nodeCp949 }
					);
					expect(result.issues).toEqual([]);
					expect(result).toMatchObject({ imported: true, importedCount: rows.length });
					const lines = startLines(cells);
					const stored = await engine.query(
						`SELECT line, year, district_code, evaluator_type, evaluator_id, area, indicator, score,
						max_score FROM evaluations WHERE file_id = ? ORDER BY line`,
						[result.hash]
					);
					expect(stored).toEqual(
						rows.map((row, index) => ({
							line: lines[index],
							year: row.year,
							district_code: row.district[1],
							evaluator_type: row.type[1],
							evaluator_id: row.evaluator,
							area: row.area,
							indicator: `${row.indicator} ${index}`,
							score: Math.min(row.halves / 2, row.maxScore),
							max_score: row.maxScore
						}))
					);
					await engine.query('DELETE FROM evaluations WHERE file_id = ?', [result.hash]);
				}
			),
			{ numRuns: NUM_RUNS }
		);
	});

	it('budget, with amounts in 원 and 천원', async () => {
		const budgetRow = fc.record({
			year: fc.integer({ min: 2000, max: 2100 }),
			district: fc.constantFrom(...DISTRICTS, ['서울시', '11000'] as [string, string]),
			program: cellText,
			item: cellText,
			code: fc.option(fc.constantFrom('201-01', '101-01', '301-09'), { nil: null }),
			thousands: fc.nat({ max: 5_000_000 }),
			spentThousands: fc.nat({ max: 5_000_000 }),
			format: fc.constantFrom('plain', 'grouped', 'won', 'thousand-won'),
			basis: fc.option(cellText, { nil: null })
		});
		const formatWon = (thousands: number, format: string) => {
			const grouped = (n: number) => n.toLocaleString('en-US');
			if (format === 'thousand-won') return `${grouped(thousands)}천원`;
			if (format === 'won') return `${grouped(thousands * 1000)}원`;
			if (format === 'grouped') return grouped(thousands * 1000);
			return String(thousands * 1000);
		};
		await fc.assert(
			fc.asyncProperty(
				fc.array(budgetRow, { minLength: 1, maxLength: 8 }),
				dialect,
				async (rows, how) => {
					const cells = rows.map((row, index) => [
						String(row.year),
						row.district[0],
						row.program,
						`${row.item} ${index}`,
						row.code ?? '',
						formatWon(row.thousands, row.format),
						formatWon(row.spentThousands, row.format),
						row.basis ?? ''
					]);
					const header = [
						'회계연도',
						'자치구',
						'사업명',
						'세부항목',
						'예산과목',
						'예산액',
						'집행액',
						'산출내역'
					];
					const text = writeCsv([header, ...cells], how);
					const result = await importCsv(
						engine,
						{ name: `rb${fileNumber++}.csv`, bytes: encode(text, how.encoding) },
						{ decodeCp949: nodeCp949 }
					);
					expect(result.issues).toEqual([]);
					const lines = startLines(cells);
					const stored = await engine.query(
						`SELECT line, year, district_code, program, item, budget_code, planned, spent, basis
					FROM budget WHERE file_id = ? ORDER BY line`,
						[result.hash]
					);
					expect(stored).toEqual(
						rows.map((row, index) => ({
							line: lines[index],
							year: row.year,
							district_code: row.district[1],
							program: row.program,
							item: `${row.item} ${index}`,
							budget_code: row.code,
							planned: row.thousands * 1000,
							spent: row.spentThousands * 1000,
							basis: row.basis
						}))
					);
					await engine.query('DELETE FROM budget WHERE file_id = ?', [result.hash]);
				}
			),
			{ numRuns: NUM_RUNS }
		);
	});
});
