import { describe, expect, it } from 'vitest';
import { keepChoices, parseImportChoices, replaySteps } from './choices';

describe('parseImportChoices', () => {
	it.each([
		['nothing', undefined, { mode: 'add', validOnly: false }],
		['an empty object', {}, { mode: 'add', validOnly: false }],
		[
			'every key',
			{
				mode: 'replace-years',
				validOnly: true,
				replaceOverlaps: true,
				setAsideSample: false,
				columnOverrides: { score: 6, max_score: 7 }
			},
			{
				mode: 'replace-years',
				validOnly: true,
				replaceOverlaps: true,
				setAsideSample: false,
				columnOverrides: { score: 6, max_score: 7 }
			}
		]
	])('takes %s', (_, value, choices) => {
		expect(parseImportChoices(value)).toEqual({ ok: true, choices });
	});

	const deep = (depth: number): unknown =>
		depth === 0 ? {} : { columnOverrides: deep(depth - 1) };
	it.each([
		['__proto__ as JSON writes it', JSON.parse('{"__proto__": {"mode": "add"}}'), '__proto__'],
		['a signal', { signal: { aborted: true } }, 'signal'],
		['an extra key', { mode: 'add', colour: 'red' }, 'colour'],
		['an unknown mode', { mode: 'merge' }, 'mode'],
		['a flag that is not a boolean', { validOnly: 'yes' }, 'validOnly'],
		['nesting 2,000 deep', JSON.parse(JSON.stringify(deep(2000))), 'columnOverrides'],
		['an override of no field', { columnOverrides: { toString: 1 } }, 'columnOverrides'],
		['a negative column', { columnOverrides: { score: -1 } }, 'columnOverrides'],
		['a fractional column', { columnOverrides: { score: 1.5 } }, 'columnOverrides'],
		['an array', [], ''],
		['a given field that is not one', { given: { district: '성북구' } }, 'given'],
		['a given value that is not text', { given: { year: 2019 } }, 'given'],
		['an empty sheet name', { sheet: '' }, 'sheet'],
		['a sheet list with a step that names no sheet', { sheets: [{ mode: 'add' }] }, 'sheet'],
		['an empty sheet list', { sheets: [] }, 'sheets'],
		['a sheet list beside other keys', { sheets: [{ sheet: 'a' }], mode: 'add' }, 'mode'],
		['a sheet list with a bad step', { sheets: [{ sheet: 'a', signal: {} }] }, 'signal']
	])('refuses %s', (_, value, key) => {
		const result = parseImportChoices(value);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problem.key).toBe(key);
	});
});

describe('a workbook kept with several sheets', () => {
	const first = { mode: 'add' as const, validOnly: false, sheet: '2019 자체평가' };
	const second = { mode: 'add' as const, validOnly: false, sheet: '2019 공무원평가' };

	it('lists each sheet imported, in order, and replays each', () => {
		const kept = keepChoices(keepChoices(null, first), second);
		expect(kept).toEqual({ sheets: [first, second] });
		expect(replaySteps(kept)).toEqual([first, second]);
		expect(parseImportChoices(kept)).toEqual({ ok: true, choices: kept });
	});

	it('a sheet imported again replaces its own entry, and a CSV keeps its newest choices', () => {
		const again = { ...first, validOnly: true };
		expect(keepChoices(keepChoices(keepChoices(null, first), second), again)).toEqual({
			sheets: [second, again]
		});
		const csv = { mode: 'add' as const, validOnly: true };
		expect(keepChoices({ mode: 'add', validOnly: false }, csv)).toEqual(csv);
		expect(replaySteps(csv)).toEqual([csv]);
	});

	it('given values are kept as text', () => {
		const choices = { given: { year: '2019', evaluator_type: 'official', evaluator_id: 'A' } };
		expect(parseImportChoices(choices)).toEqual({
			ok: true,
			choices: { mode: 'add', validOnly: false, ...choices }
		});
	});
});
