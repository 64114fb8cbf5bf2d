import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** One stored file of a published dataset: its content hash, original name, size and import choices. */
export interface PublishedFile {
	/** SHA-256 of the bytes, lowercase hex. */
	hash: string;
	name: string;
	bytes: number;
	choices: Record<string, unknown>;
}

/** What a published dataset id resolves to; never changes once written. */
export interface DatasetManifest {
	id: string;
	/** ISO 8601, UTC. */
	createdAt: string;
	files: PublishedFile[];
}

/** The small storage door: a folder here, an S3-compatible bucket later (see STORE.md). */
export interface DatasetStore {
	/** Stores the files (in this order) as a new immutable dataset under a fresh unguessable id. */
	publish(
		files: { name: string; bytes: Uint8Array; choices: Record<string, unknown> }[]
	): Promise<DatasetManifest>;
	/** The manifest, or null for an unknown id; throws CorruptDatasetError if its checksum fails. */
	manifest(id: string): Promise<DatasetManifest | null>;
	/** One file's bytes, checked against its SHA-256 on every read; null if unknown. Throws CorruptDatasetError on mismatch. */
	file(id: string, hash: string): Promise<Uint8Array | null>;
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
}

// 16 random bytes in base64url without padding are exactly 22 characters.
const ID_BYTES = 16;
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;
// Starts with a dot, so it can never be taken for a blob hash or a `<id>.json` manifest.
const TEMP_PREFIX = '.tmp-';
const STALE_TEMP_MS = 60 * 60 * 1000;

/** True only for the exact dataset id format (22 base64url characters). */
export function isDatasetId(value: string): boolean {
	return ID_PATTERN.test(value);
}

/** True only for a lowercase hex SHA-256 digest (64 characters). */
export function isSha256Hex(value: string): boolean {
	return SHA256_PATTERN.test(value);
}

/** A dataset store in a folder: blobs/<sha256> shared by all datasets, datasets/<id>.json. */
export function createFolderStore(root: string, options: FolderStoreOptions = {}): DatasetStore {
	const base = path.resolve(root);
	const blobsDir = inside(base, 'blobs');
	const datasetsDir = inside(base, 'datasets');
	let ready: Promise<void> | undefined;

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

	return {
		async publish(files) {
			if (files.length === 0) throw new TypeError('A dataset needs at least one file.');
			await prepare();
			const id = randomBytes(ID_BYTES).toString('base64url');
			const hashed = files.map((file) => ({ ...file, hash: sha256Hex(file.bytes) }));

			const unique = new Map(hashed.map((file) => [file.hash, file.bytes]));
			await Promise.all([...unique].map(([hash, bytes]) => storeBlob(hash, bytes)));
			// A blob skipped above may have been renamed into place by a concurrent publish that
			// has not synced the folder yet; sync it here so our manifest never outlives a blob.
			await syncDirectory(blobsDir);

			// The JSON round trip makes the returned manifest equal to what manifest() reads back.
			const manifest = JSON.parse(
				JSON.stringify({
					id,
					createdAt: new Date().toISOString(),
					files: hashed.map(({ hash, name, bytes, choices }) => ({
						hash,
						name,
						bytes: bytes.byteLength,
						choices
					}))
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
			if (!isDatasetId(id) || !isSha256Hex(hash)) return null;
			const manifest = await readManifest(id);
			// Only files listed in this dataset are reachable through its id.
			const entry = manifest?.files.find((file) => file.hash === hash);
			if (!entry) return null;
			const bytes = await readIfExists(blobPath(hash));
			if (bytes === null) {
				throw new CorruptDatasetError(`Dataset ${id}: file ${hash} is missing from the store.`);
			}
			if (bytes.byteLength !== entry.bytes || sha256Hex(bytes) !== hash) {
				throw new CorruptDatasetError(
					`Dataset ${id}: file ${hash} is damaged (its bytes no longer match their SHA-256).`
				);
			}
			return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		}
	};
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
	if (typeof manifest.createdAt !== 'string' || !Array.isArray(manifest.files)) {
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
