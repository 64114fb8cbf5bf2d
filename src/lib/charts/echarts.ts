// The only module that creates, updates and disposes ECharts instances.
import { BarChart, ScatterChart } from 'echarts/charts';
import {
	AriaComponent,
	GridComponent,
	LegendComponent,
	TooltipComponent
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

// Only the parts in use are bundled (modular import); add a part here when a chart needs it.
echarts.use([
	BarChart,
	ScatterChart,
	AriaComponent,
	GridComponent,
	LegendComponent,
	TooltipComponent,
	SVGRenderer
]);

/**
 * Svelte action owning one chart's lifecycle: init on mount, replace the whole option on
 * update (`notMerge`, so a removed series really goes), resize with its box, dispose on destroy.
 */
export function chart(node: HTMLElement, option: EChartsOption) {
	let latest = option;
	let instance: echarts.ECharts | undefined;
	let destroyed = false;
	const resizeObserver = new ResizeObserver(() => instance?.resize());

	// ECharts measures label widths once and caches them; measured before the web font has
	// loaded, Korean labels get the fallback font's widths and overlap. So start after it.
	const fontsReady = document.fonts?.ready ?? Promise.resolve();
	fontsReady.then(() => {
		if (destroyed) return;
		// SVG: crisp in print and PDF, and text stays text.
		instance = echarts.init(node, null, { renderer: 'svg' });
		instance.setOption(latest, { notMerge: true });
		resizeObserver.observe(node);
	});

	return {
		update(next: EChartsOption) {
			latest = next;
			instance?.setOption(next, { notMerge: true });
		},
		destroy() {
			destroyed = true;
			resizeObserver.disconnect();
			instance?.dispose();
		}
	};
}
