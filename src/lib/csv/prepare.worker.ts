// Decodes, scans and hashes one upload off the page's thread: for a 1,000,000-row export this
// is over a second of work that would otherwise freeze the page. The prepared text goes back
// first, so DuckDB reads it while the hash is still being computed here; a large file the page
// prepared from its start is only hashed and scanned here, while DuckDB reads it.
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
	/** A copy of the upload's bytes, moved here: the page keeps its own. */
	bytes: Uint8Array;
	options: Omit<PrepareOptions, 'decodeCp949'>;
	/**
	 * Whether the page prepared the file from its start (`prepareFromStart`, a few milliseconds
	 * there), so that DuckDB reads it at once: this worker says whether the whole file agrees.
	 */
	fromStart: boolean;
}

/**
 * Answers to a request, in this order: for a file the page prepared from its start, `hashed`,
 * then `whole` (the whole file's preparation, or null when it agrees with the start's); for any
 * other, `prepared`, then `hashed`. Or, at any point, `failed`, the last.
 */
export type PrepareResponse =
	| { id: number; kind: 'prepared'; prepared: PreparedText | PrepareRefusal }
	| { id: number; kind: 'whole'; prepared: PreparedText | PrepareRefusal | null }
	| { id: number; kind: 'hashed'; hash: string }
	| { id: number; kind: 'failed'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

self.onmessage = async (event: MessageEvent<PrepareRequest>) => {
	const { id, bytes, options, fromStart } = event.data;
	const answer = (response: PrepareResponse, transfer: Transferable[] = []) =>
		self.postMessage(response, { transfer });
	const moved = (prepared: PreparedText | PrepareRefusal | null) =>
		prepared?.ok ? [prepared.data.buffer] : [];
	try {
		if (fromStart) {
			// The hash first: a clean file going straight into its table waits for it before
			// DuckDB reads. Then the scan of the whole file, on this second core, which decides.
			answer({ id, kind: 'hashed', hash: await sha256Hex(bytes) });
			const whole = await prepareFile(bytes, options);
			// The same preparation the page made, of this copy (a file it took is one it takes).
			const start = prepareFromStart(bytes, options);
			const revised = start ? reviseFromWhole(start, whole) : whole;
			// Nothing here reads the bytes after this: the text is moved as it is.
			answer({ id, kind: 'whole', prepared: revised }, moved(revised));
			return;
		}
		// The prepared UTF-8 text is moved, not copied, back to the page; when it is these bytes
		// (UTF-8 that needed no change), a copy is, as they are hashed next.
		const whole = await prepareFile(bytes, options);
		const prepared =
			whole.ok && whole.data.buffer === bytes.buffer
				? { ...whole, data: whole.data.slice() }
				: whole;
		answer({ id, kind: 'prepared', prepared }, moved(prepared));
		answer({ id, kind: 'hashed', hash: await sha256Hex(bytes) });
	} catch (error) {
		answer({ id, kind: 'failed', message: messageOf(error) });
	}
};

// Started ahead of a file (when the upload section opens), the worker prepares a small made-up
// export at once, so that the person's file meets compiled code: side by side (20 fresh pages
// each, alternating), a 10,000-row file was prepared in 24 ms instead of 34 (medians). A file
// sent meanwhile waits for this (10–15 ms there) at most.
void prepareFile(warmUpFile());
