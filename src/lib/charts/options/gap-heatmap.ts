import { districtLabel } from '$lib/domain/district';
import type { EChartsOption } from 'echarts';
import { formatNumber, formatSignedNumber, formatSignedPoints } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n';
import type { GapMatrix } from '$lib/analysis/gap-matrix';
import { AXIS_TEXT, chartBase } from '../palette';
import { markClicked, type BuiltChart } from '../built-chart';
import { escapeHtml } from './escape';

export interface GapHeatmapSpec {
	locale: Locale;
	/** The sentence screen readers hear for the chart (its main finding). */
	description: string;
	labels: {
		/** Legend title and tooltip name of the value, with its unit, e.g. '격차 (자체 − 외부, 점)'. */
		gapAxis: string;
	};
}

// Orange–brown (ColorBrewer PuOr) for self below external, blue (ColorBrewer RdBu) for self
// above: the pair colour-blind readers still tell apart. Lightest first, darkest last.
const NEGATIVE_COLORS = ['#fee0b6', '#fdb863', '#e08214', '#b35806', '#7f3b08'] as const;
const POSITIVE_COLORS = ['#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'] as const;
const NEUTRAL_COLOR = '#f0f0f0';
const BINS_PER_SIDE = 5;

// Cell text: whichever of these contrasts more with the cell; every colour above reaches 4.5:1
// with one of them.
const DARK_TEXT = '#1f2328';
const LIGHT_TEXT = '#ffffff';

const ROW_LABEL_WIDTH = 160;
const COLUMN_LABEL_WIDTH = 80;

/** The symmetric colour range ±limit: the largest |gap| rounded up to a multiple of 5, at least 5. */
export function heatmapLimit(matrix: Pick<GapMatrix, 'cells'>): number {
	let largest = 0;
	for (const { gap } of matrix.cells) {
		if (Number.isFinite(gap)) largest = Math.max(largest, Math.abs(gap));
	}
	return Math.max(5, Math.ceil(largest / 5) * 5);
}

interface Piece {
	gt?: number;
	gte?: number;
	lt?: number;
	lte?: number;
	color: string;
	label: string;
}

// A gap shown as ±0.0 (|gap| < 0.05) gets the neutral colour, so the colour never claims a
// direction the number does not show. Bins are symmetric in |gap|.
function gapPieces(limit: number, locale: Locale): Piece[] {
	const step = limit / BINS_PER_SIDE;
	const signed = (value: number) =>
		(value > 0 ? '+' : value < 0 ? '−' : '') + formatNumber(Math.abs(value), locale);
	const range = (from: number, to: number) => `${signed(from)} ~ ${signed(to)}`;
	const negative: Piece[] = [];
	const positive: Piece[] = [];
	for (let bin = 0; bin < BINS_PER_SIDE; bin++) {
		const inner = bin * step;
		const outer = (bin + 1) * step;
		const last = bin === BINS_PER_SIDE - 1;
		negative.unshift({
			...(last ? {} : { gt: -outer }),
			...(bin === 0 ? { lte: -0.05 } : { lte: -inner }),
			color: NEGATIVE_COLORS[bin]!,
			label: range(-outer, -inner)
		});
		positive.push({
			...(bin === 0 ? { gte: 0.05 } : { gte: inner }),
			...(last ? {} : { lt: outer }),
			color: POSITIVE_COLORS[bin]!,
			label: range(inner, outer)
		});
	}
	return [...negative, { gt: -0.05, lt: 0.05, color: NEUTRAL_COLOR, label: '0' }, ...positive];
}

function pieceColor(pieces: readonly Piece[], value: number): string {
	const piece = pieces.find(
		(p) =>
			(p.gt === undefined || value > p.gt) &&
			(p.gte === undefined || value >= p.gte) &&
			(p.lt === undefined || value < p.lt) &&
			(p.lte === undefined || value <= p.lte)
	);
	return piece?.color ?? NEUTRAL_COLOR;
}

// WCAG 2 relative luminance and contrast ratio.
function luminance(hex: string): number {
	const rgb = parseInt(hex.slice(1), 16);
	const [r, g, b] = [(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255].map((channel) => {
		const c = channel / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
	const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (high + 0.05) / (low + 0.05);
}

function textColorOn(background: string): string {
	return contrast(background, DARK_TEXT) >= contrast(background, LIGHT_TEXT)
		? DARK_TEXT
		: LIGHT_TEXT;
}

/**
 * Heatmap of self − external gaps: a column per district, a row per area or indicator (first row
 * on top), diverging colours centred on 0. Each cell shows the signed gap with one decimal and
 * no unit (+3.2, −6.2, ±0.0; the unit is in `labels.gapAxis`); cells without data stay blank.
 * A click on a cell gives its district and row.
 */
export function buildGapHeatmapChart(
	matrix: GapMatrix,
	spec: GapHeatmapSpec
): BuiltChart<{ district: GapMatrix['columns'][number]; row: string }> {
	const { locale } = spec;
	const limit = heatmapLimit(matrix);
	const pieces = gapPieces(limit, locale);
	const columns = matrix.columns.map((district) => districtLabel(district, locale));
	const cells = matrix.cells.filter(
		(cell) =>
			Number.isFinite(cell.gap) &&
			cell.row >= 0 &&
			cell.row < matrix.rows.length &&
			cell.column >= 0 &&
			cell.column < columns.length
	);
	// Rounded as the data table rounds it, so a cell never reads −7.2 above a table's −7.3.
	const cellText = (gap: number) => formatSignedNumber(gap, locale);
	const rotate = columns.length > 6;

	const option: EChartsOption = {
		...chartBase(spec.description),
		grid: { left: ROW_LABEL_WIDTH + 12, right: 150, top: 8, bottom: rotate ? 72 : 32 },
		tooltip: {
			trigger: 'item',
			confine: true,
			formatter: (params) => {
				const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? -1;
				const cell = cells[index];
				if (!cell) return '';
				return [
					`<strong>${escapeHtml(columns[cell.column] ?? '')}</strong>`,
					escapeHtml(matrix.rows[cell.row] ?? ''),
					`${escapeHtml(spec.labels.gapAxis)}: ${escapeHtml(formatSignedPoints(cell.gap, locale))}`
				].join('<br>');
			}
		},
		xAxis: {
			type: 'category',
			data: columns,
			axisLabel: {
				color: AXIS_TEXT,
				interval: 0,
				rotate: rotate ? 45 : 0,
				width: COLUMN_LABEL_WIDTH,
				overflow: 'truncate',
				ellipsis: '…'
			},
			axisTick: { show: false },
			axisLine: { show: false }
		},
		yAxis: {
			type: 'category',
			data: matrix.rows,
			inverse: true,
			axisLabel: {
				color: AXIS_TEXT,
				interval: 0,
				width: ROW_LABEL_WIDTH,
				overflow: 'truncate',
				ellipsis: '…'
			},
			axisTick: { show: false },
			axisLine: { show: false }
		},
		visualMap: {
			type: 'piecewise',
			seriesIndex: 0,
			dimension: 2,
			pieces,
			// Hiding a band would blank its cells, which then read as "no data".
			selectedMode: false,
			orient: 'vertical',
			right: 8,
			top: 'middle',
			itemWidth: 14,
			itemHeight: 14,
			itemGap: 4,
			showLabel: true,
			// Vertical: the first text goes above the bands (the positive end).
			text: [spec.labels.gapAxis, ''],
			textGap: 8,
			textStyle: { color: AXIS_TEXT, width: 130, overflow: 'break' }
		},
		series: [
			{
				type: 'heatmap',
				data: cells.map((cell) => ({
					value: [cell.column, cell.row, cell.gap],
					label: { color: textColorOn(pieceColor(pieces, cell.gap)) }
				})),
				label: {
					show: true,
					fontSize: 12,
					formatter: (params) => {
						const cell = cells[params.dataIndex];
						return cell ? cellText(cell.gap) : '';
					}
				},
				itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
				emphasis: { itemStyle: { borderColor: DARK_TEXT, borderWidth: 2 } }
			}
		]
	};

	return {
		option,
		itemAt(click) {
			// The series draws the cells kept above, not `matrix.cells`: its data index counts those.
			const mark = markClicked(click);
			const cell = mark?.seriesIndex === 0 ? cells[mark.dataIndex] : undefined;
			const district = cell && matrix.columns[cell.column];
			const row = cell && matrix.rows[cell.row];
			return district && row !== undefined ? { district, row } : undefined;
		}
	};
}
