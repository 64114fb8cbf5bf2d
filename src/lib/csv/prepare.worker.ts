// Hashes, decodes and scans one upload off the page's thread: for a 1,000,000-row export this
// is over a second of work that would otherwise freeze the page.
import { hashBytes } from './import';
import { prepareText, type PrepareOptions, type PreparedFile } from './prepare';

export interface PrepareRequest {
	id: number;
	bytes: Uint8Array;
	options: Pick<PrepareOptions, 'columnOverrides'>;
}

export type PrepareResponse =
	{ id: number; ok: true; file: PreparedFile } | { id: number; ok: false; message: string };

self.onmessage = (event: MessageEvent<PrepareRequest>) => {
	const { id, bytes, options } = event.data;
	let response: PrepareResponse;
	try {
		response = {
			id,
			ok: true,
			file: { hash: hashBytes(bytes), prepared: prepareText(bytes, options) }
		};
	} catch (error) {
		response = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
	}
	// The prepared UTF-8 text is moved, not copied, back to the page.
	const moved =
		response.ok && response.file.prepared.ok ? [response.file.prepared.data.buffer] : [];
	self.postMessage(response, { transfer: moved as Transferable[] });
};
