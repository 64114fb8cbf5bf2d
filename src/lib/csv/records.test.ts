import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
	encodeSegments,
	findRecordStart,
	lineAt,
	listRecords,
	mapRecordLines,
	normalizeLineBreaks,
	recordAt,
	surveyLines
} from './records';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('normalizeLineBreaks', () => {
	it.each([
		['a\r\nb\r\n', 'a\nb\n'],
		['a\rb\r', 'a\nb\n'],
		['a\r\nb\rc\nd', 'a\nb\nc\nd'],
		['no breaks', 'no breaks']
	])('%j → %j', (text, expected) => {
		expect(normalizeLineBreaks(text)).toBe(expected);
	});
});

describe('lineAt', () => {
	it('counts line feeds before the offset', () => {
		const text = 'ab\ncd\n\nef';
		expect([0, 2, 3, 6, 7, 8].map((offset) => lineAt(utf8(text), offset))).toEqual([
			1, 1, 2, 3, 4, 4
		]);
	});
});

describe('findRecordStart', () => {
	it('counts empty lines as records, as papaparse does', () => {
		const text = 'title\n\na,b\n1,2\n';
		expect(findRecordStart(utf8(text), ',', 2)).toBe(7); // 'a,b'
		expect(findRecordStart(utf8(text), ',', 3)).toBe(11); // '1,2'
	});

	it('skips a line break inside a quoted title', () => {
		const text = '"two\nline title"\na,b\n'; // the title is 16 characters, then its line feed
		expect(findRecordStart(utf8(text), ',', 1)).toBe(17);
	});

	it('stops at the end of the text', () => {
		expect(findRecordStart(utf8('a,b'), ',', 5)).toBe(3);
	});
});

describe('mapRecordLines', () => {
	it('needs no scan without quotes or empty lines', () => {
		expect(mapRecordLines(utf8('1,2\n3,4\n'), ',', 2)).toEqual({
			segments: [[0, 2]],
			unterminatedQuoteLine: null
		});
	});

	it('skips empty lines as DuckDB does', () => {
		// line 2: 1,2 · 3: empty · 4: empty · 5: 3,4 · 6: 5,6
		expect(mapRecordLines(utf8('1,2\n\n\n3,4\n5,6\n'), ',', 2).segments).toEqual([
			[0, 2],
			[1, 5]
		]);
	});

	it('counts the lines of a quoted field with line breaks', () => {
		// record 0 on line 2 spans 2–4, record 1 on line 5, record 2 on 6 spans 6–7, record 3 on 8
		const data = '"a\nb\nc",1\nd,2\n"e\nf",3\ng,4';
		expect(mapRecordLines(utf8(data), ',', 2).segments).toEqual([
			[0, 2],
			[1, 5],
			[3, 8]
		]);
	});

	it('reads "" inside quotes as a quote, not as the end of the field', () => {
		// the field is `x""\ny` → x"<LF>y: record 0 spans lines 1–2
		expect(mapRecordLines(utf8('"x""\ny",1\nz,2\n'), ',', 1).segments).toEqual([
			[0, 1],
			[1, 3]
		]);
	});

	it('takes a quote inside an unquoted field literally', () => {
		expect(mapRecordLines(utf8('ab"c,1\nd,2\n'), ',', 1).segments).toEqual([[0, 1]]);
	});

	it('opens a quote after spaces at the start of a field', () => {
		expect(mapRecordLines(utf8('1, "a\nb"\n2,3\n'), ',', 1).segments).toEqual([
			[0, 1],
			[1, 3]
		]);
	});

	it('uses the given delimiter to tell where fields start', () => {
		expect(mapRecordLines(utf8('1;"a\nb"\n2;3\n'), ';', 1).segments).toEqual([
			[0, 1],
			[1, 3]
		]);
		// with ',' both quotes are inside fields (`1;"a`, `b"`): three one-line records
		expect(mapRecordLines(utf8('1;"a\nb"\n2;3\n'), ',', 1)).toEqual({
			segments: [[0, 1]],
			unterminatedQuoteLine: null
		});
	});

	it('reports the line of a quote that never closes', () => {
		expect(mapRecordLines(utf8('1,2\n3,"4\n5,6\n'), ',', 2).unterminatedQuoteLine).toBe(3);
	});

	it('leaves out the records DuckDB rejected', () => {
		// records: 0 on line 1, 1 (rejected) on 2, 2 on 3–4, 3 (rejected) on 5, 4 on 6;
		// rows returned: 0 → 1, 1 → 3, 2 → 6
		const data = '1,2\n1,2,3\n"a\nb",2\n1,2,3\n5,6\n';
		expect(mapRecordLines(utf8(data), ',', 1, new Set([1, 3])).segments).toEqual([
			[0, 1],
			[1, 3],
			[2, 6]
		]);
	});

	it('counts offsets in UTF-8 bytes, as DuckDB does', () => {
		// '"성북구",1' is 1 + 9 + 1 + 2 = 13 bytes; its line feed and the empty line make 15
		const data = utf8('"성북구",1\n\n마포구,2\n');
		expect(listRecords(data, ',', 2)).toEqual({ starts: [0, 15], lines: [2, 4] });
	});

	it('looks for a quote only in the line it reads', () => {
		// Each record's search for an opening quote ran on to the next quote in the file, maybe
		// its end: a 2.4 MB file with one empty line took 17 s to map. Counted here: the bytes
		// every search by byte looked at, against the data's length.
		const lines = Array.from({ length: 5_000 }, (_, i) => `2019,성북구,평가자${i},7.5,10`);
		const data = utf8([...lines, '', '"마지막",1'].join('\n'));
		let looked = 0;
		const indexOf = Uint8Array.prototype.indexOf;
		const spy = vi.spyOn(Uint8Array.prototype, 'indexOf').mockImplementation(function (
			this: Uint8Array,
			value: number,
			from = 0
		) {
			const found = indexOf.call(this, value, from);
			looked += (found === -1 ? this.length : found + 1) - from;
			return found;
		});
		try {
			const { segments } = mapRecordLines(data, ',', 2);
			expect(segments).toEqual([
				[0, 2],
				[5_000, 5_003]
			]);
		} finally {
			spy.mockRestore();
		}
		expect(looked).toBeGreaterThan(data.length);
		expect(looked).toBeLessThan(4 * data.length);
	});

	it('encodes the segments as one parameter', () => {
		expect(
			encodeSegments([
				[0, 2],
				[3, 8]
			])
		).toBe('0:2,3:8');
	});
});

describe('recordAt', () => {
	it.each([
		[0, 0],
		[4, 0],
		[5, 1],
		[99, 2],
		[-1, -1]
	])('byte %i is in record %i', (position, expected) => {
		expect(recordAt([0, 5, 9], position)).toBe(expected);
	});
});

describe('surveyLines', () => {
	it('finds the widest line, a quote and an empty line', () => {
		expect(surveyLines(utf8('a,b\n"c",d,e\n'), ',')).toEqual({
			widest: 3,
			quote: true,
			emptyLine: false
		});
		expect(surveyLines(utf8('\na;b;c'), ';')).toEqual({ widest: 3, quote: false, emptyLine: true });
		expect(surveyLines(utf8('a\tb\n\nc\n'), '\t')).toEqual({
			widest: 2,
			quote: false,
			emptyLine: true
		});
	});

	it('agrees with the lines split one by one', () => {
		const text = fc
			.array(fc.constantFrom('a', '성', ',', ';', '"', '\n', ' '), { maxLength: 40 })
			.map((parts) => parts.join(''));
		fc.assert(
			fc.property(text, fc.constantFrom(',', ';'), (data, delimiter) => {
				const lines = data.split('\n');
				expect(surveyLines(utf8(data), delimiter)).toEqual({
					widest: Math.max(...lines.map((line) => line.split(delimiter).length)),
					quote: data.includes('"'),
					// An empty line before the last line feed; the text after it is no line if empty.
					emptyLine: lines.slice(0, -1).some((line) => line === '')
				});
			}),
			{ numRuns: 500, seed: 20261206 }
		);
	});
});
