import { json } from '@sveltejs/kit';
import { getPublishing } from '$lib/server/context';
import { isDatasetId } from '$lib/domain/ids';
import { CorruptDatasetError } from '$lib/server/dataset-store';
import type { RequestHandler } from './$types';

// Published datasets never change: a link pins one version, so browsers may keep it forever.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The manifest of a published dataset: its files, in import order, with their choices. */
export const GET: RequestHandler = async ({ params }) => {
	if (!isDatasetId(params.id)) return json({ error: 'not-found' }, { status: 404 });
	const { store } = await getPublishing();
	try {
		const manifest = await store.manifest(params.id);
		if (!manifest) return json({ error: 'not-found' }, { status: 404 });
		return json(manifest, { headers: { 'cache-control': IMMUTABLE } });
	} catch (error) {
		if (error instanceof CorruptDatasetError) return json({ error: 'corrupt' }, { status: 500 });
		throw error;
	}
};
