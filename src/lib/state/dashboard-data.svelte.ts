import { pivotDistrictTotals, type DistrictScores } from '$lib/analysis/totals';
import { importCsv, type ImportResult } from '$lib/csv/import';
import { loadSampleDataset, type FetchBytes } from '$lib/dataset/sample';
import type { Engine } from '$lib/engine/types';
import { buildBudgetTotalsQuery, type BudgetTotalsRow } from '$lib/query/budget';
import type { DashboardFilters } from '$lib/query/filters';
import {
	buildDistrictTotalsQuery,
	FILTER_OPTION_QUERIES,
	type DistrictTotalRow,
	type FilterOptionRows
} from '$lib/query/scores';

export type LoadStatus =
	| { phase: 'engine' }
	| { phase: 'data' }
	| { phase: 'ready'; evaluationRows: number; budgetRows: number }
	| { phase: 'failed'; message: string };

/** What the dashboard shows, read from the engine; filters are handed in, never owned here. */
export class DashboardData {
	status = $state<LoadStatus>({ phase: 'engine' });
	options = $state.raw<FilterOptionRows>({ years: [], districts: [], areas: [] });
	districts = $state.raw<DistrictScores[]>([]);
	budget = $state.raw<BudgetTotalsRow | null>(null);
	/** The filters the figures above were computed for. */
	shownFilters = $state.raw<DashboardFilters | null>(null);
	/** Results of the files the user added in this page, newest last. */
	imports = $state.raw<ImportResult[]>([]);
	/** Bumped whenever the loaded data changes, so views know to query again. */
	revision = $state(0);

	#engine: Engine | null = null;
	#latestRequest = 0;
	readonly #startEngine: () => Promise<Engine>;
	readonly #fetchBytes: FetchBytes;

	constructor(startEngine: () => Promise<Engine>, fetchBytes: FetchBytes) {
		this.#startEngine = startEngine;
		this.#fetchBytes = fetchBytes;
	}

	/** Starts the engine and loads the shipped sample; safe to call once per page. */
	async load(): Promise<void> {
		try {
			const engine = await this.#startEngine();
			this.status = { phase: 'data' };
			const results = await loadSampleDataset(engine, this.#fetchBytes);
			await this.#readOptions(engine);
			this.#engine = engine;
			this.status = {
				phase: 'ready',
				evaluationRows: rowsOfKind(results, 'evaluations'),
				budgetRows: rowsOfKind(results, 'budget')
			};
		} catch (error) {
			this.status = {
				phase: 'failed',
				message: error instanceof Error ? error.message : String(error)
			};
		}
	}

	/**
	 * Checks and imports files the user chose, one after another. A file with any bad row is
	 * refused whole and leaves the loaded data as it was.
	 */
	async importFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<void> {
		const engine = this.#engine;
		if (!engine) return;
		const results: ImportResult[] = [];
		for (const file of files) results.push(await importCsv(engine, file));
		this.imports = [...this.imports, ...results];
		if (results.some((result) => result.imported)) {
			await this.#readOptions(engine);
			if (this.status.phase === 'ready') {
				for (const result of results.filter((r) => r.imported)) {
					if (result.kind === 'evaluations') this.status.evaluationRows += result.rowCount;
					if (result.kind === 'budget') this.status.budgetRows += result.rowCount;
				}
			}
			this.revision++;
		}
	}

	async #readOptions(engine: Engine): Promise<void> {
		const [years, districts, areas] = await Promise.all([
			engine.query<{ year: number }>(FILTER_OPTION_QUERIES.years),
			engine.query<FilterOptionRows['districts'][number]>(FILTER_OPTION_QUERIES.districts),
			engine.query<{ area: string }>(FILTER_OPTION_QUERIES.areas)
		]);
		this.options = {
			years: years.map((row) => row.year),
			districts,
			areas: areas.map((row) => row.area)
		};
	}

	/** Recomputes every figure for `filters`; a slower earlier answer never overwrites a newer one. */
	async refresh(filters: DashboardFilters): Promise<void> {
		const engine = this.#engine;
		if (!engine) return;
		const request = ++this.#latestRequest;
		const totals = buildDistrictTotalsQuery(filters);
		const budget = buildBudgetTotalsQuery(filters);
		try {
			const [totalRows, [budgetRow]] = await Promise.all([
				engine.query<DistrictTotalRow>(totals.sql, totals.params),
				engine.query<BudgetTotalsRow>(budget.sql, budget.params)
			]);
			if (request !== this.#latestRequest) return;
			this.districts = pivotDistrictTotals(totalRows);
			this.budget = budgetRow ?? null;
			this.shownFilters = filters;
		} catch (error) {
			if (request !== this.#latestRequest) return;
			this.status = {
				phase: 'failed',
				message: error instanceof Error ? error.message : String(error)
			};
		}
	}
}

function rowsOfKind(results: { kind: string | null; rowCount: number }[], kind: string): number {
	return results.filter((result) => result.kind === kind).reduce((sum, r) => sum + r.rowCount, 0);
}
