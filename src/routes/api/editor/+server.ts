import { json } from '@sveltejs/kit';
import { getPublishing } from '$lib/server/context';
import { EDITOR_COOKIE, isEditor } from '$lib/server/publishing';
import type { RequestHandler } from './$types';

/** Tells the page whether this browser may publish (the cookie itself is HttpOnly). */
export const GET: RequestHandler = async ({ request, cookies }) => {
	const publishing = await getPublishing();
	return json(
		{ editor: await isEditor(publishing, request, cookies.get(EDITOR_COOKIE)) },
		{ headers: { 'cache-control': 'no-store' } }
	);
};

/**
 * Signs this browser out: its session ends on the server (a copy of the cookie is worth
 * nothing after) and the cookie is cleared. Only from the dashboard's own pages: the hook
 * refuses every cross-site DELETE before it gets here (hooks.server.ts).
 */
export const DELETE: RequestHandler = async ({ cookies }) => {
	const publishing = await getPublishing();
	await publishing.sessions.end(cookies.get(EDITOR_COOKIE));
	cookies.delete(EDITOR_COOKIE, { path: '/', secure: publishing.secureCookies });
	return json({ editor: false }, { headers: { 'cache-control': 'no-store' } });
};
