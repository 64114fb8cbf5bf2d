import { readFileSync } from 'node:fs';
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { sumByDistrict } from '$lib/analysis/budget';
import type { GroupScores } from '$lib/analysis/totals';
import type {
	BudgetDistrictYear,
	DistrictRef,
	DistrictTrend,
	GapMatrix,
	ScoreMoneyPoint,
	DistrictTrends
} from '$lib/views/models';
import {
	composite,
	contrastRatio,
	NON_TEXT_CONTRAST,
	parseColor,
	relativeLuminance,
	TEXT_CONTRAST,
	withOpacity
} from './contrast';
import { buildBlandAltmanChart } from './options/bland-altman';
import { buildBudgetExecutionChart } from './options/budget-execution';
import { buildExecutionRateChart } from './options/execution-rate';
import { buildGapHeatmapChart } from './options/gap-heatmap';
import { buildGapTrendChart } from './options/gap-trend';
import { buildRankBumpChart } from './options/rank-bump';
import { buildScoreDumbbellChart } from './options/score-dumbbell';
import { buildScoreMoneyChart } from './options/score-money';
import { buildTrendLinesChart, CATEGORY_COLORS } from './options/trend-lines';

describe('contrastRatio against published values', () => {
	// WCAG 2.2, "contrast ratio": (L1 + 0.05) / (L2 + 0.05), from 1:1 to 21:1 (black on white).
	// https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
	it('black on white is 21:1, a colour on itself 1:1, in either order', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
		expect(contrastRatio('#ffffff', '#000')).toBeCloseTo(21, 10);
		expect(contrastRatio('#3b3f46', '#3b3f46')).toBe(1);
	});

	// #777 on white "4.47:1", so it fails AA (wcag.eu, "Use enough contrast for text"), given as
	// "≈ 4.48:1" elsewhere (devlap.com, "The WCAG contrast ratio explained"): 4.478 lies between.
	it('#777 on white is about 4.48:1, short of 4.5', () => {
		const ratio = contrastRatio('#777', '#fff');
		expect(ratio).toBeGreaterThan(4.47);
		expect(ratio).toBeLessThan(4.49);
		expect(ratio).toBeLessThan(TEXT_CONTRAST);
	});

	// WebAIM's contrast checker opens on #0000FF text on #FFFFFF: 8.59:1 (as described at
	// ialabs.ie, "Why colour contrast matters"). The rest: the common table of pairs on white
	// (e.g. myikeabedroom.com "Color Contrast Calculator"): #767676 4.54:1 (the lightest grey
	// that passes AA), #595959 7.0:1, red 4.0:1, lime 1.37:1, yellow 1.07:1.
	it.each([
		['#0000FF', 8.59],
		['#767676', 4.54],
		['#595959', 7.0],
		['#FF0000', 4.0],
		['#00FF00', 1.37],
		['#FFFF00', 1.07]
	])('%s on white is %f:1 to two decimals', (color, published) => {
		expect(contrastRatio(color, '#FFFFFF')).toBeCloseTo(published, 2);
	});

	// Relative luminance from the WCAG 2.2 definition (sRGB, threshold 0.04045), worked out by
	// hand: #777 → 119/255 = 0.46667 → ((0.46667 + 0.055) / 1.055)^2.4 = 0.18447.
	it('relative luminance: 0 for black, 1 for white, 0.18447 for #777', () => {
		expect(relativeLuminance('#000000')).toBe(0);
		expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 12);
		expect(relativeLuminance('#777777')).toBeCloseTo(0.18447, 5);
	});
});

describe('CSS colours and alpha', () => {
	it('reads hex, rgb() and rgba() in the forms charts and computed styles use', () => {
		expect(parseColor('#0072B2')).toEqual({ r: 0, g: 114, b: 178, a: 1 });
		expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
		expect(parseColor('rgb(59, 63, 70)')).toEqual({ r: 59, g: 63, b: 70, a: 1 });
		expect(parseColor('rgba(0, 114, 178, 0.35)')).toEqual({ r: 0, g: 114, b: 178, a: 0.35 });
		expect(parseColor('rgb(0 114 178 / 35%)')).toEqual({ r: 0, g: 114, b: 178, a: 0.35 });
		expect(parseColor('rgb(0,0,0)')).toEqual({ r: 0, g: 0, b: 0, a: 1 });
		expect(parseColor('transparent').a).toBe(0);
	});

	it('refuses what it cannot read instead of guessing', () => {
		for (const bad of ['', 'none', 'url(#g)', 'currentcolor', '#12', '#12345', 'rgb(1, 2)', 'red'])
			expect(() => parseColor(bad), bad).toThrow(/Unreadable colour/);
		expect(() => relativeLuminance('rgba(0, 0, 0, 0.5)')).toThrow(/opaque/);
	});

	// Source-over in sRGB, worked out by hand: 35% of (0, 114, 178) and 65% of white gives
	// (165.75, 205.65, 228.05); half black over white gives 127.5 grey, L = 0.21404, 3.98:1.
	it('composites a translucent colour over its background', () => {
		const over = composite(parseColor('rgba(0, 114, 178, 0.35)'), parseColor('#ffffff'));
		expect(over.r).toBeCloseTo(165.75, 10);
		expect(over.g).toBeCloseTo(205.65, 10);
		expect(over.b).toBeCloseTo(228.05, 10);
		expect(over.a).toBe(1);
		expect(contrastRatio('rgba(0, 0, 0, 0.5)', '#ffffff')).toBeCloseTo(3.9767, 4);
		expect(contrastRatio(withOpacity(parseColor('#000'), 0.5), '#fff')).toBeCloseTo(3.9767, 4);
		// A translucent background lies over the backdrop first: half white over black is grey too.
		expect(contrastRatio('#000', 'rgba(255, 255, 255, 0.5)', '#000')).toBeCloseTo(
			(0.21404 + 0.05) / 0.05,
			3
		);
		// A fully transparent foreground is no contrast at all.
		expect(contrastRatio('transparent', '#fff')).toBe(1);
	});
});

// ---------------------------------------------------------------------------------------------
// The colours the chart builders actually hand to ECharts, checked against what is behind them.

/** The charts' background: the chart frame's surface colour from app.css. */
const CHART_BACKGROUND = (() => {
	const css = readFileSync(new URL('../../app.css', import.meta.url), 'utf8');
	const surface = /--surface:\s*([^;]+);/.exec(css)?.[1];
	if (!surface) throw new Error('app.css has no --surface');
	return surface.trim();
})();

describe('the chart background', () => {
	it('is --surface, painted by the chart frame behind every chart', () => {
		const frame = readFileSync(
			new URL('../components/ui/ChartFrame.svelte', import.meta.url),
			'utf8'
		);
		expect(frame).toMatch(/\.chart-frame\s*\{[^}]*background:\s*var\(--surface\)/);
		expect(parseColor(CHART_BACKGROUND).a).toBe(1);
	});
});

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const nodes = (value: unknown): Node[] =>
	(Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(isNode);
const colorOf = (style: unknown): string | undefined =>
	isNode(style) && typeof style.color === 'string' ? style.color : undefined;

/** ECharts draws scatter points (and their labels) at 80% opacity unless told otherwise. */
// node_modules/echarts/lib/chart/scatter/ScatterSeries.js, defaultOption.itemStyle.opacity.
const SCATTER_DEFAULT_OPACITY = 0.8;

const opacityOf = (series: Node) => {
	const set = isNode(series.itemStyle) ? series.itemStyle.opacity : undefined;
	return typeof set === 'number' ? set : series.type === 'scatter' ? SCATTER_DEFAULT_OPACITY : 1;
};

interface Found {
	where: string;
	color: string;
	opacity: number;
}

// Keys under which ECharts options carry text styles.
const TEXT_STYLE_KEYS = new Set([
	'label',
	'axisLabel',
	'nameTextStyle',
	'textStyle',
	'pageTextStyle'
]);

/** Every text colour set anywhere in the option (heatmap cell labels excepted: see below). */
function textColours(option: EChartsOption): Found[] {
	const found: Found[] = [];
	const visit = (value: unknown, where: string, opacity: number) => {
		if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${where}[${i}]`, opacity));
		if (!isNode(value)) return;
		for (const [key, child] of Object.entries(value)) {
			const color = colorOf(child);
			if (TEXT_STYLE_KEYS.has(key) && color)
				found.push({ where: `${where}.${key}`, color, opacity });
			visit(child, `${where}.${key}`, opacity);
		}
	};
	const { series, ...rest } = option;
	visit(rest, 'option', 1);
	nodes(series).forEach((s, i) => {
		if (s.type === 'heatmap') return;
		const { markLine, ...own } = s;
		visit(own, `series[${i}]`, opacityOf(s));
		visit(markLine, `series[${i}].markLine`, 1);
	});
	return found;
}

interface Mark {
	where: string;
	/** Painted colours of the mark: fill, border or line, each at the mark's opacity. */
	paints: string[];
	opacity: number;
}

/** Every series mark the option draws (heatmap cells excepted: their value is printed on them). */
function seriesMarks(option: EChartsOption): Mark[] {
	const marks: Mark[] = [];
	nodes(option.series).forEach((s, i) => {
		const where = `series[${i}]${typeof s.name === 'string' ? ` (${s.name})` : ''}`;
		const opacity = opacityOf(s);
		const item = isNode(s.itemStyle) ? s.itemStyle : {};
		const seriesColor = typeof s.color === 'string' ? s.color : undefined;
		const fill = colorOf(item) ?? seriesColor;
		const border =
			typeof item.borderColor === 'string' && Number(item.borderWidth ?? 0) > 0
				? item.borderColor
				: undefined;
		const data = Array.isArray(s.data) ? s.data : [];
		if (s.type === 'line' && data.length > 0) {
			const line = colorOf(s.lineStyle) ?? seriesColor;
			if (!line) throw new Error(`${where}: a line without a colour of its own`);
			marks.push({ where: `${where} line`, paints: [line], opacity });
			// Hollow symbols are filled with white and outlined in the series colour.
			const symbol = typeof s.symbol === 'string' ? s.symbol : 'emptyCircle';
			marks.push({ where: `${where} symbol ${symbol}`, paints: [fill ?? line], opacity });
		}
		if ((s.type === 'scatter' || s.type === 'bar') && data.length > 0) {
			if (!fill) throw new Error(`${where}: marks without a colour of their own`);
			// An invisible bar is a spacer (the dumbbell's offset to the lowest score).
			if (parseColor(fill).a > 0 || border) {
				marks.push({ where, paints: [fill, ...(border ? [border] : [])], opacity });
			}
			data.filter(isNode).forEach((datum, d) => {
				const own = isNode(datum.itemStyle) ? datum.itemStyle : {};
				if (typeof own.borderColor === 'string' || colorOf(own)) {
					const paints = [colorOf(own) ?? fill];
					if (typeof own.borderColor === 'string' && Number(own.borderWidth ?? 0) > 0)
						paints.push(own.borderColor);
					marks.push({ where: `${where} data[${d}]`, paints, opacity });
				}
			});
		}
		if (isNode(s.markLine)) {
			const common = colorOf(s.markLine.lineStyle);
			nodes(s.markLine.data).forEach((line, l) => {
				const color = colorOf(line.lineStyle) ?? common;
				if (!color) throw new Error(`${where} markLine[${l}]: no colour`);
				marks.push({ where: `${where} markLine[${l}]`, paints: [color], opacity: 1 });
			});
		}
	});
	return marks;
}

const ratioOn = (color: string, opacity: number, background = CHART_BACKGROUND) =>
	contrastRatio(withOpacity(parseColor(color), opacity), background);

/** Text colours below 4.5:1 on the chart background, as readable lines. */
function textFailures(option: EChartsOption): string[] {
	const found = textColours(option);
	if (found.length === 0) throw new Error('No text colours found: the walker missed them');
	return found
		.map((text) => ({ ...text, ratio: ratioOn(text.color, text.opacity) }))
		.filter((text) => text.ratio < TEXT_CONTRAST)
		.map((t) => `${t.where} ${t.color}@${t.opacity}: ${t.ratio.toFixed(2)}:1`);
}

/** Marks none of whose paints reach 3:1 on the chart background. */
function markFailures(option: EChartsOption): string[] {
	const marks = seriesMarks(option);
	if (marks.length === 0) throw new Error('No marks found: the walker missed them');
	return marks
		.map((mark) => ({
			...mark,
			ratio: Math.max(...mark.paints.map((paint) => ratioOn(paint, mark.opacity)))
		}))
		.filter((mark) => mark.ratio < NON_TEXT_CONTRAST)
		.map((m) => `${m.where} ${m.paints.join('/')}@${m.opacity}: ${m.ratio.toFixed(2)}:1`);
}

// Representative inputs: enough series that every colour of every palette is drawn.
const ref = (i: number): DistrictRef => ({
	code: String(11000 + i),
	labelKo: `${i}구`,
	labelEn: `${i}-gu`
});
const YEARS = Array.from({ length: CATEGORY_COLORS.length + 2 }, (_, i) => 2010 + i);
const DISTRICTS = Array.from({ length: CATEGORY_COLORS.length + 2 }, (_, i) => ref(i));

const budgetRows: BudgetDistrictYear[] = YEARS.flatMap((year, y) =>
	DISTRICTS.slice(0, 3).map((district, d) => {
		// Under 80%, within, over 100%: flagged and unflagged points in every year.
		const rate = [0.5, 0.9, 1.2][(y + d) % 3]!;
		return { district, year, planned: 1_000_000, spent: 1_000_000 * rate, rate };
	})
);
const moneyPoints: ScoreMoneyPoint[] = YEARS.flatMap((year, y) =>
	DISTRICTS.slice(0, 2).map((district, d) => ({
		district,
		year,
		spent: 1_000_000 * (y + 1),
		score: 60 + y + d
	}))
);
const trend: DistrictTrends = {
	years: [2021, 2022, 2023],
	districts: DISTRICTS.map((district, i): DistrictTrend => ({
		district,
		totals: [60 + i, 61 + i, 62 + i],
		ranks: [i + 1, i + 1, i + 1],
		gaps: [i - 5, i - 4, i - 6],
		gapSlope: null,
		gapSlopeInterval: null
	}))
};
const groups: GroupScores[] = DISTRICTS.slice(0, 3).map((district, i) => ({
	key: district.code,
	labelKo: district.labelKo,
	labelEn: district.labelEn,
	self: 70 + i,
	official: 65 + i,
	expert: 72 - i,
	gap: 5
}));
const baPoints = [-3, 1, 4].map((difference, i) => ({
	district: ref(i),
	year: 2023,
	indicator: '참여',
	mean: 70 + i,
	difference
}));
const blandAltman = {
	bias: 0.667,
	sd: 3.51,
	lowerLimit: -6.21,
	upperLimit: 7.55,
	n: 3,
	points: baPoints.map(({ mean, difference }) => ({ mean, difference })),
	labelled: baPoints
};
const heatmapMatrix = (gaps: readonly number[]): GapMatrix => ({
	rows: gaps.map((_, i) => `r${i}`),
	columns: [ref(0)],
	cells: gaps.map((gap, row) => ({ row, column: 0, gap }))
});

const CHARTS: [string, (locale: 'ko' | 'en') => EChartsOption][] = [
	[
		'score dumbbell',
		(locale) => buildScoreDumbbellChart(groups, { locale, description: '' }).option
	],
	[
		'Bland–Altman',
		(locale) =>
			buildBlandAltmanChart(blandAltman, {
				locale,
				description: '',
				labels: {
					meanAxis: 'm',
					differenceAxis: 'd',
					bias: 'b',
					lowerLimit: 'l',
					upperLimit: 'u',
					mean: 'm',
					difference: 'd'
				}
			}).option
	],
	[
		'budget execution',
		(locale) =>
			buildBudgetExecutionChart(sumByDistrict(budgetRows), {
				locale,
				description: '',
				labels: { planned: 'p', spent: 's', rate: 'r' }
			}).option
	],
	[
		'execution rate',
		(locale) =>
			buildExecutionRateChart(budgetRows, {
				locale,
				description: '',
				labels: { rate: 'r', planned: 'p', spent: 's', line80: '80', line100: '100' }
			}).option
	],
	[
		'score and money',
		(locale) =>
			buildScoreMoneyChart(moneyPoints, {
				locale,
				description: '',
				labels: { spent: 's', score: 'c' }
			}).option
	],
	[
		'heatmap (axes and legend)',
		(locale) =>
			buildGapHeatmapChart(heatmapMatrix([-7, 0, 7]), {
				locale,
				description: '',
				labels: { gapAxis: 'g' }
			}).option
	],
	...(['none', 'two'] as const).flatMap(
		(highlight): [string, (l: 'ko' | 'en') => EChartsOption][] => {
			const highlighted = highlight === 'none' ? [] : [DISTRICTS[3]!.code, DISTRICTS[0]!.code];
			const lines = (locale: 'ko' | 'en') => ({ locale, description: '', highlighted });
			return [
				[
					`trend lines, ${highlight} highlighted`,
					(l) => buildTrendLinesChart(trend, lines(l)).option
				],
				[`gap trend, ${highlight} highlighted`, (l) => buildGapTrendChart(trend, lines(l)).option],
				[
					`rank bump, ${highlight} highlighted`,
					(l) => buildRankBumpChart(trend, { ...lines(l), formatRank: (rank) => `${rank}` }).option
				]
			];
		}
	)
];

describe.each(['ko', 'en'] as const)('chart colours (%s)', (locale) => {
	it.each(CHARTS)(
		`%s: every text colour reaches ${TEXT_CONTRAST}:1 on the background`,
		(_, build) => {
			expect(textFailures(build(locale))).toEqual([]);
		}
	);

	it.each(CHARTS.filter(([name]) => !name.startsWith('heatmap')))(
		`%s: every series mark reaches ${NON_TEXT_CONTRAST}:1 on the background`,
		(_, build) => {
			expect(markFailures(build(locale))).toEqual([]);
		}
	);
});

describe('the checks themselves', () => {
	it('catch a light colour and ECharts’ 80% scatter opacity', () => {
		const scatter = (color: string, opacity?: number): EChartsOption => ({
			series: [
				{
					type: 'scatter',
					name: 'x',
					itemStyle: { color, ...(opacity === undefined ? {} : { opacity }) },
					label: { color },
					data: [[0, 0]]
				}
			]
		});
		// #D55E00 reaches 3.87:1 alone, but drawn at 80% over white it is (221.4, 126.2, 51):
		// L = 0.30647, 1.05 / 0.35647 = 2.946:1.
		expect(markFailures(scatter('#D55E00', 1))).toEqual([]);
		expect(markFailures(scatter('#D55E00'))).toEqual(['series[0] (x) #D55E00@0.8: 2.95:1']);
		expect(textFailures(scatter('#88CCEE', 1))).toEqual(['series[0].label #88CCEE@1: 1.76:1']);
	});

	it('count a light fill as visible when its border reaches 3:1', () => {
		const bar = (borderWidth: number): EChartsOption => ({
			series: [
				{
					type: 'bar',
					itemStyle: { color: '#dbe9f4', borderColor: '#0072B2', borderWidth },
					data: [1]
				}
			]
		});
		expect(markFailures(bar(1))).toEqual([]);
		expect(markFailures(bar(0))).toEqual(['series[0] #dbe9f4@1: 1.24:1']);
	});
});

describe('heatmap cell labels on every colour the scale can give', () => {
	type Piece = { gt?: number; gte?: number; lt?: number; lte?: number; color: string };
	type Cell = { value: [number, number, number]; label: { color: string } };
	const holds = (piece: Piece, value: number) =>
		(piece.gt === undefined || value > piece.gt) &&
		(piece.gte === undefined || value >= piece.gte) &&
		(piece.lt === undefined || value < piece.lt) &&
		(piece.lte === undefined || value <= piece.lte);

	// The scale is piecewise: ±limit in five bins a side and a neutral band around 0, the limit
	// set by the data. Gaps are sampled every limit/2000 and just either side of every bin edge.
	it.each([5, 10, 15, 25, 50])('range ±%i: every cell label reaches 4.5:1 on its cell', (limit) => {
		const step = limit / 5;
		const edges = [0.05, ...[1, 2, 3, 4].map((k) => k * step)];
		const gaps = [
			...Array.from({ length: 4001 }, (_, i) => -limit + (i * limit) / 2000),
			...edges.flatMap((edge) => [
				edge,
				-edge,
				edge + 1e-9,
				edge - 1e-9,
				-edge + 1e-9,
				-edge - 1e-9
			])
		];
		const option = buildGapHeatmapChart(heatmapMatrix(gaps), {
			locale: 'ko',
			description: '',
			labels: { gapAxis: 'g' }
		}).option;
		const pieces = (option.visualMap as { pieces: Piece[] }).pieces;
		const cells = (option.series as { data: Cell[] }[])[0]!.data;
		expect(cells).toHaveLength(gaps.length);

		const seen = new Map<string, number>();
		const failures: string[] = [];
		for (const cell of cells) {
			const gap = cell.value[2];
			const matching = pieces.filter((piece) => holds(piece, gap));
			// One band per value, or ECharts would paint it with the out-of-range colour.
			expect(matching, `gap ${gap}`).toHaveLength(1);
			const fill = matching[0]!.color;
			const ratio = contrastRatio(cell.label.color, fill);
			const key = `${cell.label.color} on ${fill}`;
			seen.set(key, Math.min(seen.get(key) ?? Infinity, ratio));
			if (ratio < TEXT_CONTRAST) failures.push(`${gap}: ${key} ${ratio.toFixed(2)}:1`);
		}
		expect(failures).toEqual([]);
		// Every band of the scale was drawn, so every colour was checked.
		expect(new Set([...seen.keys()].map((key) => key.split(' on ')[1]))).toEqual(
			new Set(pieces.map((piece) => piece.color))
		);
	});
});
