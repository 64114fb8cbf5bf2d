import { isDatasetId, isSha256Hex } from '$lib/domain/ids';
import { createHash, randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import {
	lstat,
	mkdir,
	open,
	readdir,
	readFile,
	rename,
	rm,
	type FileHandle
} from 'node:fs/promises';
import path from 'node:path';

/** One stored file of a published dataset: its content hash, original name, size and import choices. */
export interface PublishedFile {
	/** SHA-256 of the bytes, lowercase hex. */
	hash: string;
	name: string;
	bytes: number;
	choices: Record<string, unknown>;
}

/**
 * The dataset's tables as the import made them (sample included), so the server's first view
 * loads them instead of importing the raw files again. Each table is an Arrow IPC stream kept
 * as a blob. Valid only for the `key` it was made under (see `figures/dataset-engines.ts`).
 */
export interface DatasetSnapshot {
	key: string;
	tables: { table: string; hash: string; bytes: number }[];
}

/** What a published dataset id resolves to; never changes once written. */
export interface DatasetManifest {
	id: string;
	/** ISO 8601, UTC. */
	createdAt: string;
	/** What the editor called it, for the colleagues who open the link; older ones have none. */
	title?: string;
	files: PublishedFile[];
	/** Older datasets, and those published without one, have none. */
	snapshot?: DatasetSnapshot;
}

/** A published file ready to send, not loaded: see `DatasetStore.open`. */
export interface OpenedFile {
	/** Its size: the body yields exactly this many bytes, or fails. */
	bytes: number;
	/**
	 * The bytes, read from disk in 64 KiB chunks as the body is read; nothing is opened until
	 * then. It fails, rather than end, if the file changed since it was checked.
	 */
	body: ReadableStream<Uint8Array>;
}

/** The small storage door: a folder here, an S3-compatible bucket later (see STORE.md). */
export interface DatasetStore {
	/** Stores the files (in this order) as a new immutable dataset under a fresh unguessable id. */
	publish(
		files: { name: string; bytes: Uint8Array; choices: Record<string, unknown> }[],
		about?: {
			title?: string;
			snapshot?: { key: string; tables: { table: string; bytes: Uint8Array }[] };
		}
	): Promise<DatasetManifest>;
	/** The manifest, or null for an unknown id; throws CorruptDatasetError if its checksum fails. */
	manifest(id: string): Promise<DatasetManifest | null>;
	/**
	 * One file's or snapshot table's bytes, checked against its SHA-256 on every read; null if
	 * the dataset lists no such hash. Throws CorruptDatasetError on mismatch.
	 */
	file(id: string, hash: string): Promise<Uint8Array | null>;
	/**
	 * One file to send, with memory that does not grow with its size; null if unknown. Throws
	 * CorruptDatasetError, before anything is sent, if the file is missing, has the wrong size or
	 * its SHA-256 does not match: the hash is checked in full the first time a file is opened in
	 * this process and again whenever it changes on disk. The body hashes what it sends as well
	 * and fails before its last chunk if that no longer matches (see STORE.md).
	 */
	open(id: string, hash: string): Promise<OpenedFile | null>;
}

/** Stored bytes no longer match their checksum; the caller answers 500 and serves nothing. */
export class CorruptDatasetError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CorruptDatasetError';
	}
}

/** Test seams for the folder store. */
export interface FolderStoreOptions {
	/** Runs after a publish's blobs are durable and before its manifest is written; a throw here is a crash. */
	beforeManifestCommit?: (id: string) => void | Promise<void>;
	/** Runs each time `open` hashes a whole file to check it. */
	onVerify?: (hash: string) => void;
}

// 16 random bytes in base64url without padding are exactly 22 characters.
const ID_BYTES = 16;
// Starts with a dot, so it can never be taken for a blob hash or a `<id>.json` manifest.
const TEMP_PREFIX = '.tmp-';
const STALE_TEMP_MS = 60 * 60 * 1000;
// What `open` reads at a time: the chunk a response body holds, and the buffer it hashes with.
const STREAM_CHUNK_BYTES = 64 * 1024;
const VERIFY_CHUNK_BYTES = 1024 * 1024;
// Files remembered as checked; beyond this the oldest are forgotten (and checked again if opened).
const MAX_VERIFIED = 10_000;

/** A dataset store in a folder: blobs/<sha256> shared by all datasets, datasets/<id>.json. */
export function createFolderStore(root: string, options: FolderStoreOptions = {}): DatasetStore {
	const base = path.resolve(root);
	const blobsDir = inside(base, 'blobs');
	const datasetsDir = inside(base, 'datasets');
	let ready: Promise<void> | undefined;
	// hash → identity (see fileIdentity) of the blob file last found to match it, in this process.
	const verified = new Map<string, string>();
	// `${hash} ${identity}` → a full check in progress, shared by concurrent opens of that file.
	const verifying = new Map<string, Promise<boolean>>();

	// Folders and stale temp files are handled once, on the first publish: reads need neither.
	function prepare(): Promise<void> {
		ready ??= (async () => {
			await mkdir(blobsDir, { recursive: true });
			await mkdir(datasetsDir, { recursive: true });
			await removeStaleTemps(blobsDir);
			await removeStaleTemps(datasetsDir);
		})().catch((error: unknown) => {
			// A failed start (say, a permission fixed later) is retried by the next publish.
			ready = undefined;
			throw error;
		});
		return ready;
	}

	function blobPath(hash: string): string {
		return inside(blobsDir, hash);
	}

	function manifestPath(id: string): string {
		return inside(datasetsDir, `${id}.json`);
	}

	async function storeBlob(hash: string, bytes: Uint8Array): Promise<void> {
		const target = blobPath(hash);
		const existing = await readIfExists(target);
		// Another dataset already holds these bytes; a damaged copy is replaced by the good ones
		// in hand, which heals every dataset that shares it without changing what they mean.
		if (existing !== null && sha256Hex(existing) === hash) return;
		await writeAtomically(blobsDir, target, bytes);
	}

	async function readManifest(id: string): Promise<DatasetManifest | null> {
		const raw = await readIfExists(manifestPath(id));
		return raw === null ? null : decodeManifestFile(raw, id);
	}

	/** The manifest entry of a file, only if the dataset lists it (its snapshot's too, if asked). */
	async function listedFile(
		id: string,
		hash: string,
		withSnapshot = false
	): Promise<{ hash: string; bytes: number } | null> {
		if (!isDatasetId(id) || !isSha256Hex(hash)) return null;
		const manifest = await readManifest(id);
		if (!manifest) return null;
		const listed = [...manifest.files, ...(withSnapshot ? (manifest.snapshot?.tables ?? []) : [])];
		return listed.find((file) => file.hash === hash) ?? null;
	}

	function remember(hash: string, identity: string): void {
		verified.delete(hash);
		verified.set(hash, identity);
		if (verified.size > MAX_VERIFIED) verified.delete(verified.keys().next().value!);
	}

	/**
	 * Checks a blob's size, and its SHA-256 unless this very file (same identity) was checked
	 * before; answers the identity it checked. Throws CorruptDatasetError.
	 */
	async function verifyBlob(id: string, entry: { hash: string; bytes: number }): Promise<string> {
		const { hash } = entry;
		const handle = await openIfExists(blobPath(hash));
		if (handle === null) throw missingError(id, hash);
		try {
			const stats = await handle.stat();
			if (!stats.isFile() || stats.size !== entry.bytes) throw damagedError(id, hash);
			const identity = fileIdentity(stats);
			if (verified.get(hash) === identity) return identity;
			const key = `${hash} ${identity}`;
			let check = verifying.get(key);
			if (!check) {
				options.onVerify?.(hash);
				check = hashWhole(handle, stats.size)
					.then((digest) => digest === hash)
					.finally(() => verifying.delete(key));
				verifying.set(key, check);
			}
			if (!(await check)) {
				verified.delete(hash);
				throw damagedError(id, hash);
			}
			remember(hash, identity);
			return identity;
		} finally {
			await handle.close();
		}
	}

	/**
	 * The blob as a pull stream. It opens the file on the first read and fails if that is no
	 * longer the file checked (another inode, size, mtime or ctime); it hashes every chunk and
	 * sends the last one only if the whole file still matches, so a damage that left no trace
	 * in the file's metadata costs the client its download, never a complete damaged file.
	 */
	function blobStream(id: string, hash: string, size: number, identity: string) {
		const target = blobPath(hash);
		const digest = createHash('sha256');
		let handle: FileHandle | null = null;
		let position = 0;
		let done = false;

		async function finish(): Promise<void> {
			done = true;
			const open = handle;
			handle = null;
			await open?.close();
		}

		function refuse(error: CorruptDatasetError): CorruptDatasetError {
			if (verified.get(hash) === identity) verified.delete(hash);
			console.error(`${error.message} The download was stopped before its end.`);
			return error;
		}

		return new ReadableStream<Uint8Array>(
			{
				async pull(controller) {
					try {
						if (handle === null) {
							const opened = await openIfExists(target);
							if (done) {
								// Cancelled while the file was being opened.
								await opened?.close();
								return;
							}
							if (opened === null) throw refuse(missingError(id, hash));
							handle = opened;
							if (fileIdentity(await handle.stat()) !== identity) {
								throw refuse(
									new CorruptDatasetError(
										`Dataset ${id}: file ${hash} changed on disk after it was checked.`
									)
								);
							}
						}
						const length = Math.min(STREAM_CHUNK_BYTES, size - position);
						const chunk = new Uint8Array(length);
						const whole = await readFully(handle, chunk, position);
						if (done) return;
						if (!whole) throw refuse(damagedError(id, hash));
						position += length;
						digest.update(chunk);
						if (position < size) {
							controller.enqueue(chunk);
							return;
						}
						if (digest.digest('hex') !== hash) throw refuse(damagedError(id, hash));
						await finish();
						if (length > 0) controller.enqueue(chunk);
						controller.close();
					} catch (error) {
						controller.error(error);
						await finish().catch((closing: unknown) =>
							console.error(`Dataset ${id}: file ${hash} could not be closed:`, closing)
						);
					}
				},
				cancel: finish
			},
			// Nothing is read ahead: a chunk is read when the response asks for one.
			{ highWaterMark: 0 }
		);
	}

	return {
		async publish(files, about = {}) {
			if (files.length === 0) throw new TypeError('A dataset needs at least one file.');
			await prepare();
			const id = randomBytes(ID_BYTES).toString('base64url');
			const hashed = files.map((file) => ({ ...file, hash: sha256Hex(file.bytes) }));
			const tables = (about.snapshot?.tables ?? []).map((table) => ({
				...table,
				hash: sha256Hex(table.bytes)
			}));

			const unique = new Map([...hashed, ...tables].map((blob) => [blob.hash, blob.bytes]));
			await Promise.all([...unique].map(([hash, bytes]) => storeBlob(hash, bytes)));
			// A blob skipped above may have been renamed into place by a concurrent publish that
			// has not synced the folder yet; sync it here so our manifest never outlives a blob.
			await syncDirectory(blobsDir);

			// The JSON round trip makes the returned manifest equal to what manifest() reads back.
			const manifest = JSON.parse(
				JSON.stringify({
					id,
					createdAt: new Date().toISOString(),
					...(about.title ? { title: about.title } : {}),
					files: hashed.map(({ hash, name, bytes, choices }) => ({
						hash,
						name,
						bytes: bytes.byteLength,
						choices
					})),
					...(about.snapshot
						? {
								snapshot: {
									key: about.snapshot.key,
									tables: tables.map(({ table, hash, bytes }) => ({
										table,
										hash,
										bytes: bytes.byteLength
									}))
								}
							}
						: {})
				} satisfies DatasetManifest)
			) as DatasetManifest;

			await options.beforeManifestCommit?.(id);
			// The rename of the manifest is the commit point: before it the id does not exist.
			const body = JSON.stringify(
				{ sha256: sha256Hex(canonicalJson(manifest)), manifest },
				null,
				'\t'
			);
			await writeAtomically(datasetsDir, manifestPath(id), new TextEncoder().encode(body + '\n'));
			return manifest;
		},

		async manifest(id) {
			if (!isDatasetId(id)) return null;
			return readManifest(id);
		},

		async file(id, hash) {
			// Only files listed in this dataset are reachable through its id.
			const entry = await listedFile(id, hash, true);
			if (!entry) return null;
			const bytes = await readIfExists(blobPath(hash));
			if (bytes === null) throw missingError(id, hash);
			if (bytes.byteLength !== entry.bytes || sha256Hex(bytes) !== hash) {
				throw damagedError(id, hash);
			}
			return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		},

		async open(id, hash) {
			const entry = await listedFile(id, hash);
			if (!entry) return null;
			const identity = await verifyBlob(id, entry);
			return { bytes: entry.bytes, body: blobStream(id, hash, entry.bytes, identity) };
		}
	};
}

function missingError(id: string, hash: string): CorruptDatasetError {
	return new CorruptDatasetError(`Dataset ${id}: file ${hash} is missing from the store.`);
}

function damagedError(id: string, hash: string): CorruptDatasetError {
	return new CorruptDatasetError(
		`Dataset ${id}: file ${hash} is damaged (its bytes no longer match their SHA-256).`
	);
}

/**
 * What a file looks like on disk. A write in place changes mtime and ctime, a replacement
 * (a healing publish renames new bytes in) the inode; ctime cannot be set back by hand.
 */
function fileIdentity(stats: Stats): string {
	return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

/** Fills `chunk` from `position`; false if the file ends first. */
async function readFully(
	handle: FileHandle,
	chunk: Uint8Array,
	position: number
): Promise<boolean> {
	let filled = 0;
	while (filled < chunk.byteLength) {
		const { bytesRead } = await handle.read(
			chunk,
			filled,
			chunk.byteLength - filled,
			position + filled
		);
		if (bytesRead === 0) return false;
		filled += bytesRead;
	}
	return true;
}

/** SHA-256 of a file's first `size` bytes in hex, through one reused buffer; null if shorter. */
async function hashWhole(handle: FileHandle, size: number): Promise<string | null> {
	const hash = createHash('sha256');
	const buffer = new Uint8Array(Math.min(VERIFY_CHUNK_BYTES, Math.max(size, 1)));
	for (let position = 0; position < size; position += buffer.byteLength) {
		const chunk = buffer.subarray(0, Math.min(buffer.byteLength, size - position));
		if (!(await readFully(handle, chunk, position))) return null;
		hash.update(chunk);
	}
	return hash.digest('hex');
}

/** Resolves parts under a folder and refuses anything that lands outside it. */
function inside(folder: string, ...parts: string[]): string {
	const target = path.resolve(folder, ...parts);
	const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
	if (!target.startsWith(prefix)) throw new Error(`Refusing a path outside ${folder}.`);
	return target;
}

function sha256Hex(data: Uint8Array | string): string {
	return createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level, so the checksum does not depend on key order. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		const keys = Object.keys(record).sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

function decodeManifestFile(raw: Uint8Array, id: string): DatasetManifest {
	const corrupt = (why: string) =>
		new CorruptDatasetError(`Dataset ${id}: the manifest is damaged (${why}).`);
	let parsed: unknown;
	try {
		parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
	} catch {
		throw corrupt('not readable JSON');
	}
	if (!isRecord(parsed) || typeof parsed.sha256 !== 'string' || !isRecord(parsed.manifest)) {
		throw corrupt('unexpected layout');
	}
	const manifest = parsed.manifest;
	if (sha256Hex(canonicalJson(manifest)) !== parsed.sha256) throw corrupt('checksum mismatch');
	// A checksum only proves the file is intact; it must also be the manifest of this id.
	if (manifest.id !== id) throw corrupt('it belongs to another id');
	if (
		typeof manifest.createdAt !== 'string' ||
		!Array.isArray(manifest.files) ||
		(manifest.title !== undefined && typeof manifest.title !== 'string')
	) {
		throw corrupt('unexpected layout');
	}
	for (const file of manifest.files as unknown[]) {
		if (
			!isRecord(file) ||
			typeof file.hash !== 'string' ||
			!isSha256Hex(file.hash) ||
			typeof file.name !== 'string' ||
			typeof file.bytes !== 'number' ||
			!isRecord(file.choices)
		) {
			throw corrupt('unexpected file entry');
		}
	}
	if (manifest.snapshot !== undefined) {
		const snapshot = manifest.snapshot;
		const tablesOk =
			isRecord(snapshot) &&
			typeof snapshot.key === 'string' &&
			Array.isArray(snapshot.tables) &&
			(snapshot.tables as unknown[]).every(
				(table) =>
					isRecord(table) &&
					typeof table.table === 'string' &&
					typeof table.hash === 'string' &&
					isSha256Hex(table.hash) &&
					typeof table.bytes === 'number'
			);
		if (!tablesOk) throw corrupt('unexpected snapshot');
	}
	return manifest as unknown as DatasetManifest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hasCode(error: unknown, ...codes: string[]): boolean {
	return (
		error instanceof Error &&
		'code' in error &&
		codes.includes(String((error as NodeJS.ErrnoException).code))
	);
}

async function readIfExists(file: string): Promise<Buffer | null> {
	try {
		return await readFile(file);
	} catch (error) {
		if (hasCode(error, 'ENOENT')) return null;
		throw error;
	}
}

async function openIfExists(file: string): Promise<FileHandle | null> {
	try {
		return await open(file, 'r');
	} catch (error) {
		if (hasCode(error, 'ENOENT')) return null;
		throw error;
	}
}

/** Temp file in the same folder, fsync, rename over the target, fsync the folder. */
async function writeAtomically(folder: string, target: string, bytes: Uint8Array): Promise<void> {
	// Unique per write, so concurrent publishes of the same blob never share a temp file.
	const temp = inside(folder, `${TEMP_PREFIX}${randomBytes(12).toString('hex')}`);
	try {
		const handle = await open(temp, 'wx');
		try {
			await handle.writeFile(bytes);
			await handle.sync();
		} finally {
			await handle.close();
		}
		await rename(temp, target);
	} catch (error) {
		await rm(temp, { force: true });
		throw error;
	}
	await syncDirectory(folder);
}

/** Makes a rename in the folder durable. */
async function syncDirectory(folder: string): Promise<void> {
	try {
		const handle = await open(folder, 'r');
		try {
			await handle.sync();
		} finally {
			await handle.close();
		}
	} catch (error) {
		// Some platforms (Windows) and filesystems cannot fsync a folder; the rename is still atomic.
		if (!hasCode(error, 'EISDIR', 'EPERM', 'EINVAL', 'ENOTSUP')) throw error;
	}
}

/** Deletes temp files left by a crash; young ones may belong to a publish still running. */
async function removeStaleTemps(folder: string): Promise<void> {
	const cutoff = Date.now() - STALE_TEMP_MS;
	for (const name of await readdir(folder)) {
		if (!name.startsWith(TEMP_PREFIX)) continue;
		const file = inside(folder, name);
		try {
			if ((await lstat(file)).mtimeMs < cutoff) await rm(file, { force: true });
		} catch (error) {
			// Another process may have cleaned it up first.
			if (!hasCode(error, 'ENOENT')) throw error;
		}
	}
}
