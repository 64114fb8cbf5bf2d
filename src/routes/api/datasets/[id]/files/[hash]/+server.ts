import { json } from '@sveltejs/kit';
import { getPublishing } from '$lib/server/context';
import { isDatasetId, isSha256Hex } from '$lib/domain/ids';
import { CorruptDatasetError } from '$lib/server/dataset-store';
import { ifNoneMatchHits } from '$lib/server/http-cache';
import type { RequestHandler } from './$types';

/**
 * One file of a published dataset, exactly as uploaded, streamed from disk. Its SHA-256 is
 * checked before the first byte is sent (in full once per process, see STORE.md), so a damaged
 * file is a 500 with nothing of it sent.
 */
export const GET: RequestHandler = async ({ params, request }) => {
	if (!isDatasetId(params.id) || !isSha256Hex(params.hash)) {
		return json({ error: 'not-found' }, { status: 404 });
	}
	const { store } = await getPublishing();
	const headers: Record<string, string> = {
		'content-type': 'application/octet-stream',
		'cache-control': 'public, max-age=31536000, immutable',
		etag: `"${params.hash}"`,
		'x-content-type-options': 'nosniff'
	};
	try {
		// The tag is the content hash, so a client holding it holds these bytes: a 304 needs only
		// the dataset to list the file, and no read of the file.
		if (ifNoneMatchHits(request.headers.get('if-none-match'), headers.etag!)) {
			const manifest = await store.manifest(params.id);
			if (!manifest?.files.some((file) => file.hash === params.hash)) {
				return json({ error: 'not-found' }, { status: 404 });
			}
			return new Response(null, { status: 304, headers });
		}
		const opened = await store.open(params.id, params.hash);
		if (!opened) return json({ error: 'not-found' }, { status: 404 });
		headers['content-length'] = String(opened.bytes);
		if (request.method === 'HEAD') {
			await opened.body.cancel();
			return new Response(null, { headers });
		}
		return new Response(opened.body, { headers });
	} catch (error) {
		if (error instanceof CorruptDatasetError) return json({ error: 'corrupt' }, { status: 500 });
		throw error;
	}
};
