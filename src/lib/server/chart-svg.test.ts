import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from './chart-svg';

const hostile = '<img src=x onerror=alert(1)>';
const option = (label: string): EChartsOption => ({
	animation: false,
	xAxis: { type: 'category', data: [label, '성북구'] },
	yAxis: { type: 'value' },
	series: [{ type: 'bar', data: [1, 2] }]
});

describe('server-drawn charts', () => {
	it('writes labels as escaped text, never as markup', () => {
		const svg = renderChartSvg(option(hostile), { width: 400, height: 200 });
		expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(svg).not.toContain('<img');
	});

	it('scales to its box: 100% wide and high, with the drawing size as viewBox', () => {
		const svg = renderChartSvg(option('a'), { width: 400, height: 200 });
		const tag = svg.match(/^<svg[^>]*>/)![0];
		expect(tag).toContain('width="100%"');
		expect(tag).toContain('height="100%"');
		expect(tag.match(/viewBox=/g)).toHaveLength(1);
		expect(tag).toContain('viewBox="0 0 400 200"');
	});

	it('draws the same option alike, and a changed one anew (never from the cache)', () => {
		const first = renderChartSvg(option('강서구'), { width: 400, height: 200 });
		expect(renderChartSvg(option('강서구'), { width: 400, height: 200 })).toBe(first);
		const other = renderChartSvg(option('마포구'), { width: 400, height: 200 });
		expect(other).toContain('마포구');
		expect(other).not.toContain('강서구');
	});
});
