import { page } from '$app/state';
import { decodeUrlState } from '$lib/url-state/url-state';

type Address = ReturnType<typeof decodeUrlState>;

// The last address read, by its query string: the layout (its language) and the page (all the
// rest) read the same address and share one decoding. A universal +layout.ts load would decode it
// once too, but a load that reruns on every filter change made each change land ~10 ms later
// (bench, side by side). decodeUrlState is pure, so the memo holds nothing of one visitor that
// another could not compute from the same query string.
let last: { search: string; address: Address } | null = null;

/** The current page's address, decoded once per query string. */
export function currentAddress(): Address {
	const { search, searchParams } = page.url;
	if (last?.search !== search) last = { search, address: decodeUrlState(searchParams) };
	return last.address;
}
