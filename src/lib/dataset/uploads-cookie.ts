// The server draws a page's first figures from the shipped sample, which is all it knows. A
// browser that keeps uploads of its own says so with this cookie, so the server sends no
// figures rather than the sample's as if they were the user's.

/** The cookie's name; its value is '1' while this browser keeps uploads. */
export const UPLOADS_COOKIE = 'uploads_kept';

/** The `document.cookie` assignment that records whether uploads are kept. */
export function uploadsCookie(kept: boolean): string {
	return kept
		? `${UPLOADS_COOKIE}=1; Path=/; SameSite=Strict; Max-Age=31536000`
		: `${UPLOADS_COOKIE}=; Path=/; SameSite=Strict; Max-Age=0`;
}
