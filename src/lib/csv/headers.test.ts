import { describe, expect, it } from 'vitest';
import {
	TOTAL_LABELS,
	findSourceIn,
	isTotalLabel,
	joinHeaderRows,
	splitUnit,
	splitYear,
	totalColumnOf
} from './headers';

describe('header text', () => {
	it.each([
		['예산액(천원)', { text: '예산액', scale: 1000 }],
		['집행액 (단위: 백만원)', { text: '집행액', scale: 1_000_000 }],
		['예산액（원）', { text: '예산액', scale: 1 }],
		['예산액', { text: '예산액', scale: null }],
		['외부전문가(김OO)', { text: '외부전문가(김OO)', scale: null }]
	])('the unit of %s', (header, split) => {
		expect(splitUnit(header)).toEqual(split);
	});

	it.each([
		['2019 예산액', { year: '2019', rest: '예산액' }],
		['2019년 집행액', { year: '2019', rest: '집행액' }],
		['예산액(2020년도)', { year: '2020', rest: '예산액' }],
		['2021년', { year: '2021', rest: '' }],
		['20190', null],
		['예산액', null]
	])('the year of %s', (text, split) => {
		expect(splitYear(text)).toEqual(split);
	});

	it.each([
		['합계', true],
		['소 계', true],
		['Total', true],
		['계획', false],
		['성북구', false]
	])('%s is a total label: %s', (text, total) => {
		expect(isTotalLabel(text)).toBe(total);
	});

	it('every total label passes the importer’s first, cheap test of a row: short, with 계 or otal', () => {
		for (const label of TOTAL_LABELS) {
			expect(new TextEncoder().encode(` ${label} `).length, label).toBeLessThanOrEqual(12);
			expect(/계|otal/.test(label), label).toBe(true);
		}
	});

	it.each([
		['합계', ''],
		['합계 예산액', '예산액'],
		['계(집행액)', '집행액'],
		['예산액 합계', '예산액'],
		['예산액', null],
		['연계사업', null]
	])('the total column %s sums %s', (header, field) => {
		expect(totalColumnOf(header)).toBe(field);
	});

	it.each([
		['2019년 시민협력플랫폼 평가 결과 공무원평가(공무원A)', 'official', '공무원A'],
		['2020 자체평가', 'self', null],
		['2019_외부전문가(전문가A).csv', 'expert', '전문가A'],
		['시민협력플랫폼 평가 결과', null, null]
	])('the source named in %s', (text, source, evaluatorId) => {
		expect(findSourceIn(text)).toEqual(source ? { source, evaluatorId } : null);
	});
});

describe('two header rows', () => {
	it('carry a merged source over its evaluators', () => {
		expect(
			joinHeaderRows(
				['연도', '자치구', '배점', '자체평가', '공무원', '', '외부전문가'],
				['', '', '', '', '공무원A', '공무원B', '전문가A']
			)
		).toEqual([
			'연도',
			'자치구',
			'배점',
			'자체평가',
			'공무원(공무원A)',
			'공무원(공무원B)',
			'외부전문가(전문가A)'
		]);
	});

	it('read a year over its measures, and a measure over its years', () => {
		expect(
			joinHeaderRows(
				['자치구', '2019년', '', '예산액', ''],
				['', '예산액', '집행액', '2020', '2021']
			)
		).toEqual(['자치구', '2019 예산액', '2019 집행액', '2020 예산액', '2021 예산액']);
	});

	it('let a field name under a group label stand alone, and stop a merge at a blank column', () => {
		expect(
			joinHeaderRows(['구분', '', '', '2019', ''], ['자치구', '사업명', '', '', '예산액'])
		).toEqual(['자치구', '사업명', '', '2019', '2019 예산액']);
	});
});
