// The reports' charts drawn in the browser for the .docx: ECharts renders each to SVG (its
// server-side mode, which needs no element on the page) and a canvas turns the SVG into PNG,
// which Word and 한글 both show.
import { echarts } from '$lib/charts/setup';
import { svgToPng } from '$lib/export/download';
import type { Locale } from '$lib/i18n';
import type { DistrictReport } from './district-report';
import { REPORT_CHART_SIZE, reportChart } from './report-chart';

export async function drawReportCharts(
	reports: readonly DistrictReport[],
	locale: Locale
): Promise<Map<string, Uint8Array>> {
	const charts = new Map<string, Uint8Array>();
	for (const report of reports) {
		const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...REPORT_CHART_SIZE });
		try {
			chart.setOption(reportChart(report, locale).option);
			const png = await svgToPng(chart.renderToSVGString());
			charts.set(report.district.code, new Uint8Array(await png.arrayBuffer()));
		} finally {
			chart.dispose();
		}
	}
	return charts;
}
