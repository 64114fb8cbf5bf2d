// ECharts with only the parts the charts use (modular import), registered once. The browser
// loads this module on demand, after the server-drawn charts are already on screen; the server
// imports it to draw those charts.
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
	AriaComponent,
	GridComponent,
	LegendComponent,
	MarkAreaComponent,
	MarkLineComponent,
	TooltipComponent,
	VisualMapComponent
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

// Add a part here when a chart needs it.
echarts.use([
	BarChart,
	HeatmapChart,
	LineChart,
	ScatterChart,
	AriaComponent,
	GridComponent,
	LegendComponent,
	MarkAreaComponent,
	MarkLineComponent,
	TooltipComponent,
	VisualMapComponent,
	// Without it a series' `labelLayout` (the scatter's hidden overlapping names) is ignored.
	LabelLayout,
	SVGRenderer
]);

export { echarts };
