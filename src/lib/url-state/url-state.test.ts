import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_SOURCES } from '$lib/analysis/totals';
import { NO_FILTERS } from '$lib/query/filters';
import {
	AGREEMENT_CHOICES,
	canonicalUrlState,
	decodeUrlState,
	decodeView,
	DEFAULT_URL_STATE,
	encodeUrlState,
	LEVELS,
	shareUnchanged,
	sharingUnchanged,
	TREND_SOURCES,
	VIEWS,
	type UrlState
} from './url-state';

const state = (
	overrides: Partial<UrlState> = {},
	filters: Partial<UrlState['filters']> = {}
): UrlState => ({
	...DEFAULT_URL_STATE,
	...overrides,
	filters: { ...NO_FILTERS, ...filters }
});

describe('round trips', () => {
	it.each<[string, UrlState, string]>([
		['defaults write nothing', state(), ''],
		['English', state({ locale: 'en' }), 'lang=en'],
		['the budget view', state({ view: 'budget' }), 'v=budget'],
		['years sorted', state({}, { years: [2019, 2018] }), 'y=2018%2C2019'],
		['districts', state({}, { districts: ['11440', '11290'] }), 'd=11290%2C11440'],
		[
			'evaluator types in fixed order',
			state({}, { evaluatorTypes: ['expert', 'self'] }),
			'e=self%2Cexpert'
		],
		[
			'areas with commas each get a parameter',
			state({}, { areas: ['가, 나', '다'] }),
			'a=%EA%B0%80%2C+%EB%82%98&a=%EB%8B%A4'
		],
		[
			'an indicator',
			state({}, { indicators: ['성과 공유'] }),
			'i=%EC%84%B1%EA%B3%BC+%EA%B3%B5%EC%9C%A0'
		],
		[
			'chart choices',
			state({ external: 'expert', level: 'area', agreement: 'official', trendSource: 'self' }),
			'x=expert&lv=area&ag=official&ts=self'
		],
		[
			'everything together, in a fixed order',
			state(
				{ view: 'gap', locale: 'en', external: 'official' },
				{ years: [2018], districts: ['11290'] }
			),
			'lang=en&y=2018&d=11290&x=official'
		]
	])('%s', (_, input, query) => {
		const encoded = encodeUrlState(input);
		expect(encoded.toString()).toBe(query);
		const { state: decoded, errors } = decodeUrlState(new URLSearchParams(query));
		expect(errors).toEqual([]);
		expect(encodeUrlState(decoded).toString()).toBe(query);
		expect(decoded.filters.years).toEqual([...input.filters.years].sort());
		expect(decoded.view).toBe(input.view);
		expect(decoded.locale).toBe(input.locale);
	});
});

describe('bad input is dropped and reported, the rest kept', () => {
	it.each<
		[
			string,
			string,
			Partial<UrlState>,
			Partial<UrlState['filters']>,
			{ param: string; value: string }[]
		]
	>([
		[
			'SQL in districts',
			"d=11290,' OR 1=1--",
			{},
			{ districts: ['11290'] },
			[{ param: 'd', value: "' OR 1=1--" }]
		],
		[
			'a DuckDB table function as the view',
			"v=read_text('/etc/passwd')",
			{},
			{},
			[{ param: 'v', value: "read_text('/etc/passwd')" }]
		],
		[
			'a year out of range',
			'y=2019,1850,abcd',
			{},
			{ years: [2019] },
			[
				{ param: 'y', value: '1850' },
				{ param: 'y', value: 'abcd' }
			]
		],
		[
			'an unknown evaluator type',
			'e=self,boss',
			{},
			{ evaluatorTypes: ['self'] },
			[{ param: 'e', value: 'boss' }]
		],
		['duplicates collapse', 'y=2019,2019', {}, { years: [2019] }, []],
		['a duplicate key: the first counts', 'v=trend&v=budget', { view: 'trend' }, {}, []],
		['a dataset id', 'ds=AbCdEfGhIjKlMnOpQrStUv', { dataset: 'AbCdEfGhIjKlMnOpQrStUv' }, {}, []],
		[
			'a dataset id that climbs out',
			'ds=..%2F..%2Fetc%2Fpasswd',
			{},
			{},
			[{ param: 'ds', value: '../../etc/passwd' }]
		],
		[
			'a dataset id with NUL',
			'ds=AbCdEfGhIjKlMnOpQrSt%00v',
			{},
			{},
			[{ param: 'ds', value: 'AbCdEfGhIjKlMnOpQrSt\u0000v' }]
		],
		['an unknown language', 'lang=fr', {}, {}, [{ param: 'lang', value: 'fr' }]],
		[
			'an unknown level',
			'lv=deep&x=both',
			{},
			{},
			[
				{ param: 'x', value: 'both' },
				{ param: 'lv', value: 'deep' }
			]
		]
	])('%s', (_, query, overrides, filters, errors) => {
		const decoded = decodeUrlState(new URLSearchParams(query));
		expect(decoded.state).toEqual(state(overrides, filters));
		expect(decoded.errors).toEqual(errors);
	});

	it('an 8 KB query string does not throw and keeps at most 50 values', () => {
		const decoded = decodeUrlState(
			new URLSearchParams(`d=${'11290,'.repeat(1400)}&a=${'가'.repeat(8000)}`)
		);
		expect(decoded.state.filters.districts).toEqual(['11290']);
		expect(decoded.state.filters.areas).toEqual([]);
		expect(decoded.errors).toEqual([{ param: 'a', value: '가'.repeat(40) }]);
	});
});

describe('the view alone, as the page load reads it', () => {
	it.each([
		'',
		'v=budget',
		'v=trend&y=2019',
		'v=trend&v=budget',
		"v=read_text('/etc/passwd')",
		'v=',
		'V=budget',
		'lang=en&d=11290&v=gap'
	])('%s: the view decodeUrlState reads', (query) => {
		const params = new URLSearchParams(query);
		expect(decodeView(params)).toBe(decodeUrlState(params).state.view);
	});

	it('reads the view parameter and no other, so a filter change reruns no load', () => {
		// SvelteKit tracks which parameters a load read through get, getAll and has; anything
		// else (entries, toString, iteration) makes the load depend on the whole address.
		const read: string[] = [];
		const params = new URLSearchParams('v=budget&y=2019&d=11290&lang=en');
		const tracked = new Proxy(params, {
			get(target, key) {
				if (key === 'get' || key === 'getAll' || key === 'has') {
					return (name: string) => {
						read.push(name);
						return target[key](name);
					};
				}
				read.push(`(${String(key)})`);
				const value = Reflect.get(target, key, target);
				return typeof value === 'function' ? value.bind(target) : value;
			}
		});
		expect(decodeView(tracked)).toBe('budget');
		expect(read).toEqual(['v']);
	});
});

describe('fast-check: any valid state survives encode → decode', () => {
	it('round trips', () => {
		const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '');
		const sortedUnique = <T>(values: T[], compare?: (a: T, b: T) => number) =>
			[...new Set(values)].sort(compare);
		const stateArbitrary = fc.record({
			locale: fc.constantFrom('ko' as const, 'en' as const),
			view: fc.constantFrom(...VIEWS),
			external: fc.constantFrom(...EXTERNAL_SOURCES),
			level: fc.constantFrom(...LEVELS),
			agreement: fc.constantFrom(...AGREEMENT_CHOICES),
			trendSource: fc.constantFrom(...TREND_SOURCES),
			dataset: fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{22}$/), { nil: null }),
			compare: fc.constantFrom(null, null, '', 'sample', 'before', 'AbCdEfGhIjKlMnOpQrStUv'),
			report: fc.boolean(),
			filters: fc.record({
				years: fc
					.array(fc.integer({ min: 2000, max: 2100 }), { maxLength: 5 })
					.map((v) => sortedUnique(v, (a, b) => a - b)),
				districts: fc
					.array(fc.integer({ min: 11000, max: 11999 }).map(String), { maxLength: 5 })
					.map((v) => sortedUnique(v)),
				evaluatorTypes: fc.subarray(['self', 'official', 'expert'] as const).map((v) => [...v]),
				areas: fc.uniqueArray(text, { maxLength: 4 }),
				indicators: fc.uniqueArray(text, { maxLength: 4 })
			})
		});
		fc.assert(
			fc.property(stateArbitrary, (input) => {
				const { state: decoded, errors } = decodeUrlState(
					new URLSearchParams(encodeUrlState(input).toString())
				);
				expect(errors).toEqual([]);
				// The comparison names no analysis view: it shows in their place.
				expect(decoded).toEqual(canonicalUrlState(input));
			}),
			{ numRuns: 300 }
		);
	});
});

describe('the reports’ address', () => {
	it('reads v=report with the filters, and writes it back without an analysis view', () => {
		const { state, errors } = decodeUrlState(new URLSearchParams('v=report&y=2019&lang=en'));
		expect(errors).toEqual([]);
		expect(state).toMatchObject({ report: true, view: 'gap', compare: null });
		expect(encodeUrlState(state).toString()).toBe('lang=en&v=report&y=2019');
		expect(canonicalUrlState({ ...state, view: 'trend' }).view).toBe('gap');
	});
});

describe('the comparison’s address', () => {
	it('reads v=diff with its version, and writes it back without an analysis view', () => {
		const { state, errors } = decodeUrlState(
			new URLSearchParams('ds=AbCdEfGhIjKlMnOpQrStUv&v=diff&vs=before&y=2019')
		);
		expect(errors).toEqual([]);
		expect(state).toMatchObject({
			compare: 'before',
			view: 'gap',
			dataset: 'AbCdEfGhIjKlMnOpQrStUv'
		});
		expect(encodeUrlState(state).toString()).toBe(
			'ds=AbCdEfGhIjKlMnOpQrStUv&v=diff&vs=before&y=2019'
		);
		// Without v=diff a vs means nothing; v=diff alone is the comparison before a choice.
		expect(decodeUrlState(new URLSearchParams('vs=sample')).state.compare).toBeNull();
		expect(decodeUrlState(new URLSearchParams('v=diff')).state.compare).toBe('');
	});
});

describe('canonicalUrlState', () => {
	it('a state in any order, with repeats, equals the state its address reads back as', () => {
		const values = {
			years: fc.array(fc.integer({ min: 2000, max: 2100 }), { maxLength: 6 }),
			districts: fc.array(fc.integer({ min: 11000, max: 11999 }).map(String), { maxLength: 6 }),
			evaluatorTypes: fc.array(fc.constantFrom('self', 'official', 'expert' as const), {
				maxLength: 5
			})
		};
		fc.assert(
			fc.property(fc.record(values), (lists) => {
				const asked = state({}, lists);
				const readBack = decodeUrlState(encodeUrlState(asked)).state;
				expect(canonicalUrlState(asked)).toEqual(readBack);
			}),
			{ numRuns: 200 }
		);
		// By hand: what a click order gives and what the address says.
		expect(
			canonicalUrlState(state({}, { years: [2020, 2018, 2020], districts: ['11440', '11290'] }))
				.filters
		).toMatchObject({ years: [2018, 2020], districts: ['11290', '11440'] });
	});
});

describe('shareUnchanged', () => {
	it('returns the previous state itself when nothing changed', () => {
		const before = state({ level: 'area' }, { years: [2019, 2020], areas: ['가'] });
		const again = state({ level: 'area' }, { years: [2019, 2020], areas: ['가'] });
		expect(shareUnchanged(before, again)).toBe(before);
	});

	it('keeps unchanged filter lists as the previous objects, and takes the changed ones', () => {
		const before = state({}, { years: [2019, 2020], districts: ['11290'] });
		const next = shareUnchanged(before, state({}, { years: [2020], districts: ['11290'] }));
		expect(next).not.toBe(before);
		expect(next.filters.years).toEqual([2020]);
		expect(next.filters.districts).toBe(before.filters.districts);
		expect(next.filters.areas).toBe(before.filters.areas);
	});

	it('keeps the filters object when only another part changed', () => {
		const before = state({ level: 'district' }, { years: [2019] });
		const next = shareUnchanged(before, state({ level: 'area' }, { years: [2019] }));
		expect(next.level).toBe('area');
		expect(next.filters).toBe(before.filters);
	});

	it('treats the same values in another order as a change (the address keeps the order)', () => {
		const before = state({}, { areas: ['가', '나'] });
		const next = shareUnchanged(before, state({}, { areas: ['나', '가'] }));
		expect(next.filters.areas).toEqual(['나', '가']);
	});

	it('starts from the next state when there is no previous one', () => {
		const next = state();
		expect(shareUnchanged(null, next)).toBe(next);
	});
});

describe('sharingUnchanged', () => {
	it('shares with the state it returned last', () => {
		const share = sharingUnchanged();
		const first = share(state({}, { years: [2019] }));
		expect(share(state({}, { years: [2019] }))).toBe(first);
		const second = share(state({ level: 'area' }, { years: [2019] }));
		expect(second.filters).toBe(first.filters);
		expect(share(state({ level: 'area' }, { years: [2019] }))).toBe(second);
	});
});
