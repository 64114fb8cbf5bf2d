// Decodes, scans and hashes one upload off the page's thread: for a 1,000,000-row export this
// is over a second of work that would otherwise freeze the page. The prepared text goes back
// first, so DuckDB reads it while the hash is still being computed here.
import { sha256Hex } from './hash';
import {
	prepareFile,
	prepareFromStart,
	reviseFromWhole,
	type PrepareOptions,
	type PrepareRefusal,
	type PreparedText
} from './prepare';
import { warmUpFile } from './warm-up';

export interface PrepareRequest {
	id: number;
	bytes: Uint8Array;
	options: Omit<PrepareOptions, 'decodeCp949'>;
}

/**
 * Answers to a request, in this order: `prepared`; `hashed`; `whole` if `prepared` was made from
 * the file's start (the whole file's preparation, or null when it agrees). Or, at any point,
 * `failed`, the last.
 */
export type PrepareResponse =
	| { id: number; kind: 'prepared'; prepared: PreparedText | PrepareRefusal; fromStart: boolean }
	| { id: number; kind: 'whole'; prepared: PreparedText | PrepareRefusal | null }
	| { id: number; kind: 'hashed'; hash: string }
	| { id: number; kind: 'failed'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

self.onmessage = async (event: MessageEvent<PrepareRequest>) => {
	const { id, bytes, options } = event.data;
	const answer = (response: PrepareResponse, transfer: Transferable[] = []) =>
		self.postMessage(response, { transfer });
	// The prepared UTF-8 text is moved, not copied, back to the page; when it is the upload's own
	// bytes (UTF-8 that needed no change), a copy is, as the bytes are scanned and hashed next.
	const movable = <T extends PreparedText | PrepareRefusal | null>(prepared: T): T =>
		prepared?.ok && prepared.data.buffer === bytes.buffer
			? { ...prepared, data: prepared.data.slice() }
			: prepared;
	const moved = (prepared: PreparedText | PrepareRefusal | null) =>
		prepared?.ok ? [prepared.data.buffer] : [];
	try {
		// A large file whose start is plain goes back prepared from that start, for DuckDB to read
		// while the rest is scanned here (the second core); then its hash, which a clean file
		// going straight into the dataset needs before DuckDB reads it; then whether the whole
		// file agrees.
		const fromStart = prepareFromStart(bytes, options);
		if (fromStart) {
			const prepared = movable(fromStart);
			answer({ id, kind: 'prepared', prepared, fromStart: true }, moved(prepared));
			answer({ id, kind: 'hashed', hash: await sha256Hex(bytes) });
			const revised = movable(reviseFromWhole(fromStart, await prepareFile(bytes, options)));
			answer({ id, kind: 'whole', prepared: revised }, moved(revised));
		} else {
			const prepared = movable(await prepareFile(bytes, options));
			answer({ id, kind: 'prepared', prepared, fromStart: false }, moved(prepared));
			answer({ id, kind: 'hashed', hash: await sha256Hex(bytes) });
		}
	} catch (error) {
		answer({ id, kind: 'failed', message: messageOf(error) });
	}
};

// Started ahead of a file (when the upload section opens), the worker prepares a small made-up
// export at once, so that the person's file meets compiled code: side by side (20 fresh pages
// each, alternating), a 10,000-row file was prepared in 24 ms instead of 34 (medians). A file
// sent meanwhile waits for this (10–15 ms there) at most.
void prepareFile(warmUpFile());
