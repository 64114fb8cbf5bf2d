/**
 * How long one turn goes on starting drawings, counted from the first chart asked for (the page's
 * own update of that task counts too). A chart takes 5–55 ms to draw here. Side by side (fresh
 * pages, 5 each, 30 filter changes): the longest task of a 10,000-row import 67–78 ms instead of
 * 69–105, of the filter changes 58–74 instead of 70–85, filter → charts p50 84 against 88 ms.
 * With 16 ms the last charts waited for a frame more: the filter's p50 took 7–15 ms longer.
 */
export const TASK_BUDGET_MS = 32;
/**
 * No drawing is started that its chart's last drawing says would end this long after the turn
 * began: a heatmap of many cells took 37–55 ms alone, and started late in the task of the page's
 * own update it made that task 52–107 ms long (a 10,000-row import). Side by side (fresh pages, 10
 * each): the longest task of a 10,000-row import 0–90 ms (median 61) against 0–85 (74); 30 filter
 * changes on 6 pages as fast as before (p50 99 against 110 ms). Stricter, with only the budget
 * (32 ms) as the limit, the import's longest tasks were 0–76 ms, but the filter's p50 11–13 ms
 * slower: a frame was drawn between the page's update and its last chart.
 */
export const TASK_LIMIT_MS = 50;

/** What an idle period leaves for drawing (`IdleDeadline` in browsers). */
export interface IdleTime {
	timeRemaining(): number;
}
/** Runs a callback when the page is idle (`requestIdleCallback` in browsers). */
export type WhenIdle = (callback: (idle: IdleTime) => void) => void;

/** Without `requestIdleCallback` (Safari), a short wait and a task's worth of time. */
const IDLE_FALLBACK_DELAY_MS = 50;

const whenIdleInThisPage: WhenIdle = (callback) => {
	if (typeof requestIdleCallback === 'function') {
		// The timeout keeps a page that is never idle (an animation elsewhere) from never drawing.
		requestIdleCallback(callback, { timeout: 1000 });
		return;
	}
	setTimeout(() => {
		const start = performance.now();
		callback({ timeRemaining: () => Math.max(0, TASK_BUDGET_MS - (performance.now() - start)) });
	}, IDLE_FALLBACK_DELAY_MS);
};

/**
 * Chart drawings waiting their turn, drawn in the order they were asked for, a few per task. A
 * filter change or an import redraws every chart of the view; drawn in one go, they made one
 * task of 60–110 ms on the page's thread, during which a key or a click waited. A task stops
 * starting drawings after `TASK_BUDGET_MS`, or before one that would end past `TASK_LIMIT_MS`,
 * so the page answers in between.
 *
 * Drawings of charts out of sight wait for the page to be idle (`askWhenIdle`): what staff look
 * at is drawn first, and the charts further down follow as soon as nothing else is to be done.
 *
 * Asking again for a chart still waiting replaces its drawing (only the latest data is drawn) and
 * keeps its place. A task is a message on a channel: `setTimeout` would wait 4 ms between
 * charts once a few were chained.
 */
export class DrawQueue {
	readonly #waiting = new Map<object, () => void>();
	/** Drawings of charts out of sight, drawn when the page is idle. */
	readonly #whenIdle = new Map<object, () => void>();
	/** How long each chart's last drawing took. */
	readonly #took = new WeakMap<object, number>();
	readonly #idle: WhenIdle;
	#channel: MessageChannel | null = null;
	/** Whether a turn is coming: at the end of this task, or as a task of its own. */
	#scheduled = false;
	/** Whether an idle turn is coming. */
	#idleScheduled = false;

	constructor(whenIdle: WhenIdle = whenIdleInThisPage) {
		this.#idle = whenIdle;
	}

	/**
	 * Draws `draw` for `chart` soon, in place of any drawing still waiting for it: the first
	 * drawings at the end of the current task (as drawing at once did), the rest in later tasks.
	 */
	ask(chart: object, draw: () => void): void {
		this.#whenIdle.delete(chart);
		this.#waiting.set(chart, draw);
		if (this.#scheduled) return;
		this.#scheduled = true;
		// Charts are asked for while the page updates, in the same task: its time counts.
		const asked = performance.now();
		queueMicrotask(() => this.#turn(asked));
	}

	/**
	 * Draws `draw` for `chart` when the page is idle (the chart is out of sight), in place of any
	 * drawing still waiting for it. A chart already waiting for its turn keeps that turn.
	 */
	askWhenIdle(chart: object, draw: () => void): void {
		if (this.#waiting.has(chart)) {
			this.#waiting.set(chart, draw);
			return;
		}
		this.#whenIdle.set(chart, draw);
		if (this.#idleScheduled) return;
		this.#idleScheduled = true;
		this.#idle((idle) => this.#idleTurn(idle));
	}

	/** Draws what is waiting for `chart` now (before its picture is read or printed). */
	drawNow(chart: object): void {
		const draw = this.#waiting.get(chart) ?? this.#whenIdle.get(chart);
		this.forget(chart);
		if (draw) this.#draw(chart, draw);
	}

	/** Draws everything waiting now, in order (before the page is printed). */
	drawAll(): void {
		for (const chart of [...this.#waiting.keys(), ...this.#whenIdle.keys()]) this.drawNow(chart);
	}

	/** Forgets what is waiting for `chart` (it is gone). */
	forget(chart: object): void {
		this.#waiting.delete(chart);
		this.#whenIdle.delete(chart);
	}

	/**
	 * Draws for up to the budget (and the limit), then leaves the rest to a task of its own. A
	 * task of its own always draws one chart, so the queue moves on whatever a chart costs.
	 */
	#turn(start = performance.now(), ownTask = false): void {
		let mustDraw = ownTask;
		try {
			for (const [chart, draw] of this.#waiting) {
				const spent = performance.now() - start;
				const expectedEnd = spent + (this.#took.get(chart) ?? 0);
				if (!mustDraw && (spent >= TASK_BUDGET_MS || expectedEnd >= TASK_LIMIT_MS)) break;
				mustDraw = false;
				this.#waiting.delete(chart);
				this.#draw(chart, draw);
			}
		} finally {
			// Also after a drawing that threw: the others still get drawn.
			if (this.#waiting.size > 0) this.#nextTask();
			else this.#scheduled = false;
		}
	}

	/**
	 * Draws out-of-sight charts while the idle period lasts (at least one, so the queue moves
	 * on), and asks for another idle period for the rest.
	 */
	#idleTurn(idle: IdleTime): void {
		this.#idleScheduled = false;
		let mustDraw = true;
		try {
			for (const [chart, draw] of this.#whenIdle) {
				if (!mustDraw && idle.timeRemaining() <= (this.#took.get(chart) ?? 0)) break;
				mustDraw = false;
				this.#whenIdle.delete(chart);
				this.#draw(chart, draw);
			}
		} finally {
			if (this.#whenIdle.size > 0 && !this.#idleScheduled) {
				this.#idleScheduled = true;
				this.#idle((next) => this.#idleTurn(next));
			}
		}
	}

	/** Draws, and remembers how long the chart took. */
	#draw(chart: object, draw: () => void): void {
		const start = performance.now();
		try {
			draw();
		} finally {
			this.#took.set(chart, performance.now() - start);
		}
	}

	#nextTask(): void {
		if (!this.#channel) {
			this.#channel = new MessageChannel();
			this.#channel.port1.onmessage = () => {
				this.#turn(performance.now(), true);
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
