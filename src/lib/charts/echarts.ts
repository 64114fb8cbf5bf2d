// The only module that creates, updates and disposes ECharts instances in the browser.
import type { ECharts, EChartsOption } from 'echarts';
import type { ChartClick } from './built-chart';
import { DrawQueue } from './draw-queue';

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

/** Every chart of the page is drawn through it, a few per task (see `DrawQueue`). */
const drawQueue = new DrawQueue();
/**
 * How near the window a chart counts as in sight: one about to be scrolled to is drawn with the
 * charts on screen, so scrolling finds it drawn.
 */
const SIGHT_MARGIN = '50% 0px';
let drawsBeforePrint = false;

/**
 * Svelte action owning one chart's lifecycle: init on mount, replace the whole option on
 * update (whole series and axes replaced, so a removed series really goes), resize with its box,
 * dispose on destroy. Drawing waits its turn in the page's draw queue; a chart out of sight is
 * redrawn when the page is idle, or at once when it comes into sight.
 */
export function chart(node: HTMLElement, params: ChartParams) {
	if (!drawsBeforePrint) {
		drawsBeforePrint = true;
		// A printout shows the charts as the data now are.
		window.addEventListener('beforeprint', () => drawQueue.drawAll());
	}
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
	// What the next drawing must do: the option to draw, and whether the box changed size.
	let optionToDraw: EChartsOption | null = null;
	let resized = false;
	const draw = () => {
		const drawn = instance;
		if (!drawn || destroyed) return;
		// The parts a chart's data reshapes are replaced whole; the rest (tooltip, ARIA) is
		// updated in place: rebuilding the tooltip on every change costs a forced layout. With a
		// new size too, the option waits (`lazyUpdate`) for `resize`, which draws it: once.
		if (optionToDraw) {
			drawn.setOption(optionToDraw, { replaceMerge: REPLACED_PARTS, lazyUpdate: resized });
		}
		if (resized) {
			drawn.resize();
			fitViewBox();
		}
		optionToDraw = null;
		resized = false;
	};
	// A filter change redraws every chart of the view, and most are below the window: those
	// wait for the page to be idle, so the charts staff look at change sooner. Until the first
	// report, a chart counts as in sight.
	let inSight = true;
	const askToDraw = () => {
		if (inSight) drawQueue.ask(node, draw);
		else drawQueue.askWhenIdle(node, draw);
	};
	const sightObserver = new IntersectionObserver(
		(entries) => {
			inSight = entries.at(-1)?.isIntersecting ?? inSight;
			// Scrolled to before the page was idle: drawn now, with its waiting drawing.
			if (inSight && (optionToDraw || resized)) drawQueue.ask(node, draw);
		},
		{ rootMargin: SIGHT_MARGIN }
	);
	const resizeObserver = new ResizeObserver(() => {
		if (printing?.matches || !instance) return;
		// Observing reports the size the chart was just drawn at: nothing to do then.
		if (node.clientWidth === instance.getWidth() && node.clientHeight === instance.getHeight()) {
			return;
		}
		resized = true;
		askToDraw();
	});

	// ECharts is fetched on demand: until it is here, the server's drawing stands in. ECharts
	// measures label widths once and caches them; measured before the web font has loaded,
	// Korean labels get the fallback font's widths and overlap. So start after both.
	const fontsReady = document.fonts?.ready ?? Promise.resolve();
	Promise.all([import('./setup'), fontsReady]).then(([{ echarts }]) => {
		drawQueue.ask(node, () => {
			if (destroyed) return;
			// SVG: crisp in print and PDF, text stays text, and the download is the chart itself.
			const drawn = echarts.init(node, null, { renderer: 'svg' });
			instance = drawn;
			drawn.setOption(latest.option, { notMerge: true });
			// The browser's chart is drawn: the server's stand-in goes, in the same frame.
			for (const stale of node.querySelectorAll(':scope > [data-server-chart]')) stale.remove();
			// Clicks on marks and on axis labels (axis labels need `triggerEvent: true`).
			drawn.on('click', (event) => latest.onClick?.(event as unknown as ChartClick));
			drawn.on('finished', fitViewBox);
			resizeObserver.observe(node);
			sightObserver.observe(node);
			latest.onReady?.({
				toSvg: () => {
					drawQueue.drawNow(node);
					return drawn.renderToSVGString();
				}
			});
		});
	});

	return {
		update(next: ChartParams) {
			const optionChanged = next.option !== latest.option;
			latest = next;
			// Before the first drawing, that drawing takes the latest option itself.
			if (!optionChanged || !instance) return;
			optionToDraw = next.option;
			askToDraw();
		},
		destroy() {
			destroyed = true;
			drawQueue.forget(node);
			resizeObserver.disconnect();
			sightObserver.disconnect();
			instance?.dispose();
		}
	};
}
