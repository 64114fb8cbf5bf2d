import { SECURITY_HEADERS } from '../../node-server/harden.js';

/**
 * The policy of an HTML answer that has none of its own: SvelteKit's pages carry theirs, but
 * its plain error page (an endpoint's error, a refused request) does not. Nothing runs on it.
 */
const ERROR_PAGE_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; " +
	"form-action 'none'; frame-ancestors 'none'";

/**
 * The headers every answer carries (`SECURITY_HEADERS`; the built server's Node layer adds them
 * to static files as well), and a policy on HTML that has none.
 */
export function withSecurityHeaders(response: Response): Response {
	const wanted: [string, string][] = Object.entries(SECURITY_HEADERS);
	const type = response.headers.get('content-type') ?? '';
	if (type.startsWith('text/html')) wanted.push(['content-security-policy', ERROR_PAGE_CSP]);
	let answer = response;
	for (const [name, value] of wanted) {
		if (answer.headers.has(name)) continue;
		try {
			answer.headers.set(name, value);
		} catch {
			// Some responses have immutable headers (a fetched one, Response.redirect): copy it.
			answer = new Response(answer.body, answer);
			answer.headers.set(name, value);
		}
	}
	return answer;
}
