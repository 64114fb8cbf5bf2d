/** How long after a click the page keeps the chart where it was: the new figures land by then. */
const HOLD_MS = 2500;

/**
 * Keeps an element where it is on the screen while the page around it changes size: a click on
 * a chart filters the page, the charts above and below it grow or shrink as their new figures
 * land, and without this the chart clicked moves away (or off the screen). Lets go when the
 * time is up or as soon as the person scrolls or types themselves.
 */
export function holdInView(element: HTMLElement, ms = HOLD_MS): () => void {
	const top = element.getBoundingClientRect().top;
	const settle = () => {
		const moved = element.getBoundingClientRect().top - top;
		if (Math.abs(moved) >= 1) window.scrollBy({ top: moved, behavior: 'instant' });
	};
	const observer = new ResizeObserver(settle);
	observer.observe(document.body);
	const userEvents = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
	const release = () => {
		clearTimeout(timer);
		observer.disconnect();
		for (const name of userEvents) window.removeEventListener(name, release, true);
	};
	// The click itself is over by now; only what the person does next lets go.
	for (const name of userEvents)
		window.addEventListener(name, release, { capture: true, passive: true });
	const timer = setTimeout(release, ms);
	return release;
}
