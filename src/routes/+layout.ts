import { decodeUrlState } from '$lib/url-state/url-state';
import type { LayoutLoad } from './$types';

/**
 * The address read once per navigation, for the layout (its language) and the page (everything
 * else) alike. It reads the whole query, so it runs again on every change of it. (The page's own
 * load reads the view's parameter alone, to have that view's code in hand.)
 */
export const load: LayoutLoad = ({ url }) => ({ address: decodeUrlState(url.searchParams) });
