// A table as data: one column spec that the page renders (DataTable.svelte) and the CSV download
// exports (tableCsv), so what is shown and what is downloaded cannot drift apart.
import { roundAsShown } from '$lib/i18n/format';
import type { ProvenanceRequest } from '$lib/provenance/request';
import type { CsvCell } from './csv';

/** How a value is exported: its heading's unit and the decimals the page shows it with. */
interface Exported {
	/** Written after the heading in the CSV: 예산액(원), 집행률(%), 총점(점). */
	unit?: string;
	/** Decimals the page shows; the CSV rounds to them unless the full values are asked for. */
	digits?: number;
}

/** A value the CSV exports under its own heading. */
export interface CsvColumn<Row> extends Exported {
	label: string;
	value: (row: Row) => CsvCell;
}

export interface TableColumn<Row> extends Exported {
	/** The heading, on the page and in the CSV. */
	label: string;
	/** A heading over this column and its neighbours of the same group (a year over its figures). */
	group?: string;
	/** The value in the unit the CSV gives it (a rate as a percentage), not yet rounded. */
	value: (row: Row) => CsvCell;
	/** The value as the page shows it; the value itself when absent. */
	text?: (row: Row) => string;
	/** Words, not a figure: aligned left and wrapped (figures align right and never break). */
	words?: boolean;
	/** A word after the text that needs the eye (집행 부진); empty for none. Not with `note`. */
	flag?: (row: Row) => string;
	/** A footnote on the cell, shown as a mark whose title explains it; null for none. */
	note?: (row: Row) => string | null;
	/** Makes the cell a button that does what a click on its mark in the chart does. */
	action?: (row: Row) => void;
	/** The figure the cell shows, whose 출처 its button opens (not with `action`); null for none. */
	source?: (row: Row) => ProvenanceRequest | null;
	/** When one cell stands for several numbers (an interval's two ends), the CSV gets each. */
	csv?: readonly CsvColumn<Row>[];
}

export interface TableFooter {
	/** The footer row's name, spanning the columns before `cells`. */
	label: string;
	/** The last columns' cells. */
	cells: readonly { text: string; testid?: string }[];
}

export interface TableSpec<Row> {
	caption: string;
	/** The caption is for screen readers only: a heading just above says the same. */
	hiddenCaption?: boolean;
	/** The first column names its row. */
	columns: readonly TableColumn<Row>[];
	rows: readonly Row[];
	key: (row: Row, index: number) => string | number;
	/**
	 * Makes each row's name a button that does what a click on the row's item in the chart does
	 * (a drill-down, a district chosen): the chart's choices by keyboard.
	 */
	onRowAction?: (row: Row) => void;
	/**
	 * Makes each group's heading a button that does what a click on that group's label in the
	 * chart does (a year on a trend's axis chosen), with its name for a screen reader.
	 */
	onGroupAction?: { run: (group: string) => void; name: (group: string) => string };
	footer?: TableFooter;
	testid?: string;
}

/** A heading cell of the table's head. */
export interface HeadCell {
	label: string;
	colspan: number;
	rowspan: number;
	scope: 'col' | 'colgroup';
	/** Heads a column of words, aligned as they are. */
	words?: boolean;
}

/**
 * The head's rows: one, or two when some columns are grouped; then a group's heading spans its
 * columns and an ungrouped column's heading spans both rows.
 */
export function headRows<Row>(columns: readonly TableColumn<Row>[]): HeadCell[][] {
	if (!columns.some((column) => column.group !== undefined)) {
		return [
			columns.map(({ label, words }) => ({ label, colspan: 1, rowspan: 1, scope: 'col', words }))
		];
	}
	const top: HeadCell[] = [];
	const bottom: HeadCell[] = [];
	let previousGroup: string | undefined;
	for (const column of columns) {
		if (column.group === undefined) {
			top.push({ label: column.label, colspan: 1, rowspan: 2, scope: 'col', words: column.words });
		} else {
			const last = top.at(-1);
			if (column.group === previousGroup && last) last.colspan += 1;
			else top.push({ label: column.group, colspan: 1, rowspan: 1, scope: 'colgroup' });
			bottom.push({
				label: column.label,
				colspan: 1,
				rowspan: 1,
				scope: 'col',
				words: column.words
			});
		}
		previousGroup = column.group;
	}
	return [top, bottom];
}

/**
 * The table as the CSV download has it: a grouped column's heading is its group and label, with
 * its unit; numbers rounded as the page shows them, or as they are when `full` is asked for.
 */
export function tableCsv<Row>(
	spec: TableSpec<Row>,
	{ full = false }: { full?: boolean } = {}
): { header: string[]; rows: CsvCell[][] } {
	const exported = spec.columns.flatMap((column) =>
		(column.csv ?? [column]).map((part) => {
			const label = part.unit ? `${part.label}(${part.unit})` : part.label;
			const { digits } = part;
			return {
				label: column.group === undefined ? label : `${column.group} ${label}`,
				value:
					full || digits === undefined
						? part.value
						: (row: Row) => {
								const value = part.value(row);
								return typeof value === 'number' ? roundAsShown(value, digits) : value;
							}
			};
		})
	);
	return {
		header: exported.map((column) => column.label),
		rows: spec.rows.map((row) => exported.map((column) => column.value(row)))
	};
}

/** A cell's text on the page: its own text, else its value written plainly. */
export function cellText<Row>(column: TableColumn<Row>, row: Row): string {
	if (column.text) return column.text(row);
	const value = column.value(row);
	return value === null ? '' : String(value);
}
