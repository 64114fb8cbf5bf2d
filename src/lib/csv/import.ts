import { uploadPath, type Connection, type Engine, type UploadPath } from '$lib/engine/types';
import { refreshEvaluationUnits } from '$lib/query/schema';
import { timedStep } from '$lib/timing/step';
import {
	type ColumnMapping,
	type ColumnOverrides,
	type Field,
	type FileKind,
	type GivenValue
} from './columns';
import { insertCleanFile, mayBeClean, readCleanFile } from './clean-file';
import type { ImportWarning } from './damage';
import type { Cp949Decoder } from './decode';
import { hashesQuickly, sha256Hex, sha256HexInJs } from './hash';
import {
	buildAnyKeptRowSql,
	buildCountsSql,
	buildDeleteSampleSql,
	buildDeleteOverlapsSql,
	buildDeleteTotalRowsSql,
	buildDeleteSql,
	buildDropSql,
	buildInsertSql,
	buildIssuesSql,
	buildOverlapSql,
	buildPreviewSql,
	buildRejectPositionsSql,
	buildRejectsSql,
	buildRepeatedHeaderSql,
	buildStageSql,
	buildTotalMismatchSql,
	buildTotalRowsSql,
	buildTypedTableSql,
	changedRowCount,
	importTables,
	readMapping,
	repeatedHeaderColumns,
	OVERLAP_FIELD,
	type ImportMode,
	type ImportTables,
	type IssueCode
} from './import-sql';
import {
	prepareFile,
	type FileEncoding,
	type PrepareRefusal,
	type PrepareRefusalCode,
	type WorkbookSheets,
	type PreparedFile,
	type PreparedLayout,
	type PreparedText,
	type Preparer,
	PLAIN_SCAN_MIN_BYTES
} from './prepare';
import { listRecords, mapRecordLines, recordAt, type LineSegments } from './records';
import { addSuggestions } from './suggestions';
import type { WideMapping } from './wide';

export type { ImportMode } from './import-sql';
export type { ImportWarning, WarningCode } from './damage';

/** Rows DuckDB could not split into the header's columns. */
export type ReadIssueCode = 'stray-quote' | 'line-too-long' | 'malformed-row';

/** Why a whole file was not imported (`field` is null, or names a missing column). */
export type FileIssueCode = PrepareRefusalCode | 'unreadable-file' | 'import-failed' | 'cancelled';

/** One refused value: where it is, what it was, and why (a code the i18n layer words). */
export interface ImportIssue {
	file: string;
	/** 1-based line in the file as a text editor counts it. */
	line: number;
	field: Field | null;
	/** The header cell of that column in the file, as written there. */
	column: string;
	/** In a workbook sheet, the cell's address as Excel shows it (`C12`); null otherwise. */
	cell?: string | null;
	value: string;
	code: IssueCode | ReadIssueCode | FileIssueCode;
	/** Extra value for the message: the 배점 exceeded, a suggested name, a first line. */
	detail: string | null;
}

/** How the file was read: delimiter, header, and which column became which field. */
export interface ImportLayout {
	delimiter: string;
	/** 1-based line of the header row (title rows come before it). */
	headerLine: number;
	/** 2 when the header is two rows (merged cells), joined into one. */
	headerRows: 1 | 2;
	/** The header as read (two rows joined). */
	header: string[];
	/** Field to the index of the column used for it. */
	columns: Partial<Record<Field, number>>;
	/** Field to the header text of the column used for it. */
	mapping: Partial<Record<Field, string>>;
	/** The column groups of a layout other than the long one; null for the long layout. */
	wide: WideMapping | null;
	/** Values every row takes from outside the table (a crosstab's year and source). */
	given: Partial<Record<Field, GivenValue>>;
	/** Column index to what a bare amount there is worth in won (천원 in its header: 1000). */
	scales: Record<number, number>;
	/** Required fields no column is assigned to. */
	missing: Field[];
}

/** A total row or column (합계, 소계) whose value is not the sum of its parts: a warning. */
export interface TotalMismatch {
	line: number;
	/** The header of its column. */
	column: string;
	/** The cell as written. */
	value: string;
	/** The sum of its parts. */
	expected: number;
}

export interface ImportOptions {
	/** CP949 decoder; the browser's own by default (Node's lacks the extended syllables). */
	decodeCp949?: Cp949Decoder;
	/** 'add' (default), replace the rows of the years the file has, or replace every row. */
	mode?: ImportMode;
	/** Import the valid rows and skip the rest; by default any bad row blocks the import. */
	validOnly?: boolean;
	/**
	 * In 'add' mode, replace the loaded rows that the file's rows repeat (same key); by default
	 * such overlaps block the import, as adding them would count those rows twice.
	 */
	replaceOverlaps?: boolean;
	/**
	 * In 'add' mode, the shipped sample's rows of this file's kind make way for it, in the same
	 * transaction: staff's first file of a kind replaces the made-up numbers rather than joins them.
	 */
	setAsideSample?: boolean;
	/**
	 * A layout other than the long one (sources, districts or years side by side) was shown as
	 * it will be read and confirmed; until then such a file is checked and previewed, not imported.
	 */
	confirmLayout?: boolean;
	/** Columns assigned by hand: field to column index in the header row. */
	columnOverrides?: ColumnOverrides;
	/** Values a person gave for the whole table (a crosstab's year, source, evaluator). */
	given?: Partial<Record<Field, string>>;
	/** The sheet to read, for an Excel workbook; the first visible one with cells by default. */
	sheet?: string;
	/** Cancels the import between statements; a cancelled import changes nothing. */
	signal?: AbortSignal;
	/** Where to decode and scan the file; on this thread by default (Node, tests). */
	prepare?: Preparer;
	/**
	 * Read every cell as text and check it even when the file is clean, skipping the fast path
	 * (`clean-file.ts`): the test that the two paths make the same rows sets it.
	 */
	checkEveryCell?: boolean;
	/**
	 * False reads a clean file into the typed table before inserting it, even when it could go
	 * straight in (`insertCleanFile`): the tests that compare the paths set it.
	 */
	straightIn?: boolean;
}

export interface ImportResult {
	file: string;
	/** SHA-256 of the raw bytes, hex: the key the upload is kept and registered under. */
	hash: string;
	kind: FileKind | null;
	encoding: FileEncoding;
	/** For an Excel workbook: its sheets, and the one read. Null for CSV. */
	workbook: WorkbookSheets | null;
	mode: ImportMode;
	layout: ImportLayout | null;
	/** Data rows in the file (rows with every cell empty are not counted). */
	rowCount: number;
	/** Rows written to the dataset; 0 unless imported. */
	importedCount: number;
	/** Bad rows left out by an import made with `validOnly`; 0 otherwise. */
	skipped: number;
	/** Rows removed by a replacing import. */
	deletedCount: number;
	/** Valid rows that repeat a loaded row (an 'add' import only); they block it unless replaced. */
	overlapCount: number;
	/** The sample's rows removed to make way for this file (`setAsideSample`). */
	setAsideCount: number;
	/** The problems, in file order, at most {@link MAX_LISTED_ISSUES}. */
	issues: ImportIssue[];
	/** Rows with a problem (1 when the whole file is refused). */
	issueCount: number;
	/** Damage seen in the text; the import goes on. */
	warnings: ImportWarning[];
	/** Total rows (합계, 소계) read, checked and left out; those that do not add up. */
	totals: { rows: number; mismatches: TotalMismatch[] };
	imported: boolean;
	/**
	 * The first rows as they will be read, for a layout other than the long one to confirm;
	 * null otherwise. The file is not imported until it is confirmed.
	 */
	preview: PreviewRow[] | null;
}

/**
 * One row of a preview, in long form: each field of the file's kind as it will be read (text
 * as the cell wrote it; a budget amount in won, after its unit).
 */
export type PreviewRow = { line: number } & Partial<Record<Field, string | number | null>>;

/** Rows a preview shows. */
export const PREVIEW_ROWS = 8;

/** At most this many issues are listed; `issueCount` still counts them all. */
export const MAX_LISTED_ISSUES = 1000;

let serial = 0;
const queues = new WeakMap<Engine, Promise<unknown>>();

/**
 * Decodes, checks and imports one CSV export. Nothing is written unless every row passes (or
 * `validOnly` is set and some row does); the delete and insert are one transaction, so a
 * failed or cancelled import leaves the loaded data as it was. Never throws: every failure is
 * a result with an issue code.
 */
export function importCsv(
	engine: Engine,
	file: { name: string; bytes: Uint8Array },
	options: ImportOptions = {}
): Promise<ImportResult> {
	// One import at a time per engine: two open transactions would collide.
	const previous = queues.get(engine) ?? Promise.resolve();
	const next = previous.then(() => runOnItsOwnConnection(engine, file, options));
	queues.set(
		engine,
		next.catch(() => undefined)
	);
	return next;
}

/** One step of an import, in the performance timeline as `import:<name>`. */
const step = <T>(name: string, run: () => Promise<T>) => timedStep(`import:${name}`, run);

/** Thrown between statements when the signal has fired; turned into a 'cancelled' result. */
class Cancelled extends Error {}

function stopIfAborted(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new Cancelled('cancelled');
}

/** What every result of one file shares. */
interface ResultBase {
	file: string;
	hash: string;
	mode: ImportMode;
}

/**
 * Runs an import on a connection of its own where the engine has them, so that the page's reads
 * meanwhile (a filter changed during a large import) see the data as it was until the import
 * commits, never its rows half-checked.
 */
async function runOnItsOwnConnection(
	engine: Engine,
	file: { name: string; bytes: Uint8Array },
	options: ImportOptions
): Promise<ImportResult> {
	let own: Connection | undefined;
	try {
		own = await engine.connect?.();
	} catch (error) {
		return fileIssueResult(
			unpreparedBase(file, options),
			beforeReading('import-failed', firstLine(error))
		);
	}
	try {
		return await runImport(own ?? engine, file, options);
	} finally {
		// Closing drops what the import left on its connection; the result stands either way.
		await own?.close().catch(() => undefined);
	}
}

async function runImport(
	engine: Engine,
	file: { name: string; bytes: Uint8Array },
	options: ImportOptions
): Promise<ImportResult> {
	const unprepared = unpreparedBase(file, options);
	if (options.signal?.aborted) return fileIssueResult(unprepared, beforeReading('cancelled'));
	let preparedFile: PreparedFile;
	try {
		const prepareOptions = {
			columnOverrides: options.columnOverrides,
			given: options.given,
			sheet: options.sheet,
			names: { file: file.name }
		};
		preparedFile = await step('prepare', async () =>
			options.prepare
				? options.prepare(file.bytes, prepareOptions)
				: {
						hash: sha256Hex(file.bytes),
						prepared: await prepareFile(file.bytes, {
							...prepareOptions,
							decodeCp949: options.decodeCp949
						})
					}
		);
	} catch (error) {
		return fileIssueResult(unprepared, beforeReading('unreadable-file', firstLine(error)));
	}
	// Every result names the file by its hash; a hash that failed elsewhere is made here.
	const hashed = preparedFile.hash
		.catch(() => sha256HexInJs(file.bytes))
		.then((hash): ResultBase => ({ ...unprepared, hash }));
	const { prepared } = preparedFile;
	if (!prepared.ok) return fileIssueResult(await hashed, prepared);
	if (options.signal?.aborted) {
		return fileIssueResult(await hashed, {
			...prepared,
			layout: prepared.layout,
			code: 'cancelled'
		});
	}
	try {
		const read = await importPrepared(engine, unprepared, hashed, prepared, options, file.bytes, {
			whole: preparedFile.whole
		});
		if (!isRevised(read)) return read;
		// The rest of the file was not like its start: it is read again as the whole file says.
		const { revised } = read;
		if (!revised.ok) return fileIssueResult(await hashed, revised);
		const again = await importPrepared(engine, unprepared, hashed, revised, options, file.bytes);
		if (isRevised(again)) throw new Error('a whole file was revised');
		return again;
	} catch (error) {
		// Not expected (the corpus test never gets here), but a bug must not escape to the UI.
		const problem = {
			encoding: prepared.encoding,
			layout: null,
			warnings: [],
			detail: firstLine(error)
		};
		return fileIssueResult(await hashed, { ...problem, code: 'unreadable-file' });
	}
}

/** What a result says of a file before it is read: its name and the mode, no hash yet. */
function unpreparedBase(file: { name: string }, options: ImportOptions): ResultBase {
	return { file: file.name, hash: '', mode: options.mode ?? 'add' };
}

/** A problem met before anything of the file was read: its encoding, layout, warnings unknown. */
function beforeReading(code: FileIssueCode, detail: string | null = null) {
	return { code, encoding: 'utf-8' as const, layout: null, warnings: [], detail };
}

/** A result refusing the whole file with one issue. */
function fileIssueResult(
	base: ResultBase,
	problem: {
		code: FileIssueCode;
		encoding: FileEncoding;
		workbook?: WorkbookSheets | null;
		layout: PreparedLayout | null;
		warnings: ImportWarning[];
		line?: number;
		field?: Field | null;
		detail?: string | null;
	}
): ImportResult {
	const layout = problem.layout ? describeLayout(problem.layout) : null;
	const field = problem.field ?? null;
	return {
		...base,
		kind: problem.layout?.mapping.kind ?? null,
		encoding: problem.encoding,
		workbook: problem.workbook ?? null,
		layout,
		rowCount: 0,
		importedCount: 0,
		skipped: 0,
		deletedCount: 0,
		overlapCount: 0,
		setAsideCount: 0,
		issues: [
			{
				file: issueFileName(base.file, problem.workbook ?? null),
				line: problem.line ?? 1,
				field,
				column: (field && layout?.mapping[field]) ?? '',
				value: '',
				code: problem.code,
				detail: problem.detail ?? null
			}
		],
		issueCount: 1,
		warnings: problem.warnings,
		totals: noTotals(),
		imported: false,
		preview: null
	};
}

/** The layout as a result reports it, with the header text of every field's column. */
function describeLayout(layout: PreparedLayout): ImportLayout {
	const { columns, missing } = layout.mapping;
	const mapping: Partial<Record<Field, string>> = {};
	for (const [field, index] of Object.entries(columns) as [Field, number][]) {
		mapping[field] = layout.header[index] ?? '';
	}
	return {
		delimiter: layout.delimiter,
		headerLine: layout.headerLine,
		headerRows: layout.headerRows,
		header: layout.header,
		columns: { ...columns },
		mapping,
		missing: [...missing],
		wide: structuredClone(layout.mapping.wide),
		given: structuredClone(layout.mapping.given),
		scales: { ...layout.mapping.scales }
	};
}

/**
 * What reading a file prepared from its start ends with when the whole file does not agree: the
 * whole file's preparation, to be read instead.
 */
interface Revised {
	revised: PreparedText | PrepareRefusal;
}

const isRevised = (outcome: object): outcome is Revised => 'revised' in outcome;

/** The figures of one checked file, before anything is written. */
interface Checked {
	rowCount: number;
	badRows: number;
	issues: ImportIssue[];
	totals: ImportResult['totals'];
	/** The line of a row repeating the header (a second table below the first), or null. */
	secondHeaderLine: number | null;
}

/**
 * Reads, checks and writes one prepared file. `hashed`, the result base with the file's hash,
 * may still be on its way (see {@link PreparedFile}): DuckDB reads and checks the file
 * meanwhile, and the hash is awaited once the rows are to be written or the result made.
 */
async function importPrepared(
	engine: Engine,
	unprepared: ResultBase,
	hashed: Promise<ResultBase>,
	prepared: PreparedText,
	options: ImportOptions,
	/** The file's bytes, which the caller keeps. */
	bytes: Uint8Array,
	/** The whole file's preparation, when `prepared` was made from its start (see PreparedFile). */
	{ whole }: Pick<PreparedFile, 'whole'> = {}
): Promise<ImportResult | Revised> {
	const tables = importTables(serial++);
	const path = uploadPath(`${tables.staged}.csv`);
	const fail = async (code: FileIssueCode, detail: string | null = null) =>
		fileIssueResult(await hashed, { ...prepared, code, detail });
	let writing = false;
	try {
		// The engine takes the text (the browser's moves it to DuckDB's worker, uncopied). Text
		// that is the caller's own bytes (prepared on this thread, and needing no change) is
		// copied, so that the caller's bytes stay whole.
		const text = prepared.data.buffer === bytes.buffer ? prepared.data.slice() : prepared.data;
		await step('register', () => engine.registerFile(path, text));
		let unclean = false;
		if (await mayGoStraightIn(engine, prepared, options, bytes.length)) {
			const base = await step('hash', () => hashed);
			writing = true;
			const written = await writeStraightIn(engine, tables, path, prepared, base, options, whole);
			writing = false;
			if (typeof written === 'object') {
				if (isRevised(written)) return written;
				const checked = { rowCount: written.rows, badRows: 0, issues: [], totals: noTotals() };
				return resultOf(base, prepared, checked, written);
			}
			unclean = written === 'unclean';
		}
		const checked = await step('read-and-check', () =>
			stageAndCheck(
				engine,
				tables,
				path,
				prepared,
				issueFileName(unprepared.file, prepared.workbook),
				{ ...options, checkEveryCell: options.checkEveryCell || unclean },
				whole
			)
		);
		if (isRevised(checked)) return checked;
		const base = await step('hash', () => hashed);
		if (checked.secondHeaderLine !== null) {
			return fileIssueResult(base, {
				...prepared,
				code: 'two-tables',
				line: checked.secondHeaderLine
			});
		}
		if (checked.rowCount === 0) {
			return fileIssueResult(base, {
				...prepared,
				code: 'no-data-rows',
				line: prepared.layout.headerLine
			});
		}
		// A layout other than the long one is shown as it will be read before anything is written.
		const kind = prepared.layout.mapping.kind;
		const preview =
			prepared.layout.mapping.wide !== null && options.confirmLayout !== true
				? await engine.query<PreviewRow>(buildPreviewSql(tables, kind), [PREVIEW_ROWS])
				: null;
		const validRows = checked.rowCount - checked.badRows;
		const setAsideSample = base.mode === 'add' && options.setAsideSample === true;
		const overlaps =
			base.mode === 'add' && !preview
				? await step('overlaps', () =>
						findOverlaps(
							engine,
							tables,
							prepared,
							issueFileName(unprepared.file, prepared.workbook),
							setAsideSample
						)
					)
				: null;
		const overlapCount = overlaps?.count ?? 0;
		const importable =
			!preview &&
			validRows > 0 &&
			(checked.badRows === 0 || options.validOnly === true) &&
			(overlapCount === 0 || options.replaceOverlaps === true);
		writing = importable;
		const { deleted: deletedCount, setAside: setAsideCount } = importable
			? await step('write', () =>
					writeRows(engine, tables, base, prepared, {
						signal: options.signal,
						replaceOverlaps: overlapCount > 0,
						setAsideSample
					})
				)
			: { deleted: 0, setAside: 0 };
		// An import that replaced its overlaps reports them as replaced rows, not as problems.
		const overlapIssues = importable ? [] : (overlaps?.issues ?? []);
		return {
			...resultOf(base, prepared, checked, {
				deleted: deletedCount,
				setAside: setAsideCount
			}),
			importedCount: importable ? validRows : 0,
			skipped: importable ? checked.badRows : 0,
			overlapCount,
			issues: [...checked.issues, ...overlapIssues]
				.sort((a, b) => a.line - b.line)
				.slice(0, MAX_LISTED_ISSUES),
			issueCount: checked.badRows + (importable ? 0 : overlapCount),
			imported: importable,
			preview
		};
	} catch (error) {
		if (error instanceof Cancelled) return fail('cancelled');
		return fail(writing ? 'import-failed' : 'unreadable-file', firstLine(error));
	} finally {
		await dropQuietly(engine, tables, path);
	}
}

/** The totals of a file with no total rows (합계, 소계). */
const noTotals = (): ImportResult['totals'] => ({ rows: 0, mismatches: [] });

/**
 * The result of a checked file, as one whose valid rows were all written (with what the write
 * removed); an import that wrote nothing says so over it.
 */
function resultOf(
	base: ResultBase,
	prepared: PreparedText,
	checked: Pick<Checked, 'rowCount' | 'badRows' | 'issues' | 'totals'>,
	{ deleted, setAside }: Removed
): ImportResult {
	return {
		...base,
		kind: prepared.layout.mapping.kind,
		encoding: prepared.encoding,
		workbook: prepared.workbook,
		layout: describeLayout(prepared.layout),
		rowCount: checked.rowCount,
		importedCount: checked.rowCount - checked.badRows,
		skipped: checked.badRows,
		deletedCount: deleted,
		overlapCount: 0,
		setAsideCount: setAside,
		issues: checked.issues,
		issueCount: checked.badRows,
		warnings: prepared.warnings,
		totals: checked.totals,
		imported: true,
		preview: null
	};
}

/**
 * Whether a file may go straight into its dataset table (`insertCleanFile`): it may be clean,
 * its rows will be the only ones of their kind once the import's deletes have run (so nothing
 * can overlap them, and no loaded row shares their file id), and its hash comes soon, as the
 * insert needs it (Web Crypto hashes 100 MB in about 0.15 s; without it, on a plain http page,
 * JavaScript takes about 0.8 s, which the typed read overlaps instead).
 */
async function mayGoStraightIn(
	engine: Engine,
	prepared: PreparedText,
	{ mode = 'add', setAsideSample = false, checkEveryCell, straightIn = true }: ImportOptions,
	size: number
): Promise<boolean> {
	if (!straightIn || checkEveryCell || !mayBeClean(prepared)) return false;
	if (!hashesQuickly() && size >= PLAIN_SCAN_MIN_BYTES) return false;
	if (mode === 'replace-all') return true;
	if (mode !== 'add') return false;
	const [kept] = await engine.query<{ loaded: boolean }>(
		buildAnyKeptRowSql(prepared.layout.mapping.kind, setAsideSample)
	);
	return kept?.loaded === false;
}

/** What an import's transaction deleted: the rows it replaced, and the sample's set aside. */
interface Removed {
	deleted: number;
	setAside: number;
}

/**
 * The one transaction of a file going straight in: the same deletes as {@link writeRows}, the
 * rows inserted and probed, and once the whole file agrees, the unit sums; then commit. Returns
 * the rows written, the whole file's revision (rolled back, to be read again), or, rolled back,
 * why the file did not go straight in (see {@link insertCleanFile}).
 */
async function writeStraightIn(
	engine: Engine,
	tables: ImportTables,
	path: UploadPath,
	prepared: PreparedText,
	base: ResultBase,
	{ signal, setAsideSample = false }: ImportOptions,
	whole: PreparedFile['whole']
): Promise<(Removed & { rows: number }) | Revised | 'refused' | 'unclean'> {
	const kind = prepared.layout.mapping.kind;
	stopIfAborted(signal);
	await engine.query('BEGIN TRANSACTION');
	let notIn: Revised | 'refused' | 'unclean';
	try {
		const removed = await deleteReplaced(engine, kind, {
			setAsideSample: base.mode === 'add' && setAsideSample,
			deleteSql: buildDeleteSql(kind, base.mode, tables.typed)
		});
		const rows = await insertCleanFile(engine, tables, path, prepared, base.hash);
		// The whole file's verdict on a file that did not go in waits for the read that follows.
		const revised = typeof rows === 'number' ? await step('whole', async () => whole) : null;
		if (typeof rows !== 'number') notIn = rows;
		else if (revised) notIn = { revised };
		else {
			await commit(engine, kind, signal);
			return { ...removed, rows };
		}
	} catch (error) {
		await engine.query('ROLLBACK');
		throw error;
	}
	await engine.query('ROLLBACK');
	// A temporary table the insert's read made (its rejects) may outlive the rollback.
	await engine.query(buildDropSql(tables));
	return notIn;
}

/**
 * Where the records DuckDB rejected are: their indexes, and every record's start and line, in
 * `data`, the text DuckDB read.
 */
interface RejectedRecords {
	indexes: Set<number>;
	starts: number[];
	lines: number[];
	data: Uint8Array;
}

/**
 * Reads the file into the staged and typed tables and lists what is wrong with its rows. For a
 * file prepared from its start, only the fast path's read runs before the whole file agrees.
 */
async function stageAndCheck(
	engine: Engine,
	tables: ImportTables,
	path: UploadPath,
	prepared: PreparedText,
	fileName: string,
	{ signal, checkEveryCell }: ImportOptions,
	whole: PreparedFile['whole']
): Promise<Checked | Revised> {
	const { layout } = prepared;
	stopIfAborted(signal);
	const read =
		!checkEveryCell && mayBeClean(prepared)
			? readCleanFile(engine, tables, path, prepared)
			: Promise.resolve(null);
	if (whole) {
		// The whole file decides first, even over the read failing: DuckDB fails to read a line
		// break it was not told of (a CR the whole file's preparation makes LF), for one.
		await read.catch(() => undefined);
		const revised = await step('whole', () => whole);
		if (revised) return { revised };
	}
	const rowCount = await read;
	stopIfAborted(signal);
	if (rowCount !== null) {
		return { rowCount, badRows: 0, issues: [], totals: noTotals(), secondHeaderLine: null };
	}
	await stage(engine, tables, path, prepared, prepared.segments);
	const rejected = await findRejectedRecords(engine, tables, path, prepared);
	if (rejected) {
		// DuckDB returns no row for a rejected record, so the rows after it are numbered one
		// less than their records: read again with the lines mapped without those records.
		stopIfAborted(signal);
		const { delimiter } = layout;
		const lines = mapRecordLines(
			rejected.data,
			delimiter,
			prepared.firstDataLine,
			rejected.indexes
		);
		await stage(engine, tables, path, prepared, lines.segments);
	}
	stopIfAborted(signal);
	const secondHeaderLine = await findRepeatedHeader(engine, tables, layout);
	if (secondHeaderLine !== null) {
		return { rowCount: 0, badRows: 0, issues: [], totals: noTotals(), secondHeaderLine };
	}
	const totals = await checkTotals(engine, tables, layout);
	if (totals.rows > 0 && !layout.mapping.wide) await engine.query(buildDeleteTotalRowsSql(tables));
	const shape = { headerWidth: layout.header.length, columnCount: prepared.columnCount };
	const mapping = readMapping(layout.mapping, prepared.columnCount);
	await engine.query(buildTypedTableSql(tables, mapping, shape));
	stopIfAborted(signal);
	const [counts = { rows: 0, invalid: 0 }] = await engine.query<{ rows: number; invalid: number }>(
		buildCountsSql(tables)
	);
	const rowIssues =
		counts.invalid > 0
			? await listRowIssues(engine, tables, layout, mapping, fileName, prepared.workbook !== null)
			: [];
	const readIssues = rejected ? await listReadIssues(engine, tables, rejected, fileName) : [];
	const issues = [...readIssues, ...rowIssues]
		.sort((a, b) => a.line - b.line)
		.slice(0, MAX_LISTED_ISSUES);
	stopIfAborted(signal);
	const rejectedCount = rejected?.indexes.size ?? 0;
	return {
		rowCount: counts.rows + rejectedCount,
		badRows: counts.invalid + rejectedCount,
		issues: await addSuggestions(engine, issues),
		totals,
		secondHeaderLine: null
	};
}

/** The line of the first row that repeats the header (a second table below the first), or null. */
async function findRepeatedHeader(
	engine: Engine,
	tables: ImportTables,
	layout: PreparedLayout
): Promise<number | null> {
	const columns = repeatedHeaderColumns(layout.mapping, layout.header.length);
	if (columns.length < 2) return null;
	const cells = columns.map((index) => layout.header[index] ?? '');
	const [row] = await engine.query<{ line: number | null }>(
		buildRepeatedHeaderSql(tables, layout.mapping, columns),
		cells
	);
	return row?.line ?? null;
}

/** The total rows the file has (left out of the data) and those that do not add up. */
async function checkTotals(
	engine: Engine,
	tables: ImportTables,
	layout: PreparedLayout
): Promise<ImportResult['totals']> {
	const [counted] = await engine.query<{ totals: number }>(
		buildTotalRowsSql(tables, layout.mapping)
	);
	const rows = counted?.totals ?? 0;
	if (rows === 0 && (layout.mapping.wide?.totals.length ?? 0) === 0)
		return { rows, mismatches: [] };
	const found = await engine.query<{ line: number; col: number; value: string; expected: number }>(
		buildTotalMismatchSql(tables, layout.mapping),
		[MAX_LISTED_ISSUES]
	);
	return {
		rows,
		mismatches: found.map((row) => ({
			line: row.line,
			column: layout.header[row.col] ?? '',
			value: row.value,
			expected: row.expected
		}))
	};
}

async function stage(
	engine: Engine,
	tables: ImportTables,
	path: UploadPath,
	prepared: PreparedText,
	segments: LineSegments
): Promise<void> {
	await engine.query(buildDropSql(tables));
	const { delimiter } = prepared.layout;
	const statements = buildStageSql(tables, prepared.columnCount, {
		path,
		delimiter,
		segments,
		mapping: prepared.layout.mapping
	});
	for (const { sql, params } of statements) await engine.query(sql, params);
}

/**
 * The header of the cell an issue is about. In a wide layout, what a group gives (a source, a
 * district, a year) or holds (a score, an amount) comes from that row's group's column; what the
 * whole table takes, from the text it was read from (the title, the sheet or file name).
 */
function issueColumn(
	layout: PreparedLayout,
	field: Field,
	slot: number
): { text: string; index: number | null } {
	const { wide, columns, given } = layout.mapping;
	const group = wide?.groups[slot];
	const fromGroup =
		group?.cells[field] ?? (group && field in group.given ? firstCell(group) : undefined);
	const fromTable = given[field];
	const index = fromGroup ?? (fromTable ? undefined : columns[field]);
	if (index === undefined) return { text: fromTable?.text ?? field, index: null };
	return { text: layout.header[index] ?? field, index };
}

/** How an issue names its file: a workbook's with the sheet, `평가.xlsx › 2019 자체평가`. */
function issueFileName(file: string, workbook: WorkbookSheets | null): string {
	return workbook?.sheet ? `${file} › ${workbook.sheet}` : file;
}

/** A cell's address as Excel shows it: column index 2, line 12 → `C12`. */
export function cellAddress(index: number, line: number): string {
	let letters = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	}
	return `${letters}${line}`;
}

function firstCell(group: NonNullable<WideMapping['groups'][number]>): number | undefined {
	return Object.values(group.cells)[0];
}

/**
 * The records DuckDB rejected, or null when it read every one. The text DuckDB read is asked
 * back from the engine (which took it) only then: a file with a rejected row is rare.
 */
async function findRejectedRecords(
	engine: Engine,
	tables: ImportTables,
	path: UploadPath,
	prepared: PreparedText
): Promise<RejectedRecords | null> {
	const positions = await engine.query<{ position: number }>(buildRejectPositionsSql(tables));
	if (positions.length === 0) return null;
	const data = await engine.fileBytes(path);
	const { starts, lines } = listRecords(data, prepared.layout.delimiter, prepared.firstDataLine);
	const indexes = new Set(positions.map(({ position }) => recordAt(starts, position)));
	indexes.delete(-1);
	return { indexes, starts, lines, data };
}

async function listRowIssues(
	engine: Engine,
	tables: ImportTables,
	layout: PreparedLayout,
	mapping: ColumnMapping,
	fileName: string,
	inSheet: boolean
): Promise<ImportIssue[]> {
	const rows = await engine.query<{
		line: number;
		slot: number;
		field: Field | null;
		value: string | null;
		code: IssueCode;
		detail: string | null;
	}>(buildIssuesSql(tables, mapping), [MAX_LISTED_ISSUES]);
	return rows.map((row) => {
		const column = row.field ? issueColumn(layout, row.field, row.slot) : null;
		return {
			file: fileName,
			line: row.line,
			field: row.field,
			column: column?.text ?? '',
			cell: inSheet && column?.index != null ? cellAddress(column.index, row.line) : null,
			value: row.value ?? '',
			code: row.code,
			detail: row.detail
		};
	});
}

const READ_ISSUE_CODES: Record<string, IssueCode | ReadIssueCode> = {
	'TOO MANY COLUMNS': 'too-many-columns',
	'UNQUOTED VALUE': 'stray-quote',
	'LINE SIZE OVER MAXIMUM': 'line-too-long'
};

/**
 * The rows DuckDB rejected, at the line their record starts on: one issue per record, for the
 * first problem in it (text after a stray quote is reported twice, once as a bad encoding).
 */
async function listReadIssues(
	engine: Engine,
	tables: ImportTables,
	rejected: RejectedRecords,
	fileName: string
): Promise<ImportIssue[]> {
	const rows = await engine.query<{ position: number; error_type: string; text: string | null }>(
		buildRejectsSql(tables),
		[MAX_LISTED_ISSUES]
	);
	const byRecord = new Map<number, ImportIssue>();
	for (const row of rows) {
		const record = recordAt(rejected.starts, row.position);
		if (byRecord.has(record)) continue;
		const code = READ_ISSUE_CODES[row.error_type] ?? 'malformed-row';
		byRecord.set(record, {
			file: fileName,
			line: rejected.lines[record] ?? 1,
			field: null,
			column: '',
			value: row.text ?? '',
			code,
			detail: code === 'malformed-row' ? row.error_type : null
		});
	}
	return [...byRecord.values()];
}

/** The valid rows of an 'add' import that repeat a loaded row, as issues (at most the listed). */
async function findOverlaps(
	engine: Engine,
	tables: ImportTables,
	prepared: PreparedText,
	file: string,
	setAsideSample: boolean
): Promise<{ count: number; issues: ImportIssue[] }> {
	const kind = prepared.layout.mapping.kind;
	const [kept] = await engine.query<{ loaded: boolean }>(buildAnyKeptRowSql(kind, setAsideSample));
	if (!kept?.loaded) return { count: 0, issues: [] };
	const field = OVERLAP_FIELD[kind];
	const rows = await engine.query<{
		line: number;
		value: string;
		loaded_line: number;
		total: number;
	}>(buildOverlapSql(kind, tables.typed, setAsideSample), [MAX_LISTED_ISSUES]);
	const column = describeLayout(prepared.layout).mapping[field] ?? '';
	return {
		count: rows[0]?.total ?? 0,
		issues: rows.map((row) => ({
			file,
			line: row.line,
			field,
			column,
			value: row.value,
			code: 'already-loaded',
			detail: String(row.loaded_line)
		}))
	};
}

/**
 * The one transaction of an import: remove what it replaces, insert the valid rows, commit.
 * Anything failing or a cancel in between rolls all of it back. Returns the rows deleted.
 */
async function writeRows(
	engine: Engine,
	tables: ImportTables,
	base: ResultBase,
	prepared: PreparedText,
	{
		signal,
		replaceOverlaps,
		setAsideSample
	}: { signal: AbortSignal | undefined; replaceOverlaps: boolean; setAsideSample: boolean }
): Promise<Removed> {
	const kind = prepared.layout.mapping.kind;
	stopIfAborted(signal);
	await engine.query('BEGIN TRANSACTION');
	try {
		const removed = await deleteReplaced(engine, kind, {
			setAsideSample,
			deleteSql: replaceOverlaps
				? buildDeleteOverlapsSql(kind, tables.typed)
				: buildDeleteSql(kind, base.mode, tables.typed)
		});
		stopIfAborted(signal);
		await engine.query(buildInsertSql(kind, tables.typed), [base.hash]);
		await commit(engine, kind, signal);
		return removed;
	} catch (error) {
		await engine.query('ROLLBACK');
		throw error;
	}
}

/**
 * The end of an import's transaction once its rows are in: the unit sums made to match them (as
 * every change to evaluations must, schema.ts), then the commit. A cancel before either throws,
 * for the caller to roll back.
 */
async function commit(engine: Engine, kind: FileKind, signal: AbortSignal | undefined) {
	stopIfAborted(signal);
	if (kind === 'evaluations') await refreshEvaluationUnits(engine);
	stopIfAborted(signal);
	await engine.query('COMMIT');
}

/** The deletes that open an import's transaction: the sample set aside, then what it replaces. */
async function deleteReplaced(
	engine: Engine,
	kind: FileKind,
	{ setAsideSample, deleteSql }: { setAsideSample: boolean; deleteSql: string | null }
): Promise<Removed> {
	const setAside = setAsideSample
		? changedRowCount(await engine.query(buildDeleteSampleSql(kind)))
		: 0;
	const deleted = deleteSql ? changedRowCount(await engine.query(deleteSql)) : 0;
	return { deleted, setAside };
}

async function dropQuietly(engine: Engine, tables: ImportTables, path: UploadPath): Promise<void> {
	// Cleanup must not hide the result: if the engine is broken, the result already says so.
	try {
		await engine.query(buildDropSql(tables));
		await engine.dropFile(path);
	} catch {
		/* nothing more to do */
	}
}

function firstLine(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0]?.slice(0, 300) ?? '';
}
