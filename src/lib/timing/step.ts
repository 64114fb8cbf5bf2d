/**
 * Runs one step of a longer piece of work and records it in the performance timeline as a
 * measure named `name` (`import:read-and-check`, `engine:instantiate`), so that `npm run bench`
 * can say where the time goes. It changes nothing the step does, and costs microseconds.
 */
export async function timedStep<T>(name: string, run: () => Promise<T>): Promise<T> {
	const start = performance.now();
	try {
		return await run();
	} finally {
		performance.measure(name, { start, end: performance.now() });
	}
}
