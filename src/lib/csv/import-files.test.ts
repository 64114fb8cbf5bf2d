import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/types';
import { clearData } from '$lib/query/schema';
import { csvBytes, engineWithSchema } from '$lib/testing/node-engine';
import { importCsv } from './import';
import {
	BUDGET_HEADER,
	EVALUATION_HEADER,
	countTempTables,
	evaluationRowsOf,
	snapshotTables
} from './test-support';

let engine: Engine;
beforeAll(async () => {
	engine = await engineWithSchema();
});

// Each test starts from the same loaded data (so "changes nothing" means something), and files
// that share rows can each be added: in 'add' mode a row already loaded would stop the import.
beforeEach(async () => {
	await clearData(engine);
	const seed = [EVALUATION_HEADER, '2018,성북구,자체,,추진체계,운영위원회,3,5'].join('\n');
	const result = await importCsv(engine, { name: 'seed.csv', bytes: csvBytes(seed) });
	expect(result.imported).toBe(true);
});

const ROW = '2019,성북구,자체,,추진체계,운영위원회,3,5';

describe('bad files: one clear code, nothing changed', () => {
	const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];
	const xls = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];
	it.each([
		['an empty file', new Uint8Array(), 'empty-file', 1],
		['a file of blank lines', csvBytes(' \r\n\t\n'), 'empty-file', 1],
		['a header only', csvBytes(`${EVALUATION_HEADER}\r\n`), 'no-data-rows', 1],
		[
			'a header under a title, then empty rows',
			csvBytes(`평가 결과\n${EVALUATION_HEADER}\n\n,,,,,,,\n  \n`),
			'no-data-rows',
			2
		],
		['a PNG renamed .csv', new Uint8Array(png), 'binary-file', 1],
		['a JPEG renamed .csv', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'binary-file', 1],
		['text with NUL bytes', csvBytes(`${EVALUATION_HEADER}\n2019,\0\0,x`), 'binary-file', 1],
		// Read as workbooks whatever their name (workbook.test.ts reads whole ones); cut short,
		// they cannot be opened.
		[
			'the first bytes of an XLSX, renamed .csv',
			new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]),
			'workbook-unreadable',
			1
		],
		['the first bytes of an XLS, renamed .csv', new Uint8Array(xls), 'workbook-unreadable', 1],
		['an HTML "xls" export', csvBytes('<html><table><tr><td>연도</td>'), 'spreadsheet-file', 1],
		['unknown headers', csvBytes('a,b\n1,2\n'), 'unknown-headers', 1],
		[
			'a header missing 점수',
			csvBytes('연도,자치구,평가주체,평가영역,평가지표,득점률,배점\n2019,성북구,자체,a,b,1,2'),
			'missing-columns',
			1
		],
		[
			'a quote that never closes',
			csvBytes([EVALUATION_HEADER, ROW, '2019,성북구,자체,,"추진체계,b,1,2', ROW].join('\n')),
			'unterminated-quote',
			3
		]
	])('%s', async (_, bytes, code, line) => {
		const before = await snapshotTables(engine);
		const result = await importCsv(engine, { name: 'bad.csv', bytes });
		expect(result).toMatchObject({ imported: false, issueCount: 1, importedCount: 0 });
		expect(result.issues.map((issue) => [issue.code, issue.line])).toEqual([[code, line]]);
		expect(await snapshotTables(engine)).toEqual(before);
		expect(await countTempTables(engine)).toBe(0);
	});

	it('names every missing column and reports the layout, so they can be assigned', async () => {
		const text = '연도,자치구,평가주체,평가영역,평가지표,득점률,만점비율\n2019,성북구,자체,a,b,1,2';
		const result = await importCsv(engine, { name: 'm.csv', bytes: csvBytes(text) });
		expect(result.issues[0]).toMatchObject({
			code: 'missing-columns',
			field: 'score',
			detail: 'score, max_score'
		});
		expect(result.layout).toMatchObject({
			headerLine: 1,
			header: ['연도', '자치구', '평가주체', '평가영역', '평가지표', '득점률', '만점비율'],
			missing: ['score', 'max_score'],
			mapping: { year: '연도', indicator: '평가지표' }
		});
	});
});

describe('damage warnings', () => {
	it('counts U+FFFD and runs of ? where Hangul was lost, and imports anyway', async () => {
		const text = [
			EVALUATION_HEADER,
			'2019,성북구,자체,,추진\uFFFD\uFFFD,운영위원회,3,5', // line 2: two U+FFFD
			'2019,성북구,자체,,추진체계,운영??회,3,5', // line 3: ?? before a syllable
			'2019,성북구,자체,,추진체계,"???",3,5' // line 4: a whole cell
		].join('\n');
		const result = await importCsv(engine, { name: 'w.csv', bytes: csvBytes(text) });
		expect(result.imported).toBe(true);
		expect(result.warnings).toEqual([
			{ code: 'replacement-characters', count: 2, line: 2 },
			{ code: 'question-marks', count: 2, line: 3 }
		]);
	});

	it('warns on a refused file too', async () => {
		const text = [EVALUATION_HEADER, '2019,??구,자체,,a,b,3,5'].join('\n');
		const result = await importCsv(engine, { name: 'w2.csv', bytes: csvBytes(text) });
		expect(result.imported).toBe(false);
		expect(result.issues.map((issue) => issue.code)).toEqual(['unknown-district']);
		expect(result.warnings).toEqual([{ code: 'question-marks', count: 1, line: 2 }]);
	});
});

describe('dialects', () => {
	const header = EVALUATION_HEADER.split(',');
	const rows = [
		['2019', '마포구', '공무원', '공무원A', '추진체계', '운영위원회', '8', '10'],
		['2020', 'Mapo-gu', 'expert', '', '사업성과', '성과공유', '9.5', '10']
	];
	const expected = [
		{
			line: 2,
			year: 2019,
			district_code: '11440',
			evaluator_type: 'official',
			evaluator_id: '공무원A',
			area: '추진체계',
			indicator: '운영위원회',
			score: 8,
			max_score: 10
		},
		{
			line: 3,
			year: 2020,
			district_code: '11440',
			evaluator_type: 'expert',
			evaluator_id: null,
			area: '사업성과',
			indicator: '성과공유',
			score: 9.5,
			max_score: 10
		}
	];
	const cases = [',', '\t', ';', '|'].flatMap((delimiter) =>
		['\r\n', '\r', '\n'].map((newline) => [delimiter, newline] as const)
	);

	it.each(cases)('delimiter %j, line break %j', async (delimiter, newline) => {
		const text = [header, ...rows].map((cells) => cells.join(delimiter)).join(newline) + newline;
		const result = await importCsv(engine, {
			name: `d${delimiter}${newline}.csv`,
			bytes: csvBytes(text)
		});
		expect(result).toMatchObject({ imported: true, rowCount: 2, layout: { delimiter } });
		// Same bytes as another case never happen: each file differs in delimiter or line break.
		expect(await evaluationRowsOf(engine, result.hash)).toEqual(expected);
	});

	it('reads quoted fields holding delimiters, quotes and line breaks', async () => {
		const text = [
			EVALUATION_HEADER,
			'2019,성북구,자체,"김, 박","추진체계","운영위원회 ""구성""\r\n및 운영",3,5',
			'2019,성북구,자체,,추진체계,"회의,\r\n\r\n기록",4,5'
		].join('\r\n');
		const result = await importCsv(engine, { name: 'q.csv', bytes: csvBytes(text) });
		expect(result.imported).toBe(true);
		const rows = await evaluationRowsOf(engine, result.hash);
		expect(rows.map((row) => [row['line'], row['evaluator_id'], row['indicator']])).toEqual([
			[2, '김, 박', '운영위원회 "구성"\n및 운영'], // lines 2–3
			[4, null, '회의,\n\n기록'] // lines 4–6
		]);
	});

	it('finds the header below title and note rows', async () => {
		const text = [
			'2019년 자치구 시민협력플랫폼 평가',
			'"작성: 협치과, 2019.9.28."',
			'',
			EVALUATION_HEADER,
			ROW
		].join('\r\n');
		const result = await importCsv(engine, { name: 't.csv', bytes: csvBytes(text) });
		expect(result).toMatchObject({ imported: true, layout: { headerLine: 4 } });
		expect((await evaluationRowsOf(engine, result.hash))[0]).toMatchObject({ line: 5 });
	});
});

describe('line numbers are the lines of the file', () => {
	// 1  header
	// 2  row with a two-line cell (lines 2–3)
	// 4  (empty)
	// 5  score 25 above 10
	// 6  a row with a three-line cell (lines 6–8) and one cell too many
	// 9  ,,,,,,, (an empty row: skipped)
	// 10 마표구
	// 11 a stray quote after a quoted cell
	// 12 a good row
	const text = [
		EVALUATION_HEADER,
		'2019,성북구,자체,,"추진',
		'체계",지표1,7,10',
		'',
		'2019,성북구,자체,,추진체계,지표2,25,10',
		'2019,성북구,자체,,추진체계,"지표',
		'',
		'3",8,10,덤',
		',,,,,,,',
		'2019,마표구,자체,,추진체계,지표4,8,10',
		'2019,성북구,자체,,"추진"체계,지표5,8,10',
		'2019,성북구,자체,,추진체계,지표6,8,10'
	].join('\r\n');

	it('after cells with line breaks, empty lines and rejected rows', async () => {
		const result = await importCsv(engine, { name: 'lines.csv', bytes: csvBytes(text) });
		expect(result).toMatchObject({ imported: false, rowCount: 6, issueCount: 4 });
		expect(result.issues.map(({ line, code, detail }) => [line, code, detail])).toEqual([
			[5, 'score-above-max', '10'],
			[6, 'too-many-columns', null],
			[10, 'unknown-district', '마포구'],
			[11, 'stray-quote', null]
		]);
	});

	it('stores the valid rows with their own lines', async () => {
		const result = await importCsv(
			engine,
			{ name: 'lines.csv', bytes: csvBytes(text) },
			{ validOnly: true }
		);
		expect(result).toMatchObject({ imported: true, importedCount: 2, skipped: 4 });
		const rows = await evaluationRowsOf(engine, result.hash);
		expect(rows.map((row) => [row['line'], row['indicator']])).toEqual([
			[2, '지표1'],
			[12, '지표6']
		]);
	});
});

describe('blank rows', () => {
	it('skips rows of nothing but spaces and tabs; reads a row that only starts blank', async () => {
		const text = [
			EVALUATION_HEADER,
			'2019,성북구,자체,,a,지표1,7,10', // 2
			' \t, ,\t,,,,,', // 3: blank, skipped
			' ,성북구,자체,,a,지표2,7,10', // 4: no year
			'\t,,,,,,, 8', // 5: one value, at the end
			'2019,성북구,자체,,a,지표3,7,10' // 6
		].join('\n');
		const result = await importCsv(engine, { name: 'blank.csv', bytes: csvBytes(text) });
		expect(result).toMatchObject({ imported: false, rowCount: 4 });
		expect(result.issues.filter(({ field }) => field === 'year').map(({ line }) => line)).toEqual([
			4, 5
		]);
	});
});

describe('suggestions for near misses', () => {
	it('suggests the district or evaluator type meant, only when one is near', async () => {
		const text = [
			EVALUATION_HEADER,
			'2019,마표구,자체,,a,b,1,2', // 2: ㅛ for ㅗ
			'2019,Seongbuk-ku,자체,,a,b,1,2', // 3: k for g
			'2019,부산진구,자체,,a,b,1,2', // 4: nothing near
			'2019,성북구,전문기,,a,b,1,2', // 5: 가 → 기
			'2019,성북구,expret,,a,b,1,2', // 6: a swap
			'2019,성북구,위원,,a,b,1,2' // 7: nothing near
		].join('\n');
		const result = await importCsv(engine, { name: 's.csv', bytes: csvBytes(text) });
		expect(result.issues.map(({ line, value, detail }) => [line, value, detail])).toEqual([
			[2, '마표구', '마포구'],
			[3, 'Seongbuk-ku', 'Seongbuk-gu'],
			[4, '부산진구', null],
			[5, '전문기', '전문가'],
			[6, 'expret', 'expert'],
			[7, '위원', null]
		]);
	});
});

describe('duplicate keys', () => {
	it('flags each later row with the key of an earlier one, naming its line', async () => {
		const text = [
			EVALUATION_HEADER,
			'2019,성북구,자체,,추진체계,운영위원회,3,5', // 2
			'2019,성북구,공무원,공무원A,추진체계,운영위원회,4,5', // 3
			'2019,성북구,자체평가,,다른 영역,운영위원회,2,5', // 4: same as 2 (자체평가 = 자체)
			'2019,Seongbuk-gu,공무원,공무원A,추진체계,운영위원회,5,5', // 5: same as 3
			'2019,성북구,공무원,공무원B,추진체계,운영위원회,4,5', // 6: another evaluator
			'2020,성북구,자체,,추진체계,운영위원회,3,5', // 7: another year
			'2019,성북구,자체,,추진체계,운영위원회,1,5' // 8: same as 2
		].join('\n');
		const result = await importCsv(engine, { name: 'dup.csv', bytes: csvBytes(text) });
		expect(result).toMatchObject({ imported: false, issueCount: 3 });
		expect(
			result.issues.map(({ line, code, column, detail }) => [line, code, column, detail])
		).toEqual([
			[4, 'duplicate-row', '평가지표', '2'],
			[5, 'duplicate-row', '평가지표', '3'],
			[8, 'duplicate-row', '평가지표', '2']
		]);
	});

	it('flags budget lines with the same year, district, program, item and code', async () => {
		const text = [
			BUDGET_HEADER,
			'2018,서울시,워크숍,강사료,201-01,"350,000","350,000",', // 2
			'2018,서울시,워크숍,강사료,201-02,"350,000","350,000",', // 3: another code
			'2018,본청,워크숍,강사료,201-01,"100,000","100,000",', // 4: same as 2 (본청 = 서울시)
			'2018,서울시,워크숍,다과비,,"50,000","48,000",', // 5: no code
			'2018,서울시,워크숍,다과비,-,"50,000","48,000",' // 6: same as 5 (- = no code)
		].join('\n');
		const result = await importCsv(engine, { name: 'bdup.csv', bytes: csvBytes(text) });
		expect(result.issues.map(({ line, code, detail }) => [line, code, detail])).toEqual([
			[4, 'duplicate-row', '2'],
			[6, 'duplicate-row', '5']
		]);
	});
});
