import type { Preparer } from '$lib/csv/prepare';
import type { Cp949Decoder } from '$lib/csv/decode';
import { importCsv, type ImportIssue, type ImportMode } from '$lib/csv/import';
import type { ColumnOverrides } from '$lib/csv/columns';
import type { Engine } from '$lib/engine/types';
import { replaySteps } from './choices';
import { importSample, type FetchBytes } from './sample';

/** A published dataset as the server describes it. */
export interface PublishedDataset {
	id: string;
	createdAt: string;
	/** What the editor called it; datasets published before titles have none. */
	title?: string;
	files: { hash: string; name: string; bytes: number; choices: Record<string, unknown> }[];
}

/** How a file is imported; kept with the file and replayed after a reload. */
export interface ImportChoices {
	mode: ImportMode;
	validOnly: boolean;
	columnOverrides?: ColumnOverrides;
	/** An 'add' import replaces the loaded rows it repeats (chosen after it was stopped for them). */
	replaceOverlaps?: boolean;
	/** The file took the place of the sample's rows of its kind (staff's first file of a kind). */
	setAsideSample?: boolean;
	/** The file's layout (one other than the long one) was previewed and confirmed. */
	confirmLayout?: boolean;
	/** Values given by hand for the whole table: a crosstab's year, source and evaluator. */
	given?: Partial<Record<'year' | 'evaluator_type' | 'evaluator_id', string>>;
	/** For a workbook, the sheet read. */
	sheet?: string;
}

/** A published (or about to be published) file that does not import, with the importer's first issue. */
export class PublishedImportError extends Error {
	constructor(
		readonly file: string,
		readonly issue: ImportIssue | null
	) {
		super(`${file}: ${issue?.code ?? 'not imported'}${issue ? ` at line ${issue.line}` : ''}`);
		this.name = 'PublishedImportError';
	}
}

/**
 * Loads a published dataset into an engine that has the schema: the shipped sample, then the
 * dataset's files in order with the choices they were imported with. The browser and the
 * server (for the first figures) load it through this one path, so both hold the same rows.
 * Throws a PublishedImportError if a file does not import (each was checked when published).
 */
export async function importPublished(
	engine: Engine,
	dataset: PublishedDataset,
	sources: {
		fetchBytes: FetchBytes;
		/** One of the dataset's files by its SHA-256. */
		fileBytes: (hash: string) => Promise<Uint8Array>;
		prepare?: Preparer;
		decodeCp949?: Cp949Decoder;
	}
): Promise<void> {
	await importSample(engine, sources.fetchBytes, { decodeCp949: sources.decodeCp949 });
	for (const file of dataset.files) {
		const bytes = await sources.fileBytes(file.hash);
		// A workbook several of whose sheets were imported replays each, in order.
		for (const step of replaySteps(file.choices)) {
			const result = await importCsv(
				engine,
				{ name: file.name, bytes },
				{ ...step, prepare: sources.prepare, decodeCp949: sources.decodeCp949 }
			);
			if (!result.imported) throw new PublishedImportError(file.name, result.issues[0] ?? null);
		}
	}
}
