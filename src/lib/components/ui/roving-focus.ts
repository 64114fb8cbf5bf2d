/**
 * Svelte action for a table whose body holds buttons (a chart's choices): the buttons are one
 * stop for Tab, and the arrow keys move between them as across a grid (Home and End: the first
 * and the last). A table of 560 rows is then one Tab, not 560. Tab comes back to the button
 * last focused; when the rows change, to the first.
 */
export function rovingFocus(table: HTMLTableElement) {
	let current: HTMLButtonElement | null = null;
	const buttons = () => [...table.querySelectorAll<HTMLButtonElement>('tbody button')];

	function settle() {
		const all = buttons();
		if (!current || !all.includes(current)) current = all[0] ?? null;
		for (const button of all) button.tabIndex = button === current ? 0 : -1;
	}

	const place = (button: HTMLButtonElement) => {
		const cell = button.closest<HTMLTableCellElement>('td, th')!;
		return {
			row: (cell.parentElement as HTMLTableRowElement).sectionRowIndex,
			column: cell.cellIndex
		};
	};

	function onKeydown(event: KeyboardEvent) {
		const from = event.target;
		if (!(from instanceof HTMLButtonElement) || !table.tBodies[0]?.contains(from)) return;
		const all = buttons();
		const here = place(from);
		const found = (test: (row: number, column: number) => boolean, last = false) => {
			const matches = all.filter((button) => {
				const { row, column } = place(button);
				return test(row, column);
			});
			return last ? matches.at(-1) : matches[0];
		};
		const target =
			event.key === 'ArrowRight'
				? found((row, column) => row === here.row && column > here.column)
				: event.key === 'ArrowLeft'
					? found((row, column) => row === here.row && column < here.column, true)
					: event.key === 'ArrowDown'
						? found((row, column) => row > here.row && column === here.column)
						: event.key === 'ArrowUp'
							? found((row, column) => row < here.row && column === here.column, true)
							: event.key === 'Home'
								? all[0]
								: event.key === 'End'
									? all.at(-1)
									: null;
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
		if (event.target instanceof HTMLButtonElement && buttons().includes(event.target)) {
			current = event.target;
			settle();
		}
	}

	// Rows come and go with the filters; only the list of elements is watched, so setting
	// tabIndex here does not call this again.
	const observer = new MutationObserver(settle);
	observer.observe(table, { childList: true, subtree: true });
	table.addEventListener('keydown', onKeydown);
	table.addEventListener('focusin', onFocusIn);
	settle();
	return {
		destroy() {
			observer.disconnect();
			table.removeEventListener('keydown', onKeydown);
			table.removeEventListener('focusin', onFocusIn);
		}
	};
}
