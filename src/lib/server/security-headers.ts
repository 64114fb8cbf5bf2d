/**
 * Headers every answer of the app's own routes carries: the browser never guesses a type other
 * than the one sent (a JSON manifest holds file names staff chose), and a link followed out of
 * the dashboard never tells the other site which view, filters or dataset id it came from.
 */
const HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin'
} as const;

export function withSecurityHeaders(response: Response): Response {
	let answer = response;
	for (const [name, value] of Object.entries(HEADERS)) {
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
