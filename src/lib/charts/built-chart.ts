// What a chart builder hands back: the option to draw and, from the same layout, the way back
// from a click to the data item drawn there. Views never re-derive a chart's order to read a click.
import type { EChartsOption } from 'echarts';

/** What a click on a mark tells: the series and data item clicked, and the axis label if any. */
export interface ChartClick {
	componentType: string;
	seriesIndex?: number;
	dataIndex?: number;
	/** The category label clicked, or the name of the data item. */
	name?: string;
	/** For axis label clicks: the label's value. */
	value?: unknown;
}

/** A chart's option and the lookup from a click to the data item it drew there. */
export interface BuiltChart<Item> {
	option: EChartsOption;
	itemAt(click: ChartClick): Item | undefined;
}

/**
 * The series and data item of a click on a mark, or undefined for any other click (an axis, the
 * legend, a mark line) or indices that are not whole numbers.
 */
export function markClicked(
	click: ChartClick
): { seriesIndex: number; dataIndex: number } | undefined {
	const { componentType, seriesIndex, dataIndex } = click;
	return componentType === 'series' && Number.isInteger(seriesIndex) && Number.isInteger(dataIndex)
		? { seriesIndex: seriesIndex!, dataIndex: dataIndex! }
		: undefined;
}

/** The label value of a click on a label of the `axis` axis, or undefined for any other click. */
export function axisLabelClicked(click: ChartClick, axis: 'xAxis' | 'yAxis'): string | undefined {
	return click.componentType === axis && click.value !== undefined
		? String(click.value)
		: undefined;
}
