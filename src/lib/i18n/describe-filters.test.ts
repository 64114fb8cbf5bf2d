import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '$lib/query/filters';
import {
	describeChosenFilters,
	describeFilterChips,
	describeFilterWords,
	describeFilters
} from './describe-filters';

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

describe('the filter chips', () => {
	const five = {
		years: [2016, 2017, 2018, 2019, 2020],
		districts: [
			{ code: '11290', name_ko: '성북구', name_en: 'Seongbuk-gu' },
			{ code: '11440', name_ko: '마포구', name_en: 'Mapo-gu' },
			{ code: '11380', name_ko: '은평구', name_en: 'Eunpyeong-gu' }
		],
		areas: ['추진체계', '운영', '성과'],
		indicators: []
	};
	const filters = (patch: Partial<typeof NO_FILTERS>) => ({ ...NO_FILTERS, ...patch });
	const texts = (patch: Partial<typeof NO_FILTERS>, locale: 'ko' | 'en' = 'ko') =>
		describeFilterChips(filters(patch), five, locale).map(({ key, text, full }) => [
			key,
			text,
			full
		]);

	it('is empty when nothing is filtered', () => {
		expect(texts({})).toEqual([]);
	});

	it('names what is left out when that is shorter, and what is kept otherwise', () => {
		expect(texts({ years: [2016, 2018, 2019, 2020], districts: ['11290', '11380'] })).toEqual([
			['years', '2017 제외', '연도 2017 제외'],
			['districts', '마포구 제외', '자치구 마포구 제외']
		]);
		expect(texts({ years: [2019], districts: ['11290'] })).toEqual([
			['years', '2019', '연도 2019'],
			['districts', '성북구', '자치구 성북구']
		]);
		// As many kept as left out: the kept ones are named.
		expect(texts({ areas: ['운영'] })).toEqual([['areas', '운영', '평가영역 운영']]);
	});

	it('names values in the filter’s order, shortens long lists and says all of them in full', () => {
		expect(texts({ years: [2020, 2016, 2018, 2017] })).toEqual([
			['years', '2019 제외', '연도 2019 제외']
		]);
		expect(texts({ years: [2016, 2020, 2018] })).toEqual([
			['years', '2017, 2019 제외', '연도 2017, 2019 제외']
		]);
		expect(texts({ years: [2020, 2016] })).toEqual([['years', '2016, 2020', '연도 2016, 2020']]);
		expect(
			texts({ indicators: ['가', '나', '다', '라'], evaluatorTypes: ['expert', 'self'] }, 'en')
		).toEqual([
			['evaluatorTypes', 'all but Official', 'Evaluators all but Official'],
			['indicators', '가, 나 and 2 more', 'Indicators 가, 나, 다, 라']
		]);
	});
});
