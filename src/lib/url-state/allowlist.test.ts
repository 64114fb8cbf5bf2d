import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '$lib/query/filters';
import { restrictToData } from './allowlist';

const options = {
	years: [2019, 2020],
	districts: [{ code: '11290', name_ko: '성북구', name_en: 'Seongbuk-gu' }],
	areas: ['추진체계'],
	indicators: [{ area: '추진체계', indicator: '운영위원회' }]
};

describe('restrictToData', () => {
	it('keeps values the data has and reports the others', () => {
		const result = restrictToData(
			{
				...NO_FILTERS,
				years: [2019, 2031],
				districts: ['11290', '11680'],
				areas: ['추진체계', '없는 영역'],
				indicators: ['운영위원회', 'x']
			},
			options
		);
		expect(result.filters).toEqual({
			...NO_FILTERS,
			years: [2019],
			districts: ['11290'],
			areas: ['추진체계'],
			indicators: ['운영위원회']
		});
		expect(result.errors).toEqual([
			{ param: 'y', value: '2031' },
			{ param: 'd', value: '11680' },
			{ param: 'a', value: '없는 영역' },
			{ param: 'i', value: 'x' }
		]);
	});

	it('no filters, nothing to report', () => {
		expect(restrictToData(NO_FILTERS, options)).toEqual({ filters: NO_FILTERS, errors: [] });
	});
});
