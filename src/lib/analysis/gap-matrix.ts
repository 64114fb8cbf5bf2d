import type { TotalRow } from './unit-totals';
import { compareDistricts, districtRefOf, type DistrictRef } from '$lib/domain/district';
import { pivotSources, selfMinusExternal, type ExternalSource } from './totals';

/** Gap (self − external, 점 on the 100-point scale) for each row label × district. */
export interface GapMatrix {
	/** Area or indicator names, in the order of the export. */
	rows: string[];
	columns: DistrictRef[];
	/** One cell per row × column that has both scores; absent cells have no data. */
	cells: { row: number; column: number; gap: number }[];
}

/**
 * Self − external gap for every (area or indicator) × district, from totals grouped by both.
 * Rows keep the export's order (first line seen); districts are ordered by Korean name.
 */
export function buildGapMatrix(
	rows: readonly TotalRow[],
	rowKey: 'area' | 'indicator',
	external: ExternalSource
): GapMatrix {
	const rowOrder = new Map<string, number>();
	const districts = new Map<string, DistrictRef>();
	const cellKey = (label: string, code: string) => JSON.stringify([label, code]);
	for (const row of rows) {
		const label = row[rowKey] ?? '';
		rowOrder.set(label, Math.min(rowOrder.get(label) ?? Infinity, row.first_line));
		districts.set(row.code ?? '', districtRefOf(row));
	}
	const scores = pivotSources(rows, (row) => cellKey(row[rowKey] ?? '', row.code ?? ''));
	const labels = [...rowOrder.entries()].sort((a, b) => a[1] - b[1]).map(([label]) => label);
	const columns = [...districts.values()].sort(compareDistricts);
	const cells: GapMatrix['cells'] = [];
	labels.forEach((label, rowIndex) => {
		columns.forEach((district, columnIndex) => {
			const cell = scores.get(cellKey(label, district.code));
			const gap = cell ? selfMinusExternal(cell, external) : null;
			if (gap !== null) cells.push({ row: rowIndex, column: columnIndex, gap });
		});
	});
	return { rows: labels, columns, cells };
}
