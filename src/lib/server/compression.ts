/**
 * What the server gzips on the way out, and why only that.
 *
 * - HTML pages, always: they are rendered per request (and streamed, so their size is not
 *   known up front), carry the first figures and charts, and shrink several times.
 * - CSV and JSON whose `content-length` is between 1 KiB and 8 MiB: the sample CSVs
 *   (evaluations.csv: 302,659 bytes → about 14.5 KB) and dataset manifests. Below 1 KiB
 *   gzip saves a few hundred bytes at most; above 8 MiB, or of unknown length, compressing on
 *   every request costs too much CPU for a server that also computes first figures: zlib does
 *   about 110 MB/s here, so a 100 MB file would take about a second of CPU per download, on
 *   the same libuv thread pool that reads files.
 * - Never published dataset files. They are `application/octet-stream` (bytes exactly as
 *   uploaded, up to 100 MB), immutable and cached by browsers for a year, so each visitor
 *   downloads one once; they stream from disk with a `content-length` (the download shows
 *   progress), which on-the-fly compression would drop. Storing a gzipped copy at publish
 *   time would be the way to shrink them, if the intranet ever needs it.
 *
 * `Vary: Accept-Encoding` goes on every response that could be compressed, so a shared cache
 * never gives one client's encoding to another. A strong ETag is weakened (`W/`) when the body
 * is gzipped, since the bytes sent are no longer the ones the tag names (as nginx does); the
 * route's `If-None-Match` check compares weakly, so the browser's `W/"…"` still earns a 304.
 * A 304 carries the `content-type` and `content-length` of the 200 it stands for, so the
 * same choice, and with it the same ETag, is made for it.
 */

const MIN_BYTES = 1024;
const MAX_BYTES = 8 * 1024 * 1024;

/** The response gzipped for a client that accepts it, when it is worth it (see above). */
export function gzipped(request: Request, response: Response): Response {
	if (!compressible(response)) return response;
	const accepts = acceptsGzip(request.headers.get('accept-encoding'));
	const notModified = response.status === 304;
	if (!accepts || (!notModified && !response.body)) return withVary(response);

	const headers = new Headers(response.headers);
	addVary(headers);
	const etag = headers.get('etag');
	if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
	// A gzipped body is sent chunked: its length is not known until it has been compressed.
	headers.delete('content-length');
	if (notModified) {
		return new Response(null, { status: 304, statusText: response.statusText, headers });
	}
	headers.set('content-encoding', 'gzip');
	return new Response(response.body!.pipeThrough(new CompressionStream('gzip')), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

function compressible(response: Response): boolean {
	const headers = response.headers;
	if (headers.has('content-encoding')) return false;
	if (/\bno-transform\b/i.test(headers.get('cache-control') ?? '')) return false;
	const type = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (type === 'text/html') return true;
	if (type !== 'text/csv' && type !== 'application/json') return false;
	const length = Number(headers.get('content-length') ?? NaN);
	return Number.isInteger(length) && length >= MIN_BYTES && length <= MAX_BYTES;
}

/** `gzip` listed in `Accept-Encoding` (or `*`, unless gzip itself is listed) without `q=0`. */
function acceptsGzip(header: string | null): boolean {
	let gzip: boolean | undefined;
	let any: boolean | undefined;
	for (const entry of (header ?? '').split(',')) {
		const [coding, ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
		const q = parameters.find((parameter) => parameter.startsWith('q='));
		const wanted = q === undefined || Number(q.slice(2)) > 0;
		if (coding === 'gzip' || coding === 'x-gzip') gzip = wanted;
		else if (coding === '*') any = wanted;
	}
	return gzip ?? any ?? false;
}

function withVary(response: Response): Response {
	const headers = new Headers(response.headers);
	addVary(headers);
	return new Response(response.body, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

function addVary(headers: Headers): void {
	const vary = headers.get('vary') ?? '';
	if (vary.trim() === '*' || /\baccept-encoding\b/i.test(vary)) return;
	headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}
