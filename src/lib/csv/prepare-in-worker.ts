import type { PreparedFile, PreparedText, PrepareRefusal, Preparer } from './prepare';
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
	/** Whether `prepared` came from the file's start, so that `whole` is still to come. */
	fromStart?: boolean;
}

/** From this size a file is copied to the worker in a task of its own (see below). */
const COPY_IN_OWN_TASK_BYTES = 8 * 2 ** 20;

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

function answer(response: PrepareResponse): void {
	const request = pending.get(response.id);
	if (!request) return;
	if (response.kind === 'prepared') {
		const { prepared, fromStart } = response;
		const { hash, whole } = request;
		request.fromStart = fromStart;
		request.prepared.resolve(
			fromStart
				? { prepared, hash: hash.promise, whole: whole.promise }
				: { prepared, hash: hash.promise }
		);
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

/** Prepares a file in a dedicated worker (browser only), started on first use. */
export const prepareInWorker: Preparer = (bytes, options) => {
	const preparer = startPrepareWorker();
	const id = nextId++;
	const request: Pending = {
		prepared: deferred<PreparedFile>(),
		whole: deferred<PreparedText | PrepareRefusal | null>(),
		hash: deferred<string>()
	};
	// A hash or a whole file nobody awaits (the import stopped first, or the file was prepared
	// whole at once) must not be reported as unhandled.
	request.whole.promise.catch(() => undefined);
	request.hash.promise.catch(() => undefined);
	pending.set(id, request);
	const message: PrepareRequest = { id, bytes, options };
	// Copied, not moved: the page keeps the bytes to store them once the import succeeds. A large
	// file's copy (about 70 ms for 100 MB) is a task of its own: posted in the task that read the
	// file, it joined the page drawing its progress line in one task of up to 98 ms.
	const post = () => preparer.postMessage(message);
	if (bytes.length >= COPY_IN_OWN_TASK_BYTES) setTimeout(post, 0);
	else post();
	return request.prepared.promise;
};
