import { loadViewComponent } from '$lib/components/dashboard/views';
import { decodeView } from '$lib/url-state/url-state';
import type { PageLoad } from './$types';

/**
 * The open view's component, beside the server's figures. Loaded here rather than in the
 * dashboard so it is in hand before the page hydrates (the server drew that view) and before a
 * switch to another view shows. SvelteKit reruns this only when `v` changes: it reads no other
 * parameter, so a filter change runs no load at all.
 */
export const load: PageLoad = async ({ data, url }) => ({
	...data,
	openView: await loadViewComponent(decodeView(url.searchParams))
});
