import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { provenanceCsv } from './provenance-csv';
import type { ProvenanceRow } from './score-provenance';

const HASH = 'a'.repeat(64);
const row = (line: number, over: Partial<ProvenanceRow> = {}): ProvenanceRow => ({
	file_id: HASH,
	line,
	year: 2033,
	district_code: '11290',
	name_ko: '성북구',
	name_en: 'Seongbuk-gu',
	evaluator_type: 'official',
	evaluator_id: '공무원A',
	area: '추진체계',
	indicator: '똠방 운영',
	score: 6.5,
	max_score: 10,
	...over
});

describe('provenanceCsv', () => {
	const sources = {
		fileName: () => '성북구-2033.csv',
		original: (_: string, line: number) =>
			line === 3 ? '2033,성북구 ,공무원,공무원A,추진체계,똠방 운영,６.5,10' : undefined
	};

	it('lists each row with its file, hash, line, values and original text, under a note', () => {
		const text = provenanceCsv([row(3), row(4)], sources, 'ko', '성북구 공무원평가 출처');
		expect(text.startsWith('\uFEFF')).toBe(true);
		const [note, header, first, second] = Papa.parse<string[]>(text.slice(1).trim()).data;
		expect(note).toEqual(['성북구 공무원평가 출처']);
		expect(header).toEqual([
			'파일',
			'파일 SHA-256',
			'줄',
			'연도',
			'자치구',
			'평가주체',
			'평가자',
			'평가영역',
			'평가지표',
			'점수',
			'배점',
			'원문 (가져오기 전 그대로)'
		]);
		expect(first).toEqual([
			'성북구-2033.csv',
			HASH,
			'3',
			'2033',
			'성북구',
			'공무원평가',
			'공무원A',
			'추진체계',
			'똠방 운영',
			'6.5',
			'10',
			'2033,성북구 ,공무원,공무원A,추진체계,똠방 운영,６.5,10'
		]);
		expect(second!.at(-1)).toBe('');
	});

	it('writes English headings and names, and makes a hostile label inert', () => {
		const text = provenanceCsv([row(5, { area: '=HYPERLINK("http://x")' })], sources, 'en', 'note');
		const [, header, first] = Papa.parse<string[]>(text.slice(1).trim()).data;
		expect(header![0]).toBe('file');
		expect(first![4]).toBe('Seongbuk-gu');
		expect(first![5]).toBe('Official');
		expect(first![7]).toBe(`'=HYPERLINK("http://x")`);
	});
});
