/** A value bound to a `?` placeholder. */
export type SqlParam = string | number | boolean | null;

/** One result row, column name to value. */
export type Row = Record<string, unknown>;

/** The one door to DuckDB: bound queries and files under the upload prefix. */
export interface Engine {
	/** Runs `sql` with every `?` bound to the matching entry of `params`. */
	query<T extends object = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
	/**
	 * Makes `bytes` readable by SQL at `path`, which must be an upload path. The engine takes
	 * them: the browser's moves them to DuckDB's worker without a copy, which leaves `bytes`
	 * empty here, so the caller must not read them afterwards ({@link Engine.fileBytes} can).
	 */
	registerFile(path: UploadPath, bytes: Uint8Array): Promise<void>;
	/** A copy of the bytes of a file registered earlier. */
	fileBytes(path: UploadPath): Promise<Uint8Array>;
	/** Forgets a file registered earlier. */
	dropFile(path: UploadPath): Promise<void>;
	/**
	 * Another connection to the same database, for an import to run on: DuckDB keeps a
	 * connection's open transaction to itself, so the page's reads never see an import's rows
	 * before it commits. Tables and files are shared; temporary tables are the connection's own.
	 */
	connect?(): Promise<Connection>;
}

/** A connection of its own ({@link Engine.connect}), which its owner closes. */
export interface Connection extends Engine {
	close(): Promise<void>;
}

/** The only directory a locked engine may read. */
export const UPLOAD_PREFIX = '/uploads/';

/** A path under {@link UPLOAD_PREFIX}, made only by {@link uploadPath}. */
export type UploadPath = string & { readonly __brand: 'UploadPath' };

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Builds the path a file is registered under; refuses names that could leave the prefix. */
export function uploadPath(name: string): UploadPath {
	if (!SAFE_NAME.test(name) || name.includes('..')) {
		throw new Error(`Unsafe upload name: ${JSON.stringify(name)}`);
	}
	return (UPLOAD_PREFIX + name) as UploadPath;
}
