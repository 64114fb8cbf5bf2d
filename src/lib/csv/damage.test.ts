import { describe, expect, it } from 'vitest';
import { findDamage } from './damage';

describe('findDamage', () => {
	it('finds nothing in clean text', () => {
		expect(findDamage('연도,자치구\n2019,성북구\n')).toEqual([]);
	});

	it('counts U+FFFD and names the first line', () => {
		expect(findDamage('연도,자치구\n2019,\uFFFD\uFFFD구\n2020,\uFFFD')).toEqual([
			{ code: 'replacement-characters', count: 3, line: 2 }
		]);
	});

	it('counts runs of ? where Hangul was lost', () => {
		const text = [
			'연도,자치구,평가지표', // 1
			'2019,??구,운영', // 2: before a syllable
			'2019,???,운영', // 3: a whole cell
			'2019,"???",??A', // 4: a whole quoted cell, and before a letter
			'2019,성북구,정말요??', // 5: a sentence ending in ?? is not damage
			'2019,성북구,?', // 6: a single ? is not a run
			'2019\t??\t운영' // 7: a whole tab-separated cell
		].join('\n');
		expect(findDamage(text)).toEqual([{ code: 'question-marks', count: 5, line: 2 }]);
	});

	it('reports both kinds together', () => {
		expect(findDamage('a,b\n\uFFFD,1\n??구,2').map((w) => [w.code, w.count, w.line])).toEqual([
			['replacement-characters', 1, 2],
			['question-marks', 1, 3]
		]);
	});
});
