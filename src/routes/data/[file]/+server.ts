import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { dataDirectory, isSampleFile, readSampleFile } from '$lib/server/sample-data';
import type { RequestHandler } from './$types';

/** Serves a shipped sample CSV export as raw bytes, exactly as on disk. */
export const GET: RequestHandler = async ({ params }) => {
	if (!isSampleFile(params.file)) error(404, 'Not found');
	const bytes = await readSampleFile(dataDirectory(env), params.file);
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'cache-control': 'no-cache',
			'x-content-type-options': 'nosniff'
		}
	});
};
