import { UPLOADS_COOKIE } from '$lib/dataset/uploads-cookie';
import { getFigureServer } from '$lib/server/context';
import { COMPARE_VIEW, PARAM } from '$lib/url-state/url-state';
import type { ServerFigures } from '$lib/views/figures';
import type { PageServerLoad } from './$types';

/**
 * The first figures, computed here so the page paints its charts and tables before DuckDB has
 * started in the browser. Read once per page load: the address is read untracked, so later
 * filter changes never come back here; from then on the browser's own engine answers.
 */
export const load: PageServerLoad = async ({ url, untrack, cookies }) => {
	// A copy, made untracked: reading SvelteKit's own searchParams later would track it again.
	const params = untrack(() => new URLSearchParams(url.searchParams));
	// This browser keeps uploads of its own, which the server cannot see: the sample's figures
	// would be shown as if they were the user's until DuckDB replaced them. None are sent.
	const keepsUploads = cookies.get(UPLOADS_COOKIE) === '1';
	const ownData = !params.has('ds') && keepsUploads;
	// A comparison loads two versions in the browser and shows no first figures of either.
	const comparing = params.get(PARAM.view) === COMPARE_VIEW;
	if (ownData || comparing) return { first: null, ownData, keepsUploads };
	let first: ServerFigures | null = null;
	try {
		first = await getFigureServer().figuresFor(params);
	} catch (error) {
		// The browser computes everything itself; the page only paints later.
		console.error('first figures failed:', error);
	}
	// A published link's banner leads back to those uploads, or to the sample if there are none.
	return { first, ownData, keepsUploads };
};
