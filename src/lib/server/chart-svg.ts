import type { EChartsOption } from 'echarts';
import { echarts } from '$lib/charts/setup';
import type { ChartSize } from '$lib/charts/server-chart';

/** Drawings kept: the same link opened by many colleagues draws each chart once. */
const CACHE_LIMIT = 200;
const drawn = new Map<string, string>();

/**
 * One chart drawn to SVG markup with ECharts' server-side renderer: the same option the browser
 * draws, so the first paint shows the real chart. ECharts writes labels as escaped SVG text.
 * The drawing is made scalable (viewBox, 100% wide) because the server cannot know the box.
 */
export function renderChartSvg(option: EChartsOption, size: ChartSize): string {
	// Formatters are keyed by their source: the values they close over (words of the locale,
	// figures) also appear as data in the option, so two options with one key draw alike.
	const key = `${size.width}x${size.height}:${JSON.stringify(option, (_, value: unknown) =>
		typeof value === 'function' ? value.toString() : value
	)}`;
	const cached = drawn.get(key);
	if (cached !== undefined) return cached;
	const svg = draw(option, size);
	drawn.set(key, svg);
	if (drawn.size > CACHE_LIMIT) drawn.delete(drawn.keys().next().value as string);
	return svg;
}

function draw(option: EChartsOption, size: ChartSize): string {
	const chart = echarts.init(null, null, {
		renderer: 'svg',
		ssr: true,
		width: size.width,
		height: size.height
	});
	try {
		chart.setOption(option);
		return scalable(chart.renderToSVGString(), size);
	} finally {
		chart.dispose();
	}
}

function scalable(svg: string, { width, height }: ChartSize): string {
	return svg.replace(
		/^<svg\b([^>]*)>/,
		(_, attributes: string) =>
			`<svg${attributes
				.replace(/\swidth="[^"]*"/, ' width="100%"')
				.replace(/\sheight="[^"]*"/, ' height="100%"')
				.replace(/\sviewBox="[^"]*"/, '')} viewBox="0 0 ${width} ${height}">`
	);
}
