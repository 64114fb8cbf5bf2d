import { describe, expect, it } from 'vitest';
import { axisLabelClicked, markClicked } from './built-chart';

describe('markClicked', () => {
	it('gives the series and item of a click on a mark', () => {
		expect(markClicked({ componentType: 'series', seriesIndex: 2, dataIndex: 0 })).toEqual({
			seriesIndex: 2,
			dataIndex: 0
		});
	});

	it('nothing for a mark line, an axis, the legend, or an index missing or not whole', () => {
		expect(
			markClicked({ componentType: 'markLine', seriesIndex: 0, dataIndex: 0 })
		).toBeUndefined();
		expect(markClicked({ componentType: 'xAxis', value: '2023' })).toBeUndefined();
		expect(markClicked({ componentType: 'legend', name: '가구' })).toBeUndefined();
		expect(markClicked({ componentType: 'series', seriesIndex: 0 })).toBeUndefined();
		expect(markClicked({ componentType: 'series', dataIndex: 0 })).toBeUndefined();
		expect(
			markClicked({ componentType: 'series', seriesIndex: 0, dataIndex: 0.5 })
		).toBeUndefined();
	});
});

describe('axisLabelClicked', () => {
	it('gives the label of a click on that axis, as text', () => {
		expect(axisLabelClicked({ componentType: 'xAxis', value: '성북구' }, 'xAxis')).toBe('성북구');
		expect(axisLabelClicked({ componentType: 'xAxis', value: 2023 }, 'xAxis')).toBe('2023');
	});

	it('nothing for the other axis, a mark, or no value', () => {
		expect(axisLabelClicked({ componentType: 'yAxis', value: '성북구' }, 'xAxis')).toBeUndefined();
		expect(
			axisLabelClicked({ componentType: 'series', seriesIndex: 0, dataIndex: 0 }, 'xAxis')
		).toBeUndefined();
		expect(axisLabelClicked({ componentType: 'yAxis' }, 'yAxis')).toBeUndefined();
	});
});
