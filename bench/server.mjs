// Shared by the benchmarks: waiting for the production server they start.

/** Resolves once `url` answers 2xx; throws after `ms` without one. */
export async function waitForServer(url, ms) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server did not answer at ${url}`);
}
