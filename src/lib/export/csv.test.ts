import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
	it.each<[string | number | null, string]>([
		['성북구', '성북구'],
		[1456200, '1456200'],
		[-1500, '-1500'],
		['-1500', '-1500'],
		['+82', '+82'],
		[null, ''],
		[Number.NaN, ''],
		['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
		["+cmd|'/C calc'!A0", "'+cmd|'/C calc'!A0"],
		['@SUM(A1:A2)', "'@SUM(A1:A2)"],
		['-2+3', "'-2+3"],
		['\tlead', "'\tlead"],
		['\rlead', `"'\rlead"`],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['line\nbreak', '"line\nbreak"'],
		['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>']
	])('%j → %s', (cell, expected) => {
		expect(csvCell(cell)).toBe(expected);
	});
});

describe('toCsv', () => {
	it('starts with a BOM and ends lines with CRLF', () => {
		expect(
			toCsv(
				['자치구', '점수'],
				[
					['성북구', 78.4],
					['마포구', null]
				]
			)
		).toBe('\uFEFF자치구,점수\r\n성북구,78.4\r\n마포구,\r\n');
	});

	it('puts a note on the first line, one cell, quoted when it holds a comma', () => {
		expect(toCsv(['자치구'], [['성북구']], '필터: 연도 2018, 2019 · 2026-12-05')).toBe(
			'\uFEFF"필터: 연도 2018, 2019 · 2026-12-05"\r\n자치구\r\n성북구\r\n'
		);
	});
});
