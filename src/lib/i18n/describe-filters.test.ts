import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '$lib/query/filters';
import { describeChosenFilters, describeFilterWords, describeFilters } from './describe-filters';

const options = {
	districts: [{ code: '11290', name_ko: '성북구', name_en: 'Seongbuk-gu' }]
};

describe('the filter summary of chart subtitles', () => {
	it('says "all" for every unfiltered part and leaves indicators out', () => {
		expect(describeFilters(NO_FILTERS, options, 'ko')).toBe(
			'연도 전체 · 자치구 전체 · 평가주체 전체 · 평가영역 전체'
		);
	});

	it('names chosen years, districts, evaluators, areas and indicators', () => {
		const filters = {
			years: [2018, 2019],
			districts: ['11290'],
			evaluatorTypes: ['expert', 'self'] as ('self' | 'official' | 'expert')[],
			areas: ['추진체계'],
			indicators: ['운영위원회 구성', '회의 개최']
		};
		expect(describeFilters(filters, options, 'ko')).toBe(
			'연도 2018, 2019 · 자치구 성북구 · 평가주체 자체평가, 외부전문가평가 · 평가영역 추진체계 · 평가지표 운영위원회 구성, 회의 개최'
		);
		expect(describeFilters(filters, options, 'en')).toBe(
			'Years 2018, 2019 · Districts Seongbuk-gu · Evaluators Self, Expert · Evaluation areas 추진체계 · Indicators 운영위원회 구성, 회의 개최'
		);
	});

	it('a budget figure names only years and districts, the filters budget lines have', () => {
		const filters = { ...NO_FILTERS, years: [2019], evaluatorTypes: ['self' as const] };
		expect(describeFilters(filters, options, 'ko', 'budget')).toBe('연도 2019 · 자치구 전체');
		expect(describeFilters(NO_FILTERS, options, 'en', 'budget')).toBe('Years all · Districts all');
	});

	it('names only what is chosen, for file names, or says there is no filter', () => {
		const filters = { ...NO_FILTERS, years: [2019], districts: ['11290'], areas: ['추진체계'] };
		expect(describeChosenFilters(filters, options, 'ko')).toBe(
			'연도 2019 · 자치구 성북구 · 평가영역 추진체계'
		);
		expect(describeChosenFilters(filters, options, 'ko', 'budget')).toBe(
			'연도 2019 · 자치구 성북구'
		);
		expect(describeChosenFilters(NO_FILTERS, options, 'ko')).toBe('필터 없음');
		expect(
			describeChosenFilters({ ...NO_FILTERS, areas: ['추진체계'] }, options, 'en', 'budget')
		).toBe('no filters');
	});

	it('gives both descriptions of one scope together', () => {
		const filters = { ...NO_FILTERS, years: [2019], areas: ['추진체계'] };
		expect(describeFilterWords(filters, options, 'ko', 'budget')).toEqual({
			summary: '연도 2019 · 자치구 전체',
			chosen: '연도 2019'
		});
	});
});
