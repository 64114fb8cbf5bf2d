import { error } from '@sveltejs/kit';
import { getPublishing } from '$lib/server/context';
import { tokenMatches } from '$lib/server/editor-token';
import { EDITOR_COOKIE } from '$lib/server/publishing';
import type { RequestHandler } from './$types';

/**
 * The sign-in link the server prints at first start: the token is exchanged for a session (a
 * random id in an HttpOnly, SameSite=Strict cookie, Secure when the public address is https,
 * for `EDITOR_SESSION_HOURS`), and the editor is sent on to the dashboard, so the token never
 * stays in an address or a cookie.
 */
export const GET: RequestHandler = async ({ url, cookies }) => {
	const publishing = await getPublishing();
	if (!tokenMatches(publishing.editor.token, url.searchParams.get('token'))) {
		error(403, '편집자 토큰이 맞지 않습니다. / The editor token does not match.');
	}
	const session = await publishing.sessions.create();
	cookies.set(EDITOR_COOKIE, session.id, {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure: publishing.secureCookies,
		maxAge: session.maxAgeSeconds
	});
	// Not kept by any cache: the address held the token.
	return new Response(null, {
		status: 303,
		headers: { location: '/', 'cache-control': 'no-store' }
	});
};
