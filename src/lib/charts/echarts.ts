// The only module that creates, updates and disposes ECharts instances in the browser.
import type { ECharts, EChartsOption } from 'echarts';
import type { ChartClick } from './built-chart';

/** Option parts replaced whole on an update, so nothing of the previous data lingers. */
const REPLACED_PARTS = ['series', 'xAxis', 'yAxis', 'grid', 'legend', 'visualMap'];

/** What the page can ask of a drawn chart. */
export interface ChartHandle {
	/** The chart as a standalone SVG document. */
	toSvg(): string;
}

export interface ChartParams {
	option: EChartsOption;
	onClick?: (click: ChartClick) => void;
	onReady?: (handle: ChartHandle) => void;
}

/**
 * Svelte action owning one chart's lifecycle: init on mount, replace the whole option on
 * update (whole series and axes replaced, so a removed series really goes), resize with its box,
 * dispose on destroy.
 */
export function chart(node: HTMLElement, params: ChartParams) {
	let latest = params;
	let instance: ECharts | undefined;
	let destroyed = false;
	// While printing, the drawing keeps its screen size and print CSS scales it through the
	// viewBox: browsers lay out the printed page without telling resize observers in time.
	const printing = window.matchMedia?.('print');
	const fitViewBox = () => {
		const svg = node.querySelector('svg');
		const width = svg?.getAttribute('width');
		const height = svg?.getAttribute('height');
		if (svg && width && height) svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
	};
	const resizeObserver = new ResizeObserver(() => {
		if (printing?.matches) return;
		instance?.resize();
		fitViewBox();
	});

	// ECharts is fetched on demand: until it is here, the server's drawing stands in. ECharts
	// measures label widths once and caches them; measured before the web font has loaded,
	// Korean labels get the fallback font's widths and overlap. So start after both.
	const fontsReady = document.fonts?.ready ?? Promise.resolve();
	Promise.all([import('./setup'), fontsReady]).then(([{ echarts }]) => {
		if (destroyed) return;
		// SVG: crisp in print and PDF, text stays text, and the download is the chart itself.
		instance = echarts.init(node, null, { renderer: 'svg' });
		instance.setOption(latest.option, { notMerge: true });
		// The browser's chart is drawn: the server's stand-in goes, in the same frame.
		for (const drawing of node.querySelectorAll(':scope > [data-server-chart]')) drawing.remove();
		// Clicks on marks and on axis labels (axis labels need `triggerEvent: true`).
		instance.on('click', (event) => latest.onClick?.(event as unknown as ChartClick));
		instance.on('finished', fitViewBox);
		resizeObserver.observe(node);
		const drawn = instance;
		latest.onReady?.({ toSvg: () => drawn.renderToSVGString() });
	});

	return {
		update(next: ChartParams) {
			const optionChanged = next.option !== latest.option;
			latest = next;
			// The parts a chart's data reshapes are replaced whole; the rest (tooltip, ARIA) is
			// updated in place: rebuilding the tooltip on every change costs a forced layout.
			if (optionChanged) instance?.setOption(next.option, { replaceMerge: REPLACED_PARTS });
		},
		destroy() {
			destroyed = true;
			resizeObserver.disconnect();
			instance?.dispose();
		}
	};
}
