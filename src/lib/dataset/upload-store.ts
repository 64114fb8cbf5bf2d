// Keeps the raw bytes of every imported CSV upload in IndexedDB so a reload can replay them.
// Design: upload-store.md beside this file. Browser-only at run time: nothing here touches
// `indexedDB` until openUploadStore is called, so SSR can import the module.

import { isSha256Hex } from '$lib/domain/ids';

/** One kept upload: what the datasets panel lists and what a reload replays. */
export interface StoredUpload {
	/** SHA-256 of the raw bytes, hex (the key). */
	hash: string;
	name: string;
	kind: 'evaluations' | 'budget';
	rows: number;
	encoding: string;
	/** When it was imported, ISO 8601. */
	importedAt: string;
	/**
	 * The choices it was imported with, replayed on reload: an opaque JSON-safe object owned by
	 * the importer (e.g. `{ mode: 'add', validOnly: false, columnOverrides: {...} }`).
	 */
	choices: Record<string, unknown>;
	/** Position in the replay order. */
	order: number;
}

/** The raw bytes and manifest of every kept upload. */
export interface UploadStore {
	/** Every kept upload, in replay order. */
	list(): Promise<StoredUpload[]>;
	/** The raw bytes kept under a hash, or null. */
	get(hash: string): Promise<Uint8Array | null>;
	/**
	 * Keeps bytes and entry together, last in the order; rejects with StorageFullError if full.
	 * The bytes may come as the chosen file itself (a Blob), which the browser keeps off the page's
	 * thread.
	 */
	add(entry: Omit<StoredUpload, 'order'>, bytes: Uint8Array | Blob): Promise<StoredUpload>;
	/** Forgets one upload, bytes and entry. */
	remove(hash: string): Promise<void>;
	/** Forgets every upload. */
	clear(): Promise<void>;
}

/** The browser's storage quota is used up; the upload was not kept and nothing was written. */
export class StorageFullError extends Error {
	override name = 'StorageFullError';

	constructor(options?: ErrorOptions) {
		super('Browser storage is full: the upload was not kept.', options);
	}
}

const DEFAULT_NAME = 'seoul-dashboard-uploads';
const VERSION = 1;
const BYTES = 'bytes';
const MANIFEST = 'manifest';
const ORDER_INDEX = 'order';
// Firefox before the standard name reported quota failures under its own name.
const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Opens (creating on first use) the upload store in this browser. */
export async function openUploadStore(
	options: { indexedDB?: IDBFactory; name?: string } = {}
): Promise<UploadStore> {
	// Looked up here, not at import: SvelteKit imports modules during SSR, where there is none.
	const factory = options.indexedDB ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
	if (factory === undefined) throw new Error('IndexedDB is not available in this browser.');
	return new IndexedDbUploadStore(await openDatabase(factory, options.name ?? DEFAULT_NAME));
}

/** Asks the browser not to evict this site's storage under pressure; never throws. */
export async function requestPersistence(
	storage: Partial<Pick<StorageManager, 'persist'>> | undefined = typeof navigator === 'undefined'
		? undefined
		: navigator.storage
): Promise<'granted' | 'denied' | 'unsupported'> {
	// navigator.storage is missing on plain-http origins and in older browsers.
	if (typeof storage?.persist !== 'function') return 'unsupported';
	try {
		return (await storage.persist()) ? 'granted' : 'denied';
	} catch {
		return 'denied';
	}
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = factory.open(name, VERSION);
		let blocked = false;
		request.onupgradeneeded = (event) => {
			// Later versions add their steps below, each guarded by the version it arrived in.
			if (event.oldVersion < 1) {
				const db = request.result;
				db.createObjectStore(BYTES);
				const manifest = db.createObjectStore(MANIFEST, { keyPath: 'hash' });
				// Unique: two entries at one position would make the replay order ambiguous.
				manifest.createIndex(ORDER_INDEX, 'order', { unique: true });
			}
		};
		// Only a connection that ignores versionchange can block us (ours close on it); rather than
		// hang the page's restore, fail with a message the page can show.
		request.onblocked = () => {
			blocked = true;
			reject(new Error('Another tab is holding the upload store open: close it and reload.'));
		};
		request.onsuccess = () => {
			const db = request.result;
			if (blocked) db.close();
			else resolve(db);
		};
		request.onerror = () => reject(request.error ?? new Error('Could not open the upload store.'));
	});
}

class IndexedDbUploadStore implements UploadStore {
	readonly #db: IDBDatabase;
	#closedBecause: string | null = null;

	constructor(db: IDBDatabase) {
		this.#db = db;
		// Another tab wants to upgrade or delete the database: let go at once so it is not blocked.
		db.onversionchange = () => {
			db.close();
			this.#closedBecause =
				'The upload store was upgraded or deleted in another tab: reload the page.';
		};
		// The browser closed it under us (site data cleared, disk error).
		db.onclose = () => {
			this.#closedBecause = 'The upload store was closed by the browser: reload the page.';
		};
	}

	list(): Promise<StoredUpload[]> {
		return this.#run([MANIFEST], 'readonly', (tx) => {
			const request = tx.objectStore(MANIFEST).index(ORDER_INDEX).getAll();
			return () => request.result as StoredUpload[];
		});
	}

	async get(hash: string): Promise<Uint8Array | null> {
		const value = await this.#run([BYTES], 'readonly', (tx) => {
			const request = tx.objectStore(BYTES).get(hash);
			return () => request.result as unknown;
		});
		return toBytes(value);
	}

	add(entry: Omit<StoredUpload, 'order'>, bytes: Uint8Array | Blob): Promise<StoredUpload> {
		if (!isSha256Hex(entry.hash)) {
			return Promise.reject(new TypeError(`Not a lowercase hex SHA-256: "${entry.hash}"`));
		}
		// Kept as a Blob: IndexedDB serialises a typed array on the page's thread as it is put,
		// which for a 96 MB export blocked the page for 150–660 ms (measured), where the browser
		// writes a Blob to disk off the thread. The chosen file is one already; making one from
		// bytes copies them on this thread (up to half a second for 96 MB, measured in issue 21).
		// Made now, while add() runs: the caller may hand the buffer to a worker right after. A
		// view's own bytes only, not its whole buffer.
		const value = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]);
		return this.#run([BYTES, MANIFEST], 'readwrite', (tx, guard) => {
			// The same hash overwrites the same bytes, so one copy is kept.
			tx.objectStore(BYTES).put(value, entry.hash);
			const manifest = tx.objectStore(MANIFEST);
			// Copied now too, and only the known fields, so later edits by the caller are not kept.
			const fields = {
				hash: entry.hash,
				name: entry.name,
				kind: entry.kind,
				rows: entry.rows,
				encoding: entry.encoding,
				importedAt: entry.importedAt,
				choices: structuredClone(entry.choices)
			};
			let stored: StoredUpload;
			// max(order) is read inside this readwrite transaction: overlapping ones run one after
			// another, so two tabs adding at once get distinct positions and keep both entries.
			const last = manifest.index(ORDER_INDEX).openKeyCursor(null, 'prev');
			last.onsuccess = guard(() => {
				stored = { ...fields, order: last.result ? Number(last.result.key) + 1 : 0 };
				manifest.put(stored);
			});
			return () => stored;
		});
	}

	remove(hash: string): Promise<void> {
		return this.#run([BYTES, MANIFEST], 'readwrite', (tx) => {
			tx.objectStore(BYTES).delete(hash);
			tx.objectStore(MANIFEST).delete(hash);
			return () => undefined;
		});
	}

	clear(): Promise<void> {
		return this.#run([BYTES, MANIFEST], 'readwrite', (tx) => {
			tx.objectStore(BYTES).clear();
			tx.objectStore(MANIFEST).clear();
			return () => undefined;
		});
	}

	/**
	 * Runs one transaction. `body` issues the requests and returns how to read the result, which
	 * is read only on `complete`: a request's success does not mean the transaction committed.
	 */
	#run<T>(
		stores: string[],
		mode: IDBTransactionMode,
		body: (tx: IDBTransaction, guard: (callback: () => void) => () => void) => () => T
	): Promise<T> {
		if (this.#closedBecause !== null) return Promise.reject(new Error(this.#closedBecause));
		return new Promise((resolve, reject) => {
			// 'strict': `complete` only once the data is on disk, since these are the only copies.
			const tx = this.#db.transaction(stores, mode, { durability: 'strict' });
			let failure: { error: unknown } | null = null;
			const fail = (error: unknown) => {
				failure ??= { error };
				try {
					tx.abort();
				} catch {
					// Already finishing: its own abort event reports.
				}
			};
			// An exception inside a request callback would otherwise abort with a bare AbortError.
			const guard = (callback: () => void) => () => {
				try {
					callback();
				} catch (error) {
					fail(error);
				}
			};
			let read: (() => T) | null = null;
			tx.oncomplete = () => {
				if (read) resolve(read());
			};
			tx.onabort = () => {
				// The browser's reason (quota, I/O) first; ours only when we aborted it ourselves.
				reject(toStoreError(tx.error ?? (failure ? failure.error : null)));
			};
			try {
				read = body(tx, guard);
			} catch (error) {
				fail(error);
			}
		});
	}
}

function toStoreError(error: unknown): Error {
	// By name, not class: a DOMException may come from another realm (or a polyfill).
	const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : null;
	if (typeof name === 'string' && QUOTA_ERROR_NAMES.has(name)) {
		return new StorageFullError({ cause: error });
	}
	if (error instanceof Error) return error;
	return new Error('The upload store transaction was aborted.', { cause: error });
}

/** The bytes of a kept value: a Blob, or a typed array as stores written before kept them. */
async function toBytes(value: unknown): Promise<Uint8Array | null> {
	if (value instanceof Blob) return new Uint8Array(await value.arrayBuffer());
	if (value instanceof Uint8Array) return value;
	if (value instanceof ArrayBuffer) return new Uint8Array(value);
	return null;
}
