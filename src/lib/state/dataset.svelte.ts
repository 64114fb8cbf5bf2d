import { importCsv, type ImportResult } from '$lib/csv/import';
import { loadSampleDataset, type FetchBytes } from '$lib/dataset/sample';
import type { Engine } from '$lib/engine/types';
import { FILTER_OPTION_QUERIES, type FilterOptionRows } from '$lib/query/scores';

export type LoadStatus =
	| { phase: 'engine' }
	| { phase: 'data' }
	| { phase: 'ready'; evaluationRows: number; budgetRows: number }
	| { phase: 'failed'; message: string };

const NO_OPTIONS: FilterOptionRows = { years: [], districts: [], areas: [], indicators: [] };

/**
 * The loaded data: the engine, what is in it, and the files the user added. Views read
 * `engine` and `revision` and run their own queries; filters live in the URL, not here.
 */
export class DatasetState {
	status = $state<LoadStatus>({ phase: 'engine' });
	options = $state.raw<FilterOptionRows>(NO_OPTIONS);
	/** Results of the files the user added in this page, newest last. */
	imports = $state.raw<ImportResult[]>([]);
	/** Bumped whenever the loaded data changes, so views know to query again. */
	revision = $state(0);
	/** The engine once the data is in it; null before. */
	engine = $state.raw<Engine | null>(null);

	readonly #startEngine: () => Promise<Engine>;
	readonly #fetchBytes: FetchBytes;

	constructor(startEngine: () => Promise<Engine>, fetchBytes: FetchBytes) {
		this.#startEngine = startEngine;
		this.#fetchBytes = fetchBytes;
	}

	/** Starts the engine and loads the shipped sample; call once per page. */
	async load(): Promise<void> {
		try {
			const engine = await this.#startEngine();
			this.status = { phase: 'data' };
			const results = await loadSampleDataset(engine, this.#fetchBytes);
			await this.#readOptions(engine);
			this.engine = engine;
			this.status = {
				phase: 'ready',
				evaluationRows: rowsOfKind(results, 'evaluations'),
				budgetRows: rowsOfKind(results, 'budget')
			};
		} catch (error) {
			this.status = { phase: 'failed', message: messageOf(error) };
		}
	}

	/**
	 * Checks and imports files the user chose, one after another. A file with any bad row is
	 * refused whole and leaves the loaded data as it was.
	 */
	async importFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<void> {
		const engine = this.engine;
		if (!engine || this.status.phase !== 'ready') return;
		const results: ImportResult[] = [];
		for (const file of files) results.push(await importCsv(engine, file));
		this.imports = [...this.imports, ...results];
		const imported = results.filter((result) => result.imported);
		if (imported.length === 0) return;
		await this.#readOptions(engine);
		this.status = {
			phase: 'ready',
			evaluationRows: this.status.evaluationRows + rowsOfKind(imported, 'evaluations'),
			budgetRows: this.status.budgetRows + rowsOfKind(imported, 'budget')
		};
		this.revision++;
	}

	async #readOptions(engine: Engine): Promise<void> {
		const [years, districts, areas, indicators] = await Promise.all([
			engine.query<{ year: number }>(FILTER_OPTION_QUERIES.years),
			engine.query<FilterOptionRows['districts'][number]>(FILTER_OPTION_QUERIES.districts),
			engine.query<{ area: string }>(FILTER_OPTION_QUERIES.areas),
			engine.query<FilterOptionRows['indicators'][number]>(FILTER_OPTION_QUERIES.indicators)
		]);
		this.options = {
			years: years.map((row) => row.year),
			districts,
			areas: areas.map((row) => row.area),
			indicators
		};
	}
}

function rowsOfKind(results: readonly ImportResult[], kind: ImportResult['kind']): number {
	return results.filter((result) => result.kind === kind).reduce((sum, r) => sum + r.rowCount, 0);
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
