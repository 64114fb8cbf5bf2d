import { env } from '$env/dynamic/private';
import { json } from '@sveltejs/kit';
import { getPublishing } from '$lib/server/context';
import { EDITOR_COOKIE, isEditor, isSameOrigin } from '$lib/server/publishing';
import type { RequestHandler } from './$types';

/** Tells the page whether this browser may publish (the cookie itself is HttpOnly). */
export const GET: RequestHandler = async ({ request, cookies }) => {
	const publishing = await getPublishing();
	return json(
		{ editor: isEditor(publishing, request, cookies.get(EDITOR_COOKIE)) },
		{ headers: { 'cache-control': 'no-store' } }
	);
};

/** Signs this browser out: the cookie is cleared. Only from the dashboard's own pages. */
export const DELETE: RequestHandler = async ({ request, url, cookies }) => {
	if (!isSameOrigin(request, url, env.ORIGIN)) {
		return json(
			{
				error: {
					ko: '다른 사이트에서 보낸 요청은 받지 않습니다.',
					en: 'Cross-site requests are refused.'
				}
			},
			{ status: 403 }
		);
	}
	cookies.delete(EDITOR_COOKIE, { path: '/' });
	return json({ editor: false }, { headers: { 'cache-control': 'no-store' } });
};
