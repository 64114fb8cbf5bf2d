import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/types';
import { csvBytes, engineWithSchema, nodeCp949 } from '$lib/testing/node-engine';
import { importCsv } from './import';

let engine: Engine;
beforeAll(async () => {
	engine = await engineWithSchema();
});

const HEADER = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점';

async function rowsOf(fileId: string) {
	return engine.query(
		`SELECT line, year, district_code, evaluator_type, evaluator_id, area, indicator, score, max_score
		FROM evaluations WHERE file_id = ? ORDER BY line`,
		[fileId]
	);
}

describe('importCsv: evaluations', () => {
	it('normalizes aliases, units, full-width digits and spacing', async () => {
		const text = [
			HEADER,
			'2019, 성북구 ,자체평가,,추진체계,운영위원회,７.５점,10',
			'2019,Mapo-gu,공무원,공무원A,추진체계,운영위원회,8,10점',
			'2019,11500,외부전문가,전문가A,추진체계,운영위원회,9.5,10'
		].join('\r\n');
		const result = await importCsv(engine, { name: 'a.csv', bytes: csvBytes(text) });
		expect(result).toMatchObject({
			kind: 'evaluations',
			rowCount: 3,
			issueCount: 0,
			imported: true
		});
		expect(await rowsOf(result.hash)).toEqual([
			{
				line: 2,
				year: 2019,
				district_code: '11290',
				evaluator_type: 'self',
				evaluator_id: null,
				area: '추진체계',
				indicator: '운영위원회',
				score: 7.5,
				max_score: 10
			},
			{
				line: 3,
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
				line: 4,
				year: 2019,
				district_code: '11500',
				evaluator_type: 'expert',
				evaluator_id: '전문가A',
				area: '추진체계',
				indicator: '운영위원회',
				score: 9.5,
				max_score: 10
			}
		]);
	});

	it('refuses the whole file, naming line, column and value, when a row is bad', async () => {
		const text = [
			HEADER,
			'2019,성북구,자체,,추진체계,운영위원회,25,20',
			'2019,마표구,자체,,추진체계,운영위원회,5,20',
			'20x9,성북구,자체,,추진체계,운영위원회,-,20'
		].join('\n');
		const before = await engine.query('SELECT count(*)::INTEGER AS n FROM evaluations');
		const result = await importCsv(engine, { name: 'bad.csv', bytes: csvBytes(text) });
		expect(result.imported).toBe(false);
		expect(
			result.issues.map(({ line, column, value, code, detail }) => [
				line,
				column,
				value,
				code,
				detail
			])
		).toEqual([
			[2, '점수', '25', 'score-above-max', '20'],
			[3, '자치구', '마표구', 'unknown-district', '마포구'],
			[4, '점수', '-', 'missing', null],
			[4, '연도', '20x9', 'invalid-year', null]
		]);
		expect(result.issueCount).toBe(3);
		expect(await engine.query('SELECT count(*)::INTEGER AS n FROM evaluations')).toEqual(before);
	});

	it('finds the header below title rows and reads tab-separated UTF-16LE', async () => {
		const text = [
			'2020년 시민협력플랫폼 평가 결과',
			'',
			HEADER.replaceAll(',', '\t'),
			'2020\t은평구\t전문가\t전문가B\t사업성과\t성과공유\t12\t15'
		].join('\r\n');
		const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
		const result = await importCsv(engine, { name: 'unicode.txt', bytes });
		expect(result).toMatchObject({ encoding: 'utf-16le', imported: true, rowCount: 1 });
		expect(await rowsOf(result.hash)).toEqual([
			{
				line: 4,
				year: 2020,
				district_code: '11380',
				evaluator_type: 'expert',
				evaluator_id: '전문가B',
				area: '사업성과',
				indicator: '성과공유',
				score: 12,
				max_score: 15
			}
		]);
	});

	it('decodes CP949 including the extended syllables (똠, 뷁)', async () => {
		const text = [HEADER, '2021,성북구,자체,,똠방각하 영역,뷁 지표,3,5'].join('\r\n');
		const result = await importCsv(
			engine,
			{ name: 'cp949.csv', bytes: new Uint8Array(iconv.encode(text, 'cp949')) },
			{ decodeCp949: nodeCp949 }
		);
		expect(result).toMatchObject({ encoding: 'cp949', imported: true });
		const [row] = await rowsOf(result.hash);
		expect(row).toMatchObject({ area: '똠방각하 영역', indicator: '뷁 지표' });
	});

	it('refuses a file whose headers it does not know, and an empty file', async () => {
		const unknown = await importCsv(engine, { name: 'x.csv', bytes: csvBytes('a,b\n1,2\n') });
		expect(unknown.issues[0]?.code).toBe('unknown-headers');
		const empty = await importCsv(engine, { name: 'e.csv', bytes: csvBytes('  \n') });
		expect(empty.issues[0]?.code).toBe('empty-file');
	});
});

describe('importCsv: budget', () => {
	it('reads amounts in 원 and 천원, and the city itself', async () => {
		const text = [
			'회계연도,자치구,사업명,세부항목,예산과목,예산액,집행액,산출내역',
			'2018,서울시,통합워크숍,강사료,201-01,"350,000원","350,000","1급 2시간 기준 350,000원×1명"',
			'2018,구로구,운영,인건비,101-01,"1,456천원",1456000,'
		].join('\n');
		const result = await importCsv(engine, { name: 'b.csv', bytes: csvBytes(text) });
		expect(result).toMatchObject({ kind: 'budget', imported: true, rowCount: 2 });
		const rows = await engine.query(
			'SELECT district_code, item, budget_code, planned, spent, basis FROM budget WHERE file_id = ? ORDER BY line',
			[result.hash]
		);
		expect(rows).toEqual([
			{
				district_code: '11000',
				item: '강사료',
				budget_code: '201-01',
				planned: 350000,
				spent: 350000,
				basis: '1급 2시간 기준 350,000원×1명'
			},
			{
				district_code: '11530',
				item: '인건비',
				budget_code: '101-01',
				planned: 1456000,
				spent: 1456000,
				basis: null
			}
		]);
	});
});
