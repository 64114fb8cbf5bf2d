import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '$lib/query/filters';
import { decodeUrlState, encodeUrlState, type UrlState } from './url-state';

const state = (
	overrides: Partial<UrlState['filters']> = {},
	locale: UrlState['locale'] = 'ko'
): UrlState => ({
	locale,
	filters: { ...NO_FILTERS, ...overrides }
});

describe('round trips', () => {
	it.each<[string, UrlState, string]>([
		['defaults write nothing', state(), ''],
		['English', state({}, 'en'), 'lang=en'],
		['years sorted', state({ years: [2019, 2018] }), 'y=2018%2C2019'],
		['districts', state({ districts: ['11440', '11290'] }), 'd=11290%2C11440'],
		[
			'evaluator types in fixed order',
			state({ evaluatorTypes: ['expert', 'self'] }),
			'e=self%2Cexpert'
		],
		[
			'areas with commas each get a parameter',
			state({ areas: ['가, 나', '다'] }),
			'a=%EA%B0%80%2C+%EB%82%98&a=%EB%8B%A4'
		]
	])('%s', (_, input, query) => {
		const encoded = encodeUrlState(input);
		expect(encoded.toString()).toBe(query);
		const { state: decoded, errors } = decodeUrlState(new URLSearchParams(query));
		expect(errors).toEqual([]);
		expect(encodeUrlState(decoded).toString()).toBe(query);
	});
});

describe('bad input is dropped and reported, the rest kept', () => {
	it.each<[string, string, Partial<UrlState['filters']>, { param: string; value: string }[]]>([
		[
			'SQL in districts',
			"d=11290,' OR 1=1--",
			{ districts: ['11290'] },
			[{ param: 'd', value: "' OR 1=1--" }]
		],
		[
			'a year out of range',
			'y=2019,1850,abcd',
			{ years: [2019] },
			[
				{ param: 'y', value: '1850' },
				{ param: 'y', value: 'abcd' }
			]
		],
		[
			'an unknown evaluator type',
			'e=self,boss',
			{ evaluatorTypes: ['self'] },
			[{ param: 'e', value: 'boss' }]
		],
		['duplicates collapse', 'y=2019,2019', { years: [2019] }, []]
	])('%s', (_, query, filters, errors) => {
		const decoded = decodeUrlState(new URLSearchParams(query));
		expect(decoded.state.filters).toEqual({ ...NO_FILTERS, ...filters });
		expect(decoded.errors).toEqual(errors);
	});

	it('an unknown language falls back to Korean', () => {
		const decoded = decodeUrlState(new URLSearchParams('lang=fr'));
		expect(decoded.state.locale).toBe('ko');
		expect(decoded.errors).toEqual([{ param: 'lang', value: 'fr' }]);
	});

	it('a huge query string does not throw and keeps at most 50 values', () => {
		const decoded = decodeUrlState(new URLSearchParams(`d=${'11290,'.repeat(2000)}`));
		expect(decoded.state.filters.districts).toEqual(['11290']);
	});
});
