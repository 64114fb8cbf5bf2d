import type { EvaluatorType } from '$lib/domain/evaluation';

/**
 * Okabe–Ito colours, told apart by colour-blind readers; each evaluator type also has its own
 * marker shape, so greyscale print still separates them. All reach 3:1 against white (WCAG
 * 1.4.11) also as ECharts draws scatter points, at 80% opacity: Okabe–Ito's vermillion #D55E00
 * falls to 2.95:1 there, so self uses a darker vermillion (#C45500: 4.52:1, 3.30:1 at 80%).
 */
export const EVALUATOR_STYLE: Record<EvaluatorType, { color: string; symbol: string }> = {
	self: { color: '#C45500', symbol: 'circle' },
	official: { color: '#0072B2', symbol: 'diamond' },
	expert: { color: '#007A5A', symbol: 'triangle' }
};

export const AXIS_TEXT = '#3b3f46';
export const GRID_LINE = '#d9dce1';
export const RANGE_LINE = '#6b7280';

/**
 * A reference line's label on an opaque white box: where the label falls depends on the
 * machine's fonts, and over a point its words would lose their contrast.
 */
export const OPAQUE_LABEL = { backgroundColor: '#ffffff', padding: [1, 3], borderRadius: 2 };

/** The app's font, named outright: ECharts measures text with it and cannot read CSS `inherit`. */
export const CHART_FONT = "'Pretendard Variable', Pretendard, 'Malgun Gothic', sans-serif";

/**
 * What every chart option starts with: the finding as its ARIA description, no animation (the
 * numbers matter, not the motion, and print and tests see the final frame), the app's font.
 */
export function chartBase(description: string) {
	return {
		aria: { enabled: true, label: { description } },
		animation: false,
		textStyle: { fontFamily: CHART_FONT }
	};
}
