import {
	prepareFromStart,
	type PreparedFile,
	type PreparedText,
	type PrepareRefusal,
	type Preparer
} from './prepare';
import type { PrepareRequest, PrepareResponse } from './prepare.worker';

/** A promise with its settle functions (`Promise.withResolvers`, which older browsers lack). */
interface Deferred<T> {
	promise: Promise<T>;
	resolve: (value: T) => void;
	reject: (reason: unknown) => void;
}

function deferred<T>(): Deferred<T> {
	let resolve!: (value: T) => void;
	let reject!: (reason: unknown) => void;
	const promise = new Promise<T>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return { promise, resolve, reject };
}

/**
 * A request in flight: the prepared file once it comes, the whole file's preparation if that was
 * made from the file's start, and its hash later.
 */
interface Pending {
	prepared: Deferred<PreparedFile>;
	whole: Deferred<PreparedText | PrepareRefusal | null>;
	hash: Deferred<string>;
	/** Whether the page prepared the file from its start, so that `whole` is to come. */
	fromStart: boolean;
}

/** From this size a file is copied in a task of its own (see below). */
const COPY_IN_OWN_TASK_BYTES = 8 * 2 ** 20;

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

function answer(response: PrepareResponse): void {
	const request = pending.get(response.id);
	if (!request) return;
	if (response.kind === 'prepared') {
		request.prepared.resolve({ prepared: response.prepared, hash: request.hash.promise });
		return;
	}
	// The last answer: `whole` for a file prepared from its start, `hashed` for any other.
	if (response.kind === 'whole') {
		pending.delete(response.id);
		request.whole.resolve(response.prepared);
		return;
	}
	if (response.kind === 'hashed') {
		if (!request.fromStart) pending.delete(response.id);
		request.hash.resolve(response.hash);
		return;
	}
	pending.delete(response.id);
	const error = new Error(response.message);
	// Whichever is still open fails; a settled promise ignores it.
	request.prepared.reject(error);
	request.whole.reject(error);
	request.hash.reject(error);
}

/**
 * Starts the worker ahead of a file, when staff open the upload section: loading its module
 * was most of the wait for a small file's first step.
 */
export function startPrepareWorker(): Worker {
	if (!worker) {
		worker = new Worker(new URL('./prepare.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<PrepareResponse>) => answer(event.data);
	}
	return worker;
}

/**
 * Prepares a file in a dedicated worker (browser only), started on first use. A large file whose
 * start is plain UTF-8 is prepared from its start here, on the page (its first lines: a few
 * milliseconds), so that DuckDB reads it at once, while the worker hashes it and scans the whole,
 * which decides (`whole`). Going to the worker and back first took a quarter of a second of a
 * million rows' import: the structured clone copied the bytes twice, the worker once more.
 */
export const prepareInWorker: Preparer = (bytes, options) => {
	const preparer = startPrepareWorker();
	const id = nextId++;
	const fromStart = prepareFromStart(bytes, options);
	const request: Pending = {
		prepared: deferred<PreparedFile>(),
		whole: deferred<PreparedText | PrepareRefusal | null>(),
		hash: deferred<string>(),
		fromStart: fromStart !== null
	};
	// A hash or a whole file nobody awaits (the import stopped first, or the file was prepared
	// whole at once) must not be reported as unhandled.
	request.whole.promise.catch(() => undefined);
	request.hash.promise.catch(() => undefined);
	pending.set(id, request);
	// The page keeps its bytes, to store them once the import succeeds: the worker gets a copy,
	// moved, and so does DuckDB (the text it reads is theirs to move on). A large file's copies
	// are tasks of their own: posted in the task that read the file, the copy joined the page
	// drawing its progress line in one task of up to 98 ms.
	const inOwnTask = (copy: () => void) =>
		bytes.length >= COPY_IN_OWN_TASK_BYTES ? setTimeout(copy, 0) : copy();
	// The worker's copy first: a file going straight into its table waits for the worker's hash
	// (about 0.15 s for 100 MB) before DuckDB reads it. Then DuckDB's.
	inOwnTask(() => {
		const copy = bytes.slice();
		const message: PrepareRequest = { id, bytes: copy, options, fromStart: request.fromStart };
		preparer.postMessage(message, [copy.buffer]);
	});
	if (fromStart) {
		inOwnTask(() => {
			const prepared = { ...fromStart, data: fromStart.data.slice() };
			request.prepared.resolve({
				prepared,
				hash: request.hash.promise,
				whole: request.whole.promise
			});
		});
	}
	return request.prepared.promise;
};
