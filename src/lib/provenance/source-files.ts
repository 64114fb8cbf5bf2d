import type { FileKind } from '$lib/csv/columns';
import type { ImportMode } from '$lib/csv/import-sql';
import type { Engine } from '$lib/engine/types';

/** Where a loaded file came from. */
export type FileOrigin = 'sample' | 'upload' | 'published';

/** One file whose rows are loaded, as 출처 and 변경 비교 name it. */
export interface SourceFile {
	/** Its SHA-256: the `file_id` of every row it gave. */
	hash: string;
	name: string;
	kind: FileKind;
	origin: FileOrigin;
	/** When it was imported (an upload) or published; null for the shipped sample. */
	importedAt: string | null;
	mode: ImportMode;
	/** Rows of this kind loaded from it now (an `add` after it can have replaced some). */
	rows: number;
}

/** What is known of the files besides the engine: this browser's uploads, a published manifest. */
export interface FileRecords {
	uploads: readonly { hash: string; name: string; importedAt: string; choices: object }[];
	published: {
		createdAt: string;
		files: readonly { hash: string; name: string; choices: object }[];
	} | null;
}

const MODES: readonly ImportMode[] = ['add', 'replace-years', 'replace-all'];

function modeOf(choices: object): ImportMode {
	const mode = (choices as { mode?: unknown }).mode;
	return MODES.find((known) => known === mode) ?? 'add';
}

/**
 * The files whose rows are loaded in `engine`, each with its kind (the table its rows are in),
 * name, origin, import time and mode; a workbook whose sheets went to both tables is listed once
 * per kind. Ordered as loaded: the sample, then the files in the order their records list them.
 */
export async function loadedFiles(engine: Engine, records: FileRecords): Promise<SourceFile[]> {
	const found = await engine.query<{
		file_id: string;
		kind: FileKind;
		rows: number;
		sample_name: string | null;
	}>(
		`SELECT f.file_id, f.kind, f.rows, s.name AS sample_name FROM (
			SELECT file_id, 'evaluations' AS kind, count(*)::INTEGER AS rows FROM evaluations
			GROUP BY file_id
			UNION ALL
			SELECT file_id, 'budget' AS kind, count(*)::INTEGER AS rows FROM budget GROUP BY file_id
		) f LEFT JOIN sample_files s USING (file_id)
		ORDER BY s.name IS NULL, s.name, f.file_id, f.kind`
	);
	const uploads = new Map(records.uploads.map((upload) => [upload.hash, upload]));
	const published = new Map(records.published?.files.map((file) => [file.hash, file]) ?? []);
	// A file's place in its record's list; the sample's files come first, unknown ones last.
	const listed = [...(records.published?.files ?? []), ...records.uploads].map((file) => file.hash);
	const place = (row: (typeof found)[number]) =>
		row.sample_name !== null ? -1 : listed.indexOf(row.file_id) + 1 || listed.length + 1;
	const ordered = found
		.map((row, index) => ({ row, index }))
		.sort((a, b) => place(a.row) - place(b.row) || a.index - b.index)
		.map(({ row }) => row);
	return ordered.map(({ file_id, kind, rows, sample_name }): SourceFile => {
		const base = { hash: file_id, kind, rows };
		if (sample_name !== null) {
			return { ...base, name: sample_name, origin: 'sample', importedAt: null, mode: 'add' };
		}
		const file = published.get(file_id);
		if (file && records.published) {
			return {
				...base,
				name: file.name,
				origin: 'published',
				importedAt: records.published.createdAt,
				mode: modeOf(file.choices)
			};
		}
		const upload = uploads.get(file_id);
		return {
			...base,
			// Rows of a file no record names (one refused by the store, in this page only).
			name: upload?.name ?? file_id.slice(0, 12),
			origin: 'upload',
			importedAt: upload?.importedAt ?? null,
			mode: upload ? modeOf(upload.choices) : 'add'
		};
	});
}
