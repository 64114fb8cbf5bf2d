import { describe, expect, it } from 'vitest';
import { parseImportChoices } from './choices';

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
		['an array', [], '']
	])('refuses %s', (_, value, key) => {
		const result = parseImportChoices(value);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problem.key).toBe(key);
	});
});
