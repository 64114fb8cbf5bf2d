import { describe, expect, it } from 'vitest';
import { mapColumnsAs } from './columns';
import { sniffLayout } from './sniff';

const HEADER = ['연도', '자치구', '평가주체', '평가자', '평가영역', '평가지표', '점수', '배점'];
const ROW = ['2019', '성북구', '자체', '', '추진체계', '운영위원회', '7', '10'];

describe('sniffLayout', () => {
	it.each([',', '\t', ';', '|'])('finds the header with the delimiter %j', (delimiter) => {
		const text = [HEADER.join(delimiter), ROW.join(delimiter)].join('\n');
		expect(sniffLayout(text)).toMatchObject({ delimiter, headerIndex: 0, header: HEADER });
	});

	it('tries the other delimiters when papaparse guesses wrong', () => {
		// The title and the unquoted basis hold commas, and papaparse guesses ','; only ';' gives
		// a header.
		const text = [
			'2018년 예산, 집행 현황, 단위: 원',
			'회계연도;자치구;사업명;세부항목;예산액;집행액;산출내역',
			'2018;서울시;워크숍;강사료;350000;350000;1급, 2시간, 1명',
			'2018;서울시;워크숍;다과비;50000;48000;1식, 20명, 2,400원'
		].join('\n');
		expect(sniffLayout(text)).toMatchObject({
			delimiter: ';',
			headerIndex: 1,
			mapping: { kind: 'budget', missing: [] }
		});
	});

	it('skips title and empty rows above the header', () => {
		const text = ['2020년 평가 결과', '', '(단위: 점)', HEADER.join(','), ROW.join(',')].join('\n');
		expect(sniffLayout(text)).toMatchObject({ headerIndex: 3, mapping: { missing: [] } });
	});

	it('returns a header missing a few required fields, so they can be assigned', () => {
		const header = [
			'연도',
			'자치구',
			'평가주체',
			'평가영역',
			'평가지표',
			'점수(100점 만점)',
			'배점'
		];
		const layout = sniffLayout([header.join(','), '2019,성북구,자체,a,b,7,10'].join('\n'));
		expect(layout?.mapping).toMatchObject({
			kind: 'evaluations',
			missing: ['score'],
			unmapped: ['점수(100점 만점)']
		});
	});

	it('returns null for a header that names too few fields', () => {
		expect(sniffLayout('점수,배점\n1,2')).toBeNull(); // 5 of 7 required fields missing
		expect(sniffLayout('a,b,c\n1,2,3')).toBeNull();
	});

	it('applies columns assigned by hand', () => {
		const header = ['연도', '자치구', '평가주체', '평가영역', '평가지표', '득점(점)', '배점'];
		const layout = sniffLayout([header.join(','), '2019,성북구,자체,a,b,7,10'].join('\n'), {
			score: 5
		});
		expect(layout?.mapping).toMatchObject({ missing: [], columns: { score: 5 }, unmapped: [] });
	});
});

describe('mapColumnsAs with overrides', () => {
	it('moves a column from the field it matched to the field assigned', () => {
		const mapping = mapColumnsAs('evaluations', HEADER, { area: 5 });
		expect(mapping.columns).toMatchObject({ area: 5 });
		expect(mapping.columns.indicator).toBeUndefined();
		expect(mapping.missing).toEqual(['indicator']);
		expect(mapping.unmapped).toEqual(['평가영역']);
	});

	it('ignores columns out of range and fields of the other kind', () => {
		const mapping = mapColumnsAs('evaluations', HEADER, { score: 99, planned: 1, year: -1 });
		expect(mapping.columns).toMatchObject({ year: 0, district: 1, score: 6 });
		expect(mapping.columns).not.toHaveProperty('planned');
	});
});
