import { describe, expect, it } from 'vitest';
import type { DistrictRef, GapMatrix } from '$lib/views/models';
import { buildGapHeatmapChart, heatmapLimit, type GapHeatmapSpec } from './gap-heatmap';

const district = (code: string, labelKo: string, labelEn = `${code}-gu`): DistrictRef => ({
	code,
	labelKo,
	labelEn
});

const spec = (locale: GapHeatmapSpec['locale'] = 'ko'): GapHeatmapSpec => ({
	locale,
	description: '설명',
	labels: { gapAxis: '격차 (자체 − 외부, 점)' }
});

type Cell = { value: [number, number, number]; label: { color: string } };
type Option = ReturnType<typeof buildGapHeatmapChart>['option'];
const heatmap = (option: Option) =>
	(option.series as { data: Cell[]; label: { formatter: (p: unknown) => string } }[])[0]!;
const cellTexts = (option: Option) =>
	heatmap(option).data.map((_, dataIndex) => heatmap(option).label.formatter({ dataIndex }));
const tooltip = (option: Option, dataIndex: number) =>
	(option.tooltip as { formatter: (p: unknown) => string }).formatter({
		componentType: 'series',
		seriesType: 'heatmap',
		seriesIndex: 0,
		dataIndex
	});
type AxisLabel = { interval: number; rotate: number; width: number; overflow: string };
const xAxis = (option: Option) => option.xAxis as { data: string[]; axisLabel: AxisLabel };
const yAxis = (option: Option) =>
	option.yAxis as { data: string[]; inverse: boolean; axisLabel: AxisLabel };
type Piece = { gt?: number; gte?: number; lt?: number; lte?: number; color: string; label: string };
const pieces = (option: Option) => (option.visualMap as { pieces: Piece[] }).pieces;

const SEONGBUK = district('11290', '성북구', 'Seongbuk-gu');
const EUNPYEONG = district('11380', '은평구', 'Eunpyeong-gu');
const GANGDONG = district('11740', '강동구', 'Gangdong-gu');

describe('heatmapLimit', () => {
	it('is at least 5, also with no cells', () => {
		expect(heatmapLimit({ cells: [] })).toBe(5);
		expect(heatmapLimit({ cells: [{ row: 0, column: 0, gap: 0.4 }] })).toBe(5);
		expect(heatmapLimit({ cells: [{ row: 0, column: 0, gap: -5 }] })).toBe(5);
	});

	it('rounds the largest |gap| up to a multiple of 5, either sign', () => {
		const cells = (...gaps: number[]) => ({
			cells: gaps.map((gap, column) => ({ row: 0, column, gap }))
		});
		expect(heatmapLimit(cells(3, -12.3, 8))).toBe(15);
		expect(heatmapLimit(cells(10))).toBe(10);
		expect(heatmapLimit(cells(10.01))).toBe(15);
		expect(heatmapLimit(cells(-20.5, 19))).toBe(25);
		expect(heatmapLimit(cells(Number.NaN, 7))).toBe(10);
	});
});

describe('buildGapHeatmapChart', () => {
	it('empty matrix: no categories, no cells, the ±5 range', () => {
		const option = buildGapHeatmapChart({ rows: [], columns: [], cells: [] }, spec()).option;
		expect(xAxis(option).data).toEqual([]);
		expect(yAxis(option).data).toEqual([]);
		expect(heatmap(option).data).toEqual([]);
		const range = pieces(option);
		expect(range[0]).toMatchObject({ lte: -4, label: '−5 ~ −4' });
		expect(range.at(-1)).toMatchObject({ gte: 4, label: '+4 ~ +5' });
		expect(option.aria).toEqual({ enabled: true, label: { description: '설명' } });
		expect(option.animation).toBe(false);
	});

	it('rounds a cell’s half away from zero, as the data table does (−7.25 is −7.3)', () => {
		const matrix: GapMatrix = {
			rows: ['참여'],
			columns: [SEONGBUK, EUNPYEONG, GANGDONG],
			cells: [
				{ row: 0, column: 0, gap: -7.25 },
				// Σ점수 ÷ Σ배점 × 100 a hair off the half: still −9.3, as written by hand.
				{ row: 0, column: 1, gap: -9.250000000000007 },
				{ row: 0, column: 2, gap: 7.25 }
			]
		};
		const option = buildGapHeatmapChart(matrix, spec()).option;
		expect(cellTexts(option)).toEqual(['−7.3', '−9.3', '+7.3']);
	});

	it('one row, one cell: value, signed text with one decimal, tooltip with unit', () => {
		const matrix: GapMatrix = {
			rows: ['참여'],
			columns: [SEONGBUK],
			cells: [{ row: 0, column: 0, gap: -5.54 }]
		};
		const option = buildGapHeatmapChart(matrix, spec()).option;
		expect(heatmap(option).data.map((cell) => cell.value)).toEqual([[0, 0, -5.54]]);
		expect(cellTexts(option)).toEqual(['−5.5']);
		expect(xAxis(option).data).toEqual(['성북구']);
		expect(xAxis(option).axisLabel).toMatchObject({ interval: 0, rotate: 0 });
		expect(yAxis(option)).toMatchObject({ data: ['참여'], inverse: true });
		expect(tooltip(option, 0)).toBe(
			'<strong>성북구</strong><br>참여<br>격차 (자체 − 외부, 점): −5.5점'
		);
	});

	it('absent cells stay blank (no 0), unusable cells are dropped', () => {
		const matrix: GapMatrix = {
			rows: ['참여', '소통'],
			columns: [SEONGBUK, EUNPYEONG, GANGDONG],
			cells: [
				{ row: 0, column: 2, gap: 3.25 },
				{ row: 1, column: 0, gap: 0.04 },
				{ row: 1, column: 1, gap: Number.NaN },
				{ row: 5, column: 0, gap: 1 }
			]
		};
		const option = buildGapHeatmapChart(matrix, spec('en')).option;
		expect(heatmap(option).data.map((cell) => cell.value)).toEqual([
			[2, 0, 3.25],
			[0, 1, 0.04]
		]);
		expect(cellTexts(option)).toEqual(['+3.3', '±0.0']);
		expect(xAxis(option).data).toEqual(['Seongbuk-gu', 'Eunpyeong-gu', 'Gangdong-gu']);
		expect(tooltip(option, 1)).toContain('±0.0 pts');
		expect(tooltip(option, 5)).toBe('');
	});

	it('symmetric diverging range: ±10 for a largest gap of 6.2, orange below, blue above', () => {
		const matrix: GapMatrix = {
			rows: ['참여'],
			columns: [SEONGBUK],
			cells: [{ row: 0, column: 0, gap: -6.2 }]
		};
		expect(pieces(buildGapHeatmapChart(matrix, spec()).option)).toEqual([
			{ lte: -8, color: '#7f3b08', label: '−10 ~ −8' },
			{ gt: -8, lte: -6, color: '#b35806', label: '−8 ~ −6' },
			{ gt: -6, lte: -4, color: '#e08214', label: '−6 ~ −4' },
			{ gt: -4, lte: -2, color: '#fdb863', label: '−4 ~ −2' },
			{ gt: -2, lte: -0.05, color: '#fee0b6', label: '−2 ~ 0' },
			{ gt: -0.05, lt: 0.05, color: '#f0f0f0', label: '0' },
			{ gte: 0.05, lt: 2, color: '#d1e5f0', label: '0 ~ +2' },
			{ gte: 2, lt: 4, color: '#92c5de', label: '+2 ~ +4' },
			{ gte: 4, lt: 6, color: '#4393c3', label: '+4 ~ +6' },
			{ gte: 6, lt: 8, color: '#2166ac', label: '+6 ~ +8' },
			{ gte: 8, color: '#053061', label: '+8 ~ +10' }
		]);
	});

	it('cell text is white on dark cells and dark on light ones (≥ 4.5:1)', () => {
		const matrix: GapMatrix = {
			rows: ['참여'],
			columns: [SEONGBUK, EUNPYEONG, GANGDONG, district('4', '라구'), district('5', '마구')],
			cells: [
				{ row: 0, column: 0, gap: -9.5 },
				{ row: 0, column: 1, gap: 0.5 },
				{ row: 0, column: 2, gap: -5 },
				{ row: 0, column: 3, gap: 7 },
				{ row: 0, column: 4, gap: 5 }
			]
		};
		// Range ±10. Relative luminance (WCAG) worked out per cell, text #1f2328 has L = 0.0152:
		// −9.5 → #7f3b08, L = 0.077: white 8.3:1, dark 1.9:1 → white.
		// +0.5 → #d1e5f0, L = 0.759: white 1.3:1, dark 12.2:1 → dark.
		// −5 → #e08214, L = 0.319: white 2.9:1, dark 5.5:1 → dark.
		// +7 → #2166ac, L = 0.128: white 5.9:1, dark 2.7:1 → white.
		// +5 → #4393c3, L = 0.260: white 3.4:1, dark 4.7:1 → dark.
		const option = buildGapHeatmapChart(matrix, spec()).option;
		expect(heatmap(option).data.map((cell) => cell.label.color)).toEqual([
			'#ffffff',
			'#1f2328',
			'#1f2328',
			'#ffffff',
			'#1f2328'
		]);
	});

	it('long Korean row names truncate on the axis; the tooltip keeps the whole name', () => {
		const long = '주민참여예산과연계한시민협력플랫폼의지역사회문제해결의제발굴및실행지원체계운영';
		expect(long.length).toBeGreaterThanOrEqual(30);
		const option = buildGapHeatmapChart(
			{ rows: [long], columns: [SEONGBUK], cells: [{ row: 0, column: 0, gap: 2 }] },
			spec()
		).option;
		expect(yAxis(option).data).toEqual([long]);
		expect(yAxis(option).axisLabel).toMatchObject({
			overflow: 'truncate',
			width: 160,
			interval: 0
		});
		expect(tooltip(option, 0)).toContain(`<br>${long}<br>`);
	});

	it('x labels rotate with more than 6 districts', () => {
		const columns = Array.from({ length: 7 }, (_, i) => district(String(i), `${i}구`));
		const seven = buildGapHeatmapChart({ rows: ['참여'], columns, cells: [] }, spec()).option;
		const six = buildGapHeatmapChart(
			{ rows: ['참여'], columns: columns.slice(0, 6), cells: [] },
			spec()
		).option;
		expect(xAxis(seven).axisLabel).toMatchObject({ interval: 0, rotate: 45 });
		expect(xAxis(six).axisLabel.rotate).toBe(0);
	});

	it('a hostile district or row name is escaped in the tooltip', () => {
		const hostile = '<img src=x onerror=alert(1)>';
		const option = buildGapHeatmapChart(
			{
				rows: [hostile, '참여'],
				columns: [district('1', hostile), SEONGBUK],
				cells: [
					{ row: 0, column: 1, gap: 1 },
					{ row: 1, column: 0, gap: -1 }
				]
			},
			spec()
		).option;
		const escaped = '&lt;img src=x onerror=alert(1)&gt;';
		expect(tooltip(option, 0)).toBe(
			`<strong>성북구</strong><br>${escaped}<br>격차 (자체 − 외부, 점): +1.0점`
		);
		expect(tooltip(option, 1)).toBe(
			`<strong>${escaped}</strong><br>참여<br>격차 (자체 − 외부, 점): −1.0점`
		);
		for (const index of [0, 1]) expect(tooltip(option, index)).not.toContain('<img');
	});
});

describe('buildGapHeatmapChart: the cell behind a click', () => {
	const matrix: GapMatrix = {
		rows: ['참여', '소통'],
		columns: [SEONGBUK, EUNPYEONG],
		cells: [
			{ row: 0, column: 0, gap: Number.NaN },
			{ row: 0, column: 1, gap: 3 },
			{ row: 1, column: 0, gap: -2 },
			{ row: 5, column: 0, gap: 1 }
		]
	};
	const chart = buildGapHeatmapChart(matrix, spec());

	it('a cell gives its district and row, counted among the cells drawn', () => {
		// The NaN cell and the one outside the rows are not drawn, so the first cell drawn is
		// the second of `matrix.cells`.
		expect(heatmap(chart.option).data.map((cell) => cell.value)).toEqual([
			[1, 0, 3],
			[0, 1, -2]
		]);
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 0, dataIndex: 0 })).toEqual({
			district: EUNPYEONG,
			row: '참여'
		});
		const second = chart.itemAt({ componentType: 'series', seriesIndex: 0, dataIndex: 1 });
		expect(second).toEqual({ district: SEONGBUK, row: '소통' });
		expect(second?.district).toBe(SEONGBUK);
	});

	it('a click elsewhere gives nothing', () => {
		expect(chart.itemAt({ componentType: 'title' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'visualMap' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'xAxis', value: '성북구' })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 0, dataIndex: 2 })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 1, dataIndex: 0 })).toBeUndefined();
		expect(chart.itemAt({ componentType: 'series', seriesIndex: 0 })).toBeUndefined();
	});
});
