import type { EChartsOption } from 'echarts';

/** Draws a chart as SVG markup without a browser; only the server has one. */
export type ServerChartRenderer = (option: EChartsOption, size: ChartSize) => string;

/** The drawing size on the server, where no box can be measured; the SVG scales to its box. */
export interface ChartSize {
	width: number;
	height: number;
}

let renderer: ServerChartRenderer | null = null;

/**
 * Installed by the server at start (src/hooks.server.ts), so ECharts never enters the page's
 * first JavaScript: the browser shows the server's drawing until its own chart is ready.
 */
export function installServerChartRenderer(next: ServerChartRenderer): void {
	renderer = next;
}

/** The chart drawn as SVG markup on the server; null in the browser. */
export function serverChartSvg(option: EChartsOption, size: ChartSize): string | null {
	return renderer ? renderer(option, size) : null;
}
