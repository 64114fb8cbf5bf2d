import { createHash } from 'node:crypto';

/** A strong entity tag for these exact bytes: their SHA-256 in hex, quoted. */
export function strongEtag(bytes: Uint8Array): string {
	return `"${createHash('sha256').update(bytes).digest('hex')}"`;
}

/**
 * Whether an `If-None-Match` header matches the current entity tag, so a GET may be answered
 * 304. RFC 9110 §13.1.2 asks for the weak comparison here: `W/"x"` matches `"x"`, which is what
 * a browser sends back after the response was gzipped on the way out (see compression.ts).
 * `*` matches any current representation. Anything unreadable in the header is ignored.
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
	if (header === null) return false;
	if (header.trim() === '*') return true;
	const wanted = opaque(etag);
	// An entity tag is an optional W/ and a quoted string without quotes inside (commas allowed).
	for (const match of header.matchAll(/(?:W\/)?"[^"]*"/g)) {
		if (opaque(match[0]) === wanted) return true;
	}
	return false;
}

function opaque(tag: string): string {
	return tag.startsWith('W/') ? tag.slice(2) : tag;
}
