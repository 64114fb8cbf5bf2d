import { json } from '@sveltejs/kit';
import { getPublishing } from '$lib/server/context';
import { CorruptDatasetError, isDatasetId, isSha256Hex } from '$lib/server/dataset-store';
import type { RequestHandler } from './$types';

/** One file of a published dataset, exactly as uploaded; checked against its hash on every read. */
export const GET: RequestHandler = async ({ params }) => {
	if (!isDatasetId(params.id) || !isSha256Hex(params.hash)) {
		return json({ error: 'not-found' }, { status: 404 });
	}
	const { store } = await getPublishing();
	try {
		const bytes = await store.file(params.id, params.hash);
		if (!bytes) return json({ error: 'not-found' }, { status: 404 });
		return new Response(new Uint8Array(bytes), {
			headers: {
				'content-type': 'application/octet-stream',
				'cache-control': 'public, max-age=31536000, immutable',
				etag: `"${params.hash}"`,
				'x-content-type-options': 'nosniff'
			}
		});
	} catch (error) {
		if (error instanceof CorruptDatasetError) return json({ error: 'corrupt' }, { status: 500 });
		throw error;
	}
};
