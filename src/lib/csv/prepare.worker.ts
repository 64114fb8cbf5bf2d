// Decodes, scans and hashes one upload off the page's thread: for a 1,000,000-row export this
// is over a second of work that would otherwise freeze the page. The prepared text goes back
// first, so DuckDB reads it while the hash is still being computed here.
import { sha256Hex } from './hash';
import {
	prepareFile,
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

/** Two answers per request, `prepared` and then `hashed`; or one `failed`. */
export type PrepareResponse =
	| { id: number; kind: 'prepared'; prepared: PreparedText | PrepareRefusal }
	| { id: number; kind: 'hashed'; hash: string }
	| { id: number; kind: 'failed'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

self.onmessage = async (event: MessageEvent<PrepareRequest>) => {
	const { id, bytes, options } = event.data;
	const answer = (response: PrepareResponse, transfer: Transferable[] = []) =>
		self.postMessage(response, { transfer });
	try {
		const prepared = await prepareFile(bytes, options);
		// The prepared UTF-8 text is moved, not copied, back to the page; when it is the upload's
		// own bytes (UTF-8 that needed no change), a copy is, as the bytes are hashed next.
		if (prepared.ok && prepared.data.buffer === bytes.buffer) prepared.data = prepared.data.slice();
		answer({ id, kind: 'prepared', prepared }, prepared.ok ? [prepared.data.buffer] : []);
	} catch (error) {
		answer({ id, kind: 'failed', message: messageOf(error) });
		return;
	}
	try {
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
