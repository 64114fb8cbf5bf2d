/**
 * How long one turn goes on starting drawings, counted from the first chart asked for (the page's
 * own update of that task counts too). A chart takes 5–35 ms to draw here. Side by side (fresh
 * pages, 5 each, 30 filter changes): the longest task of a 10,000-row import 67–78 ms instead of
 * 69–105, of the filter changes 58–74 instead of 70–85, filter → charts p50 84 against 88 ms.
 * With 16 ms the last charts waited for a frame more: the filter's p50 took 7–15 ms longer.
 */
export const TASK_BUDGET_MS = 32;

/**
 * Chart drawings waiting their turn, drawn in the order they were asked for, a few per task. A
 * filter change or an import redraws every chart of the view; drawn in one go, they made one
 * task of 60–110 ms on the page's thread, during which a key or a click waited. A task stops
 * starting drawings after `TASK_BUDGET_MS`, so the page answers in between.
 *
 * Asking again for a chart still waiting replaces its drawing (only the latest data is drawn) and
 * keeps its place. A task is a message on a channel: `setTimeout` would wait 4 ms between
 * charts once a few were chained.
 */
export class DrawQueue {
	readonly #waiting = new Map<object, () => void>();
	#channel: MessageChannel | null = null;
	/** Whether a turn is coming: at the end of this task, or as a task of its own. */
	#scheduled = false;

	/**
	 * Draws `draw` for `chart` soon, in place of any drawing still waiting for it: the first
	 * drawings at the end of the current task (as drawing at once did), the rest in later tasks.
	 */
	ask(chart: object, draw: () => void): void {
		this.#waiting.set(chart, draw);
		if (this.#scheduled) return;
		this.#scheduled = true;
		// Charts are asked for while the page updates, in the same task: its time counts.
		const asked = performance.now();
		queueMicrotask(() => this.#turn(asked));
	}

	/** Draws what is waiting for `chart` now (before its picture is read or printed). */
	drawNow(chart: object): void {
		const draw = this.#waiting.get(chart);
		this.#waiting.delete(chart);
		draw?.();
	}

	/** Draws everything waiting now, in order (before the page is printed). */
	drawAll(): void {
		for (const chart of [...this.#waiting.keys()]) this.drawNow(chart);
	}

	/** Forgets what is waiting for `chart` (it is gone). */
	forget(chart: object): void {
		this.#waiting.delete(chart);
	}

	/** Draws for up to the budget, then leaves the rest to a task of its own. */
	#turn(start = performance.now()): void {
		try {
			for (const [chart, draw] of this.#waiting) {
				if (performance.now() - start >= TASK_BUDGET_MS) break;
				this.#waiting.delete(chart);
				draw();
			}
		} finally {
			// Also after a drawing that threw: the others still get drawn.
			if (this.#waiting.size > 0) this.#nextTask();
			else this.#scheduled = false;
		}
	}

	#nextTask(): void {
		if (!this.#channel) {
			this.#channel = new MessageChannel();
			this.#channel.port1.onmessage = () => {
				this.#turn();
				// With nothing left the channel is closed, so that it keeps nothing alive.
				if (!this.#scheduled) {
					this.#channel?.port1.close();
					this.#channel = null;
				}
			};
		}
		this.#channel.port2.postMessage(null);
	}
}
