import { describe, expect, it } from 'vitest';
import {
	drillInto,
	drillIntoCell,
	focusDistrict,
	focusYear,
	goUpTo,
	withFilters
} from './transitions';
import { decodeUrlState } from './url-state';

const stateOf = (query: string) => decodeUrlState(new URLSearchParams(query)).state;

describe('transitions', () => {
	it('drill from districts to areas to indicators, then filter an indicator', () => {
		const areas = drillInto(stateOf('y=2019'), '11290');
		expect(areas).toMatchObject({
			level: 'area',
			filters: { districts: ['11290'], years: [2019] }
		});
		const indicators = drillInto(areas, '추진체계');
		expect(indicators).toMatchObject({
			level: 'indicator',
			filters: { districts: ['11290'], areas: ['추진체계'] }
		});
		expect(drillInto(indicators, '운영').filters.indicators).toEqual(['운영']);
		expect(drillInto(indicators, '운영').level).toBe('indicator');
	});

	it('a heatmap cell takes its district and row, one level below areas', () => {
		expect(drillIntoCell(stateOf(''), '11290', '추진체계')).toMatchObject({
			level: 'indicator',
			filters: { districts: ['11290'], areas: ['추진체계'] }
		});
		const atAreas = stateOf('lv=area');
		expect(drillIntoCell(atAreas, '11440', '운영')).toMatchObject({
			level: 'area',
			filters: { districts: ['11440'], indicators: ['운영'] }
		});
	});

	it('going up releases what drilled down; one district keeps the other filters', () => {
		const deep = drillInto(drillInto(stateOf('y=2020'), '11290'), '추진체계');
		expect(goUpTo(deep, 'area')).toMatchObject({
			level: 'area',
			filters: { districts: ['11290'], areas: [], years: [2020] }
		});
		expect(goUpTo(deep, 'district')).toMatchObject({
			level: 'district',
			filters: { districts: [], areas: [] }
		});
		expect(focusDistrict(stateOf('y=2020&lv=area'), '11440')).toMatchObject({
			level: 'area',
			filters: { districts: ['11440'], years: [2020] }
		});
	});

	it('a year chosen keeps only that year and every other choice', () => {
		expect(focusYear(stateOf('y=2018,2020&d=11290&v=trend'), 2019)).toMatchObject({
			view: 'trend',
			filters: { years: [2019], districts: ['11290'] }
		});
	});

	it('releasing the choices a drill stands on goes back up; other changes keep the level', () => {
		const areas = drillInto(stateOf('y=2019'), '11290');
		const noDistrict = withFilters(areas, { ...areas.filters, districts: [] });
		expect(noDistrict).toMatchObject({
			level: 'district',
			filters: { districts: [], years: [2019] }
		});

		const indicators = drillInto(areas, '추진체계');
		expect(withFilters(indicators, { ...indicators.filters, areas: [] })).toMatchObject({
			level: 'area',
			filters: { districts: ['11290'], areas: [] }
		});
		// The districts released from indicators: back to districts, the area still chosen.
		expect(withFilters(indicators, { ...indicators.filters, districts: [] })).toMatchObject({
			level: 'district',
			filters: { districts: [], areas: ['추진체계'] }
		});
		expect(withFilters(indicators, { ...indicators.filters, years: [] }).level).toBe('indicator');
		// Another district, or a level the address asked for with nothing chosen, stays.
		expect(withFilters(areas, { ...areas.filters, districts: ['11440'] }).level).toBe('area');
		const asked = stateOf('lv=area');
		expect(withFilters(asked, { ...asked.filters, years: [2020] }).level).toBe('area');
	});
});
