import type { IccResult } from '$lib/analysis/icc';
import type { EvaluatorType, ExternalSource } from '$lib/domain/evaluation';
import type { Engine } from '$lib/engine/types';
import type { DashboardFilters } from '$lib/query/filters';
import {
	queryBudgetProvenance,
	type BudgetProvenance,
	type BudgetScope
} from './budget-provenance';
import {
	PROVENANCE_ROW_LIMIT,
	queryGapProvenance,
	queryScoreProvenance,
	querySourceRows,
	type FigureScope,
	type GapProvenance,
	type ScoreProvenance,
	type ScoreScope
} from './score-provenance';

/** What a figure on the page is called and how it reads there, for the dialog's heading. */
interface Shown {
	/** The figure's name: "성북구 · 자체평가", "자체평가 평균". */
	label: string;
	/** The figure as the page shows it: "73.1점". */
	text: string;
	/** The filters the figure is computed under, where they are not the page's (the trend's). */
	filters?: DashboardFilters;
}

/** A figure whose 출처 is asked for: what kind of figure, over which part of the data. */
export type ProvenanceRequest = Shown &
	(
		| { kind: 'score'; scope: ScoreScope }
		| { kind: 'gap'; scope: FigureScope; external: ExternalSource }
		/** The external score alone (the mean of officials and experts, or one of them). */
		| { kind: 'external'; scope: FigureScope; external: ExternalSource }
		/** The gap with its 95% interval, over clusters (the bias figure). */
		| { kind: 'bias'; scope: FigureScope; external: ExternalSource }
		| { kind: 'budget'; scope: BudgetScope; figure: 'planned' | 'spent' | 'rate' }
		/**
		 * An agreement (ICC) as computed: between the three sources (their matched units' rows) or
		 * among one source's evaluators (that source's rows), over all years shown or one.
		 */
		| { kind: 'icc'; result: IccResult; among: 'sources' | EvaluatorType; year?: number }
	);

/** A figure traced: the request, and the sums and rows that make it. */
export type Provenance =
	| { kind: 'score'; request: ProvenanceRequest & { kind: 'score' }; trace: ScoreProvenance }
	| {
			kind: 'gap' | 'external' | 'bias';
			request: ProvenanceRequest & { kind: 'gap' | 'external' | 'bias' };
			trace: GapProvenance;
	  }
	| { kind: 'budget'; request: ProvenanceRequest & { kind: 'budget' }; trace: BudgetProvenance }
	| {
			kind: 'icc';
			request: ProvenanceRequest & { kind: 'icc' };
			trace: Pick<ScoreProvenance, 'rows' | 'rowCount' | 'byFile'>;
	  };

/** Traces a figure under the page's filters; `rowLimit` rows are listed (all are counted). */
export async function traceFigure(
	engine: Engine,
	filters: DashboardFilters,
	request: ProvenanceRequest,
	rowLimit = PROVENANCE_ROW_LIMIT
): Promise<Provenance> {
	switch (request.kind) {
		case 'score':
			return {
				kind: 'score',
				request,
				trace: await queryScoreProvenance(engine, filters, request.scope, rowLimit)
			};
		case 'gap':
		case 'external':
		case 'bias':
			return {
				kind: request.kind,
				request,
				trace: await queryGapProvenance(engine, filters, request.scope, request.external, rowLimit)
			};
		case 'budget':
			return {
				kind: 'budget',
				request,
				trace: await queryBudgetProvenance(engine, filters, request.scope, rowLimit)
			};
		case 'icc': {
			const { among, year } = request;
			return {
				kind: 'icc',
				request,
				trace:
					among === 'sources'
						? await queryGapProvenance(engine, filters, { year }, 'mean', rowLimit)
						: await querySourceRows(engine, filters, among, year, rowLimit)
			};
		}
	}
}
