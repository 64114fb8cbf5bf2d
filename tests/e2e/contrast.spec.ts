import { expect, test, type Page } from '@playwright/test';
import {
	composite,
	contrastRatio,
	NON_TEXT_CONTRAST,
	parseColor,
	TEXT_CONTRAST,
	withOpacity,
	type Rgba
} from '../../src/lib/charts/contrast';
import { GRID_LINE } from '../../src/lib/charts/palette';
import { chooseFiles, openDashboard, openOwnData, views } from './helpers';

// The charts are SVG drawn by ECharts and left out of axe (see accessibility.spec.ts), so this
// checks them in the real page: the contrast of every drawn text with what is drawn behind it
// (WCAG 1.4.3), of every series mark with the chart background (1.4.11), and that colour is
// not the only thing that tells series, flags and values apart (1.4.1).

type Locale = 'ko' | 'en';

const VIEWS = [
	{
		view: 'gap',
		tab: { ko: '평가 격차', en: 'Score gaps' },
		charts: ['score-gap', 'gap-heatmap', 'bland-altman']
	},
	{
		view: 'budget',
		tab: { ko: '예산 집행', en: 'Budget use' },
		charts: ['budget-execution', 'execution-rate', 'score-money']
	},
	{
		view: 'trend',
		tab: { ko: '연도별 추이', en: 'Year over year' },
		charts: ['trend-lines', 'rank-bump', 'gap-trend']
	}
] as const;

type View = (typeof VIEWS)[number]['view'];

/** Districts chosen in the filter are highlighted on the trend charts; the rest turn grey. */
const HIGHLIGHTED = [
	{ code: '11290', ko: '성북구', en: 'Seongbuk-gu' },
	{ code: '11380', ko: '은평구', en: 'Eunpyeong-gu' }
];

const CASES = [
	...VIEWS.map((view) => ({ ...view, highlight: false })),
	{ ...VIEWS[2], highlight: true }
];

// The sample data has no district-year under 80% or over 100% (every rate is 94–99%, see
// budget_by_district_year in the expected values), so flagged ones are added. A 2021 with rates
// worked out by hand: 50% and 79.9% are under (▼), 125% over (▲), exactly 80% and 100% are not
// flagged. And 성북구's 2017 plan doubled by a line with nothing spent: its rate halves to under
// 50%, a flagged point in a year drawn with a solid marker (2021, the fifth year, is hollow).
const SEONGBUK_2017 = views.budget_by_district_year['성북구']!['2017']!;
const FLAGGED_FILE = 'flagged.csv';
const amount = (won: number) => `"${won.toLocaleString('en-US')}"`;
const FLAGGED_CSV = [
	'회계연도,자치구,사업명,세부항목,예산과목,예산액,집행액,산출내역',
	`2017,성북구,시민협력플랫폼 운영,운영비,201-01,${amount(SEONGBUK_2017.planned)},"0",`,
	'2021,성북구,시민협력플랫폼 운영,인건비,101-01,"1,000,000","500,000",',
	'2021,구로구,시민협력플랫폼 운영,인건비,101-01,"1,000,000","799,000",',
	'2021,은평구,시민협력플랫폼 운영,인건비,101-01,"1,000,000","1,250,000",',
	'2021,마포구,시민협력플랫폼 운영,인건비,101-01,"1,000,000","800,000",',
	'2021,강서구,시민협력플랫폼 운영,인건비,101-01,"1,000,000","1,000,000",'
].join('\r\n');
const FLAGGED = { under: 3, over: 1, solid: 1 };

/** The reference lines of the Bland–Altman plot, as messages.ts names them. */
const AGREEMENT_LINES = {
	ko: ['일치 한계 상한', '단위 평균 차이', '일치 한계 하한'],
	en: ['Upper limit of agreement', 'Mean unit difference', 'Lower limit of agreement']
};

/** One painted layer under a text: an SVG shape's fill, or the HTML boxes under the drawing. */
type Layer = { color: string; alpha: number; what: string } | { html: string[] };

interface DrawnText {
	text: string;
	fill: string;
	alpha: number;
	/** A stroke drawn under the glyphs (ECharts' textBorder), wide enough to be their background. */
	halo: { color: string; alpha: number } | null;
	transform: string | null;
	/** Top first. */
	layers: Layer[];
	/** Set when something outside the chart lies over the text's centre. */
	coveredBy: string | null;
}

interface DrawnShape {
	fill: string | null;
	fillAlpha: number;
	stroke: string | null;
	strokeAlpha: number;
	dash: string;
	d: string;
	transform: string | null;
	/** How much the shape is scaled (ECharts draws symbols at unit size and scales them). */
	scale: number;
}

interface DrawnChart {
	id: string;
	/** Background colours from the drawing up to <html>. */
	backgrounds: string[];
	texts: DrawnText[];
	shapes: DrawnShape[];
}

/** Waits until every chart of the view is drawn and stays the same. */
async function chartsDrawn(page: Page, ids: readonly string[]) {
	for (const id of ids) {
		await expect(page.getByTestId(id).locator('.chart svg text').first()).toBeVisible();
	}
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	const count = () =>
		page.evaluate(
			(list) =>
				list.map((id) => document.querySelectorAll(`[data-testid="${id}"] .chart svg *`).length),
			[...ids]
		);
	let before = await count();
	await expect
		.poll(async () => {
			const now = await count();
			const same = JSON.stringify(now) === JSON.stringify(before);
			before = now;
			return same;
		})
		.toBe(true);
}

/** Reads every text and shape of the charts, with what is painted under each text's centre. */
function readCharts(page: Page, ids: readonly string[]): Promise<DrawnChart[]> {
	return page.evaluate(async (list) => {
		const SHAPES = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon']);
		const opacityUpTo = (element: Element, svg: SVGSVGElement) => {
			let opacity = 1;
			for (let e: Element | null = element; e && e !== svg.parentElement; e = e.parentElement) {
				opacity *= Number(getComputedStyle(e).opacity);
			}
			return opacity;
		};
		const backgroundsFrom = (element: Element) => {
			const colours: string[] = [];
			for (let e: Element | null = element; e; e = e.parentElement) {
				colours.push(getComputedStyle(e).backgroundColor);
			}
			return colours;
		};
		const describe = (element: Element) =>
			`${element.tagName} ${(element.getAttribute('d') ?? '').slice(0, 32)}`;
		const hasArea = (element: SVGGraphicsElement) => {
			const box = element.getBBox();
			return box.width > 0 && box.height > 0;
		};
		const inViewport = (rect: DOMRect) => {
			const x = rect.left + rect.width / 2;
			const y = rect.top + rect.height / 2;
			return x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
		};

		const charts = [];
		for (const id of list) {
			const svg = document.querySelector<SVGSVGElement>(`[data-testid="${id}"] .chart svg`);
			if (!svg) throw new Error(`${id}: no chart drawing`);
			svg.scrollIntoView({ block: 'center' });
			const texts = [...svg.querySelectorAll<SVGTextElement>('text')];
			// Texts must not catch the point: what is under them is what we want.
			const saved = texts.map((text) => text.style.pointerEvents);
			for (const text of texts) text.style.pointerEvents = 'none';
			const drawnTexts = [];
			for (const text of texts) {
				const style = getComputedStyle(text);
				const content = text.textContent?.trim() ?? '';
				if (!content || style.display === 'none' || style.visibility !== 'visible') continue;
				if (text.closest('defs, clipPath')) continue;
				let rect = text.getBoundingClientRect();
				if (rect.width === 0 || rect.height === 0) continue;
				if (!inViewport(rect)) {
					text.scrollIntoView({ block: 'center', inline: 'center' });
					rect = text.getBoundingClientRect();
				}
				const x = rect.left + rect.width / 2;
				const y = rect.top + rect.height / 2;
				const layers = [];
				let coveredBy: string | null = null;
				for (const hit of document.elementsFromPoint(x, y)) {
					if (hit instanceof SVGTextElement || hit instanceof SVGTSpanElement) continue;
					if (hit instanceof SVGGraphicsElement && svg.contains(hit) && SHAPES.has(hit.localName)) {
						const shape = getComputedStyle(hit);
						// A stroke-only shape (a line) under the centre is not the background.
						if (shape.fill === 'none' || !hasArea(hit)) continue;
						layers.push({
							color: shape.fill,
							alpha: Number(shape.fillOpacity) * opacityUpTo(hit, svg),
							what: describe(hit)
						});
						continue;
					}
					if (svg.contains(hit) && hit !== svg) continue; // a group
					// Under the drawing: the chart's own boxes. Anything else is on top of the text.
					if (!hit.contains(svg)) coveredBy = `${hit.tagName} ${hit.className}`;
					layers.push({ html: backgroundsFrom(hit) });
					break;
				}
				// A halo: a stroke painted first, at least 1px past the glyphs' edges.
				const halo =
					style.stroke !== 'none' &&
					parseFloat(style.strokeWidth) >= 2 &&
					style.paintOrder.startsWith('stroke')
						? {
								color: style.stroke,
								alpha: Number(style.strokeOpacity) * opacityUpTo(text, svg)
							}
						: null;
				drawnTexts.push({
					text: content,
					fill: style.fill,
					alpha: Number(style.fillOpacity) * opacityUpTo(text, svg),
					halo,
					transform: text.getAttribute('transform'),
					layers,
					coveredBy
				});
			}
			texts.forEach((text, i) => (text.style.pointerEvents = saved[i]!));

			const shapes = [];
			for (const shape of svg.querySelectorAll<SVGGraphicsElement>('*')) {
				if (!SHAPES.has(shape.localName) || shape.closest('defs, clipPath')) continue;
				const style = getComputedStyle(shape);
				const box = shape.getBBox();
				const ctm = shape.getCTM();
				const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
				const opacity = opacityUpTo(shape, svg);
				const filled = style.fill !== 'none' && box.width > 0 && box.height > 0;
				const stroked =
					style.stroke !== 'none' &&
					parseFloat(style.strokeWidth) * scale > 0 &&
					(box.width > 0 || box.height > 0);
				if (!filled && !stroked) continue;
				shapes.push({
					fill: filled ? style.fill : null,
					fillAlpha: filled ? Number(style.fillOpacity) * opacity : 0,
					stroke: stroked ? style.stroke : null,
					strokeAlpha: stroked ? Number(style.strokeOpacity) * opacity : 0,
					dash: style.strokeDasharray,
					d: shape.getAttribute('d') ?? shape.localName,
					transform: shape.getAttribute('transform'),
					scale
				});
			}
			charts.push({ id, backgrounds: backgroundsFrom(svg), texts: drawnTexts, shapes });
		}
		return charts;
	}, ids);
}

const WHITE = parseColor('#ffffff');
const PAGER_INACTIVE = '#e0e4f2';

/** HTML backgrounds (innermost first) laid over the white canvas. */
function htmlBackground(colours: readonly string[]): Rgba {
	return colours.reduceRight((under, colour) => composite(parseColor(colour), under), WHITE);
}

/** The colour behind a text: its layers laid bottom-up. */
function backgroundOf(text: DrawnText, chart: DrawnChart): Rgba {
	let under = htmlBackground(chart.backgrounds);
	for (const layer of [...text.layers].reverse()) {
		under =
			'html' in layer
				? htmlBackground(layer.html)
				: composite(withOpacity(parseColor(layer.color), layer.alpha), under);
	}
	return under;
}

const hex = ({ r, g, b }: Rgba) =>
	'#' + [r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');

interface Measured {
	chart: string;
	text: string;
	ratio: number;
	detail: string;
}

function textContrasts(charts: readonly DrawnChart[]): Measured[] {
	return charts.flatMap((chart) =>
		chart.texts.map((text) => {
			const under = backgroundOf(text, chart);
			const behind = text.halo
				? composite(withOpacity(parseColor(text.halo.color), text.halo.alpha), under)
				: under;
			const ratio = contrastRatio(withOpacity(parseColor(text.fill), text.alpha), behind);
			const shape = text.layers.find((layer) => 'what' in layer);
			const on = `${hex(behind)}${shape && 'what' in shape ? ` (${shape.what})` : ''}`;
			return {
				chart: chart.id,
				text: text.text,
				ratio,
				detail: `${text.fill}@${text.alpha} on ${on}${text.halo ? ' with halo' : ''}`
			};
		})
	);
}

/**
 * A reference line's label box (ECharts' label backgroundColor): the chart's own background
 * under a text of the same transform, so the words keep their contrast over points. It carries
 * nothing itself; the words on it are checked.
 */
function isLabelBox(chart: DrawnChart, shape: DrawnShape): boolean {
	return (
		shape.fill !== null &&
		!shape.stroke &&
		hex(parseColor(shape.fill)) === hex(htmlBackground(chart.backgrounds)) &&
		chart.texts.some((text) => text.transform !== null && text.transform === shape.transform)
	);
}

/** Shapes that need not reach 3:1, and why; every other painted shape must. */
function exemption(chart: DrawnChart, shape: DrawnShape): string | null {
	// Grid lines help reading values off the axes; the values are in the axis labels, the
	// tooltips and the data table.
	if (!shape.fill && shape.stroke && hex(parseColor(shape.stroke)) === GRID_LINE.toLowerCase()) {
		return 'grid line';
	}
	// A heatmap cell's value is printed on it (checked below), the legend's bands are labelled.
	if (chart.id === 'gap-heatmap' && shape.fill) return 'heatmap cell or legend band';
	if (isLabelBox(chart, shape)) return 'label box';
	// The legend's page arrow while it cannot page further: an inactive control (1.4.11 exempts
	// those), drawn in ECharts' pageIconInactiveColor (echarts/lib/visual/tokens.js accent10).
	if (shape.fill && !shape.stroke && hex(parseColor(shape.fill)) === PAGER_INACTIVE) {
		return 'inactive legend pager arrow';
	}
	return null;
}

function markContrasts(charts: readonly DrawnChart[]) {
	const measured: Measured[] = [];
	const exempt = new Map<string, number>();
	for (const chart of charts) {
		const background = htmlBackground(chart.backgrounds);
		for (const shape of chart.shapes) {
			const paints = [
				...(shape.fill && shape.fillAlpha > 0 ? [{ c: shape.fill, a: shape.fillAlpha }] : []),
				...(shape.stroke && shape.strokeAlpha > 0
					? [{ c: shape.stroke, a: shape.strokeAlpha }]
					: [])
			];
			if (paints.length === 0) continue; // invisible: a hit area
			const why = exemption(chart, shape);
			if (why) {
				exempt.set(why, (exempt.get(why) ?? 0) + 1);
				continue;
			}
			const ratio = Math.max(
				...paints.map(({ c, a }) => contrastRatio(withOpacity(parseColor(c), a), background))
			);
			measured.push({
				chart: chart.id,
				text: shape.d.slice(0, 24),
				ratio,
				detail: paints.map(({ c, a }) => `${c}@${Number(a.toFixed(3))}`).join(' / ')
			});
		}
	}
	return { measured, exempt };
}

const worst = (list: readonly Measured[], n = 5) =>
	[...list]
		.sort((a, b) => a.ratio - b.ratio)
		.slice(0, n)
		.map((m) => `${m.ratio.toFixed(2)}:1 ${m.chart} "${m.text}" (${m.detail})`);

/** A legend entry: its label and its icon's painted parts, grouped by their shared transform. */
interface LegendItem {
	label: string;
	/** What tells it apart without colour: shapes, hollow or solid, dashes. */
	form: string;
	/** The icon's main colour (a hollow icon's outline, else its fill). */
	color: string;
}

function legendItems(chart: DrawnChart): LegendItem[] {
	const items: LegendItem[] = [];
	for (const text of chart.texts) {
		if (!text.transform) continue;
		const parts = chart.shapes.filter(
			(shape) =>
				shape.transform === text.transform &&
				(shape.fillAlpha > 0 || shape.strokeAlpha > 0) &&
				!isLabelBox(chart, shape)
		);
		if (parts.length === 0) continue;
		const white = (colour: string | null) =>
			colour !== null && hex(parseColor(colour)) === '#ffffff';
		const form = parts
			.map((part) => {
				const hollow = white(part.fill) && part.stroke !== null;
				const paint = hollow ? 'hollow' : part.fill ? 'solid' : 'line';
				return `${part.d} ${paint} dash:${part.dash}`;
			})
			.join(' + ');
		const icon = parts[parts.length - 1]!;
		const color = (white(icon.fill) ? icon.stroke : (icon.fill ?? icon.stroke))!;
		items.push({ label: text.text, form, color });
	}
	return items;
}

/** Pairs of legend entries told apart by colour alone: same form, and under 3:1 to each other. */
function colourOnlyPairs(items: readonly LegendItem[]): string[] {
	const pairs: string[] = [];
	items.forEach((a, i) =>
		items.slice(i + 1).forEach((b) => {
			if (a.form === b.form && contrastRatio(a.color, b.color) < NON_TEXT_CONTRAST) {
				pairs.push(`${a.label} ~ ${b.label}`);
			}
		})
	);
	return pairs;
}

for (const { view, tab, charts: ids, highlight } of CASES) {
	for (const locale of ['ko', 'en'] as const satisfies readonly Locale[]) {
		const name = `${view}${highlight ? ' (two districts highlighted)' : ''}, ${locale}`;
		test(`chart contrast and colour-independence: ${name}`, async ({ page }) => {
			const query = new URLSearchParams();
			if (locale === 'en') query.set('lang', 'en');
			if (highlight) query.set('d', HIGHLIGHTED.map((d) => d.code).join(','));
			await openDashboard(page, query.size ? `?${query}` : '');
			if (view === 'budget') {
				// Added to the sample's budget lines, not in their place.
				await openOwnData(page);
				await page
					.getByRole('checkbox', {
						name:
							locale === 'ko'
								? '예시 데이터 대신 올린 파일만 보기'
								: 'Show my files instead of the sample'
					})
					.uncheck();
				await chooseFiles(page, {
					name: FLAGGED_FILE,
					mimeType: 'text/csv',
					buffer: Buffer.from(FLAGGED_CSV)
				});
				await expect(page.getByTestId('import-results')).toContainText(FLAGGED_FILE);
			}
			await page.getByRole('link', { name: tab[locale], exact: true }).click();
			await expect(page.getByRole('link', { name: tab[locale], exact: true })).toHaveAttribute(
				'aria-current',
				'page'
			);
			if (view === 'budget') {
				await expect(page.getByTestId('execution-rate').locator('.chart svg')).toContainText(
					'2021'
				);
			}
			await page.mouse.move(0, 0); // no tooltip or emphasis
			await chartsDrawn(page, ids);
			const charts = await readCharts(page, ids);
			const chart = (id: string) => charts.find((c) => c.id === id)!;

			await test.step('every text reaches 4.5:1 on what is drawn behind it', () => {
				const covered = charts.flatMap((c) =>
					c.texts.filter((t) => t.coveredBy).map((t) => `${c.id} "${t.text}": ${t.coveredBy}`)
				);
				expect(covered, 'chart texts hidden under other elements').toEqual([]);
				const texts = textContrasts(charts);
				for (const id of ids) {
					expect(
						texts.filter((t) => t.chart === id).length,
						`${id}: texts found`
					).toBeGreaterThanOrEqual(5);
				}
				console.log(`${name}: lowest text contrast:\n  ${worst(texts).join('\n  ')}`);
				expect
					.soft(
						worst(
							texts.filter((t) => t.ratio < TEXT_CONTRAST),
							20
						),
						'texts under 4.5:1'
					)
					.toEqual([]);
			});

			await test.step('every series mark reaches 3:1 on the chart background', () => {
				const { measured, exempt } = markContrasts(charts);
				for (const id of ids) {
					if (id === 'gap-heatmap') continue; // all its marks are cells (see exemption)
					expect(
						measured.filter((m) => m.chart === id).length,
						`${id}: marks found`
					).toBeGreaterThanOrEqual(3);
				}
				console.log(
					`${name}: lowest mark contrast:\n  ${worst(measured).join('\n  ')}\n` +
						`  exempt: ${JSON.stringify(Object.fromEntries(exempt))}`
				);
				expect
					.soft(
						worst(
							measured.filter((m) => m.ratio < NON_TEXT_CONTRAST),
							20
						),
						'marks under 3:1'
					)
					.toEqual([]);
			});

			await test.step('colour is not the only carrier of meaning', () => {
				checkColourIndependence(view, highlight, locale, chart);
			});
		});
	}
}

function checkColourIndependence(
	view: View,
	highlight: boolean,
	locale: Locale,
	chart: (id: string) => DrawnChart
) {
	const districts = Object.keys(views.district_codes).length;
	const years = views.years.length;
	const legends: Record<string, number> = {
		'score-gap': 3,
		'budget-execution': 2,
		'execution-rate': years + 1, // with the year added above
		'score-money': years,
		// With districts highlighted these two have no legend: the highlighted lines are named.
		'trend-lines': highlight ? 0 : districts,
		'gap-trend': highlight ? 0 : districts
	};
	for (const [id, count] of Object.entries(legends)) {
		if (!VIEWS.find((v) => v.view === view)!.charts.includes(id as never)) continue;
		const items = legendItems(chart(id));
		expect(
			items.map((item) => item.label),
			`${id}: a legend entry per series`
		).toHaveLength(count);
		// Ten districts, seven marker shapes: past the seventh the line's dash differs too.
		expect
			.soft(colourOnlyPairs(items), `${id}: legend entries told apart by colour alone`)
			.toEqual([]);
	}

	if (view === 'gap') {
		// Every heatmap cell has its signed value printed on it.
		const heatmap = chart('gap-heatmap');
		const onCells = heatmap.texts.filter((text) =>
			text.layers.some((layer) => 'color' in layer && layer.alpha > 0)
		);
		const cells = Object.values(views.gap_heatmap_mean_all_years).flatMap(Object.values).length;
		expect(onCells.map((text) => text.text)).toHaveLength(cells);
		for (const text of onCells) expect(text.text).toMatch(/^[+−±]\d+\.\d$/);
		// The Bland–Altman reference lines are named, not only drawn in their colours.
		const labels = chart('bland-altman').texts.map((text) => text.text);
		for (const name of AGREEMENT_LINES[locale]) {
			expect(
				labels.filter((label) => label.startsWith(name)),
				name
			).toHaveLength(1);
		}
	}

	if (view === 'budget') {
		expect(SEONGBUK_2017.spent / (2 * SEONGBUK_2017.planned)).toBeLessThan(0.8);
		// Flagged points carry ▼ (under 80%) or ▲ (over 100%), and are drawn larger (15 against 9).
		const rate = chart('execution-rate');
		const marks = rate.texts.map((text) => text.text);
		expect(marks.filter((mark) => mark === '▼')).toHaveLength(FLAGGED.under);
		expect(marks.filter((mark) => mark === '▲')).toHaveLength(FLAGGED.over);
		const points = rate.shapes.filter((shape) => shape.transform?.startsWith('matrix('));
		const scales = [...new Set(points.map((shape) => shape.scale))].sort((a, b) => a - b);
		expect(scales).toEqual([4.5, 7.5]);
		expect(points.filter((shape) => shape.scale === 7.5)).toHaveLength(
			FLAGGED.under + FLAGGED.over
		);
		// The dark rim shows only on solid markers: a hollow symbol (emptyCircle…) is outlined in
		// its series colour and ECharts drops the flag's borderColor (reported, issue 7).
		const rimmed = points.filter(
			(shape) => shape.stroke && hex(parseColor(shape.stroke)) === '#1f2328'
		);
		expect(rimmed).toHaveLength(FLAGGED.solid);
	}

	if (view === 'trend') {
		// The bump chart has no legend: each line is named at its ends instead.
		const names = highlight
			? HIGHLIGHTED.map((d) => d[locale])
			: legendItems(chart('trend-lines')).map((item) => item.label);
		const bump = chart('rank-bump').texts.map((text) => text.text);
		expect(names.length).toBeGreaterThan(0);
		// Highlighted lines are named at their end; the grey ones are context, not told apart.
		if (highlight) {
			for (const id of ['trend-lines', 'gap-trend']) {
				const texts = chart(id).texts.map((text) => text.text);
				for (const name of names) expect(texts, `${name} named on ${id}`).toContain(name);
			}
		}
		for (const name of names) {
			expect(
				bump.some(
					(text) => text === name || (text.endsWith('...') && name.startsWith(text.slice(0, -3)))
				),
				`${name} named on the rank chart`
			).toBe(true);
		}
	}
}
