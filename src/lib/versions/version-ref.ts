import { sha256Hex } from '$lib/csv/hash';
import { isDatasetId } from '$lib/domain/ids';
import type { SourceFile } from '$lib/provenance/source-files';

/**
 * A version of the data the loaded one can be compared with: a published dataset, the shipped
 * sample alone, or this browser's data as it was before its last import.
 */
export type VersionRef =
	{ kind: 'published'; id: string } | { kind: 'sample' } | { kind: 'before' };

/** Why a comparison cannot be shown, worded by the i18n layer (`compare.problem.*`). */
export type VersionProblem =
	/** Not a version id at all. */
	| 'malformed'
	/** A dataset id the server does not have. */
	| 'unknown'
	/** A version that exists but would not load (the server failed, a kept file is gone). */
	| 'unavailable'
	/** No import was made in this browser since the comparison was kept. */
	| 'no-before'
	/** The two versions' own files are of different kinds: nothing in them can be compared. */
	| 'kinds';

/** Reads `vs`; null for anything that is not a version id. */
export function parseVersionRef(text: string): VersionRef | null {
	if (text === 'sample' || text === 'before') return { kind: text };
	return isDatasetId(text) ? { kind: 'published', id: text } : null;
}

/** A version as `vs` writes it. */
export function versionParam(ref: VersionRef): string {
	return ref.kind === 'published' ? ref.id : ref.kind;
}

/**
 * A version's fingerprint: the SHA-256 of its files (hash, kind and rows loaded, in one order).
 * Two versions with the same files imported the same way have the same one.
 */
export async function versionHash(files: readonly SourceFile[]): Promise<string> {
	const lines = files.map((file) => `${file.hash} ${file.kind} ${file.rows}`).sort();
	return sha256Hex(new TextEncoder().encode(lines.join('\n')));
}

/**
 * The kinds of data a version's own files hold (the sample's rows fill any kind it has none
 * of, and count for nothing here): two versions whose own files share no kind compare nothing.
 */
export function ownKinds(files: readonly SourceFile[]): Set<SourceFile['kind']> {
	return new Set(files.filter((file) => file.origin !== 'sample').map((file) => file.kind));
}

/** Whether two versions can be compared: unless both have own files of no common kind. */
export function comparableKinds(a: readonly SourceFile[], b: readonly SourceFile[]): boolean {
	const [left, right] = [ownKinds(a), ownKinds(b)];
	if (left.size === 0 || right.size === 0) return true;
	return [...left].some((kind) => right.has(kind));
}
