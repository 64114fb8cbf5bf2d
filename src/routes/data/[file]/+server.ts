import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { dataDirectory, isSampleFile, sampleFileResponse } from '$lib/server/sample-data';
import type { RequestHandler } from './$types';

/** Serves a shipped sample CSV export as raw bytes, exactly as on disk, with an ETag. */
export const GET: RequestHandler = async ({ params, request }) => {
	if (!isSampleFile(params.file)) error(404, 'Not found');
	return sampleFileResponse(request, dataDirectory(env), params.file);
};
