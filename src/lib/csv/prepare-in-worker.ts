import type { Preparer } from './prepare';
import type { PrepareRequest, PrepareResponse } from './prepare.worker';

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (value: PrepareResponse) => void }>();

/** Prepares a file in a dedicated worker (browser only), started on first use. */
export const prepareInWorker: Preparer = (bytes, options) => {
	if (!worker) {
		worker = new Worker(new URL('./prepare.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<PrepareResponse>) => {
			waiting.get(event.data.id)?.resolve(event.data);
			waiting.delete(event.data.id);
		};
	}
	const id = nextId++;
	const request: PrepareRequest = {
		id,
		bytes,
		options: { columnOverrides: options.columnOverrides }
	};
	const answer = new Promise<PrepareResponse>((resolve) => waiting.set(id, { resolve }));
	// Copied, not moved: the page keeps the bytes to store them once the import succeeds.
	worker.postMessage(request);
	return answer.then((response) => {
		if (!response.ok) throw new Error(response.message);
		return response.file;
	});
};
