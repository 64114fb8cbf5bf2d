import { error } from '@sveltejs/kit';
import { getPublishing } from '$lib/server/context';
import { tokenMatches } from '$lib/server/editor-token';
import { EDITOR_COOKIE } from '$lib/server/publishing';
import type { RequestHandler } from './$types';

/**
 * The sign-in link the server prints at start: it turns the token into an HttpOnly, SameSite
 * cookie and sends the editor on to the dashboard, so the token never stays in an address.
 */
export const GET: RequestHandler = async ({ url, cookies }) => {
	const publishing = await getPublishing();
	if (!tokenMatches(publishing.editor.token, url.searchParams.get('token'))) {
		error(403, '편집자 토큰이 맞지 않습니다. / The editor token does not match.');
	}
	cookies.set(EDITOR_COOKIE, publishing.editor.token, {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 30
	});
	// Not kept by any cache: the address held the token.
	return new Response(null, {
		status: 303,
		headers: { location: '/', 'cache-control': 'no-store' }
	});
};
