/**
 * Roving focus: a group of controls is one stop for Tab, and the arrow keys move within it
 * (Home and End: the first and the last). Tab comes back to the control last focused; when the
 * controls change, to the first. Two shapes: a table's buttons, moved across as a grid, and a
 * list of choices (a filter's boxes and buttons), moved along in order.
 */

type Step = (from: HTMLElement, all: HTMLElement[], key: string) => HTMLElement | null | undefined;

function roving(container: HTMLElement, controls: () => HTMLElement[], step: Step) {
	let current: HTMLElement | null = null;

	function settle() {
		const all = controls();
		if (!current || !all.includes(current)) current = all[0] ?? null;
		for (const control of all) control.tabIndex = control === current ? 0 : -1;
	}

	function onKeydown(event: KeyboardEvent) {
		const from = event.target;
		if (!(from instanceof HTMLElement)) return;
		const all = controls();
		if (!all.includes(from)) return;
		const target =
			event.key === 'Home' ? all[0] : event.key === 'End' ? all.at(-1) : step(from, all, event.key);
		if (target === null) return;
		// An arrow at the edge stays put rather than scrolling the page.
		event.preventDefault();
		if (target) {
			current = target;
			settle();
			target.focus();
		}
	}

	function onFocusIn(event: FocusEvent) {
		if (event.target instanceof HTMLElement && controls().includes(event.target)) {
			current = event.target;
			settle();
		}
	}

	// Controls come and go with the filters; only the list of elements is watched, so setting
	// tabIndex here does not call this again.
	const observer = new MutationObserver(settle);
	observer.observe(container, { childList: true, subtree: true });
	container.addEventListener('keydown', onKeydown);
	container.addEventListener('focusin', onFocusIn);
	settle();
	return {
		destroy() {
			observer.disconnect();
			container.removeEventListener('keydown', onKeydown);
			container.removeEventListener('focusin', onFocusIn);
		}
	};
}

/**
 * For a table whose body holds buttons (a chart's choices): the arrow keys move between them as
 * across a grid. A table of 560 rows is then one Tab, not 560.
 */
export function rovingFocus(table: HTMLTableElement) {
	const place = (button: HTMLElement) => {
		const cell = button.closest<HTMLTableCellElement>('td, th')!;
		return {
			row: (cell.parentElement as HTMLTableRowElement).sectionRowIndex,
			column: cell.cellIndex
		};
	};
	return roving(
		table,
		() => [...table.querySelectorAll<HTMLElement>('tbody button')],
		(from, all, key) => {
			const here = place(from);
			const found = (test: (row: number, column: number) => boolean, last = false) => {
				const matches = all.filter((button) => {
					const { row, column } = place(button);
					return test(row, column);
				});
				return last ? matches.at(-1) : matches[0];
			};
			return key === 'ArrowRight'
				? found((row, column) => row === here.row && column > here.column)
				: key === 'ArrowLeft'
					? found((row, column) => row === here.row && column < here.column, true)
					: key === 'ArrowDown'
						? found((row, column) => row > here.row && column === here.column)
						: key === 'ArrowUp'
							? found((row, column) => row < here.row && column === here.column, true)
							: null;
		}
	);
}

/**
 * For a list of choices that wraps like text (a filter's boxes, each with its "only this"
 * button): right and down go to the next control, left and up to the one before. A filter of
 * ten districts is then one Tab, not twenty.
 */
export function rovingList(list: HTMLElement) {
	return roving(
		list,
		() => [...list.querySelectorAll<HTMLElement>('button, input')],
		(from, all, key) => {
			const at = all.indexOf(from);
			return key === 'ArrowRight' || key === 'ArrowDown'
				? all[at + 1]
				: key === 'ArrowLeft' || key === 'ArrowUp'
					? all[at - 1]
					: null;
		}
	);
}
