// Evaluation CSVs of any size made up for tests, with their sums computed as they are written.
// The columns, districts, sources and indicators are the bench's (bench/fixtures.mjs), so that
// both make files of the same shape.
import { DISTRICTS, HEADER, INDICATORS, TYPES } from '../../bench/fixtures.mjs';

export { DISTRICTS, HEADER, TYPES };

/**
 * An evaluations CSV in bench/run.mjs's format (UTF-8 with BOM, one row per district × indicator ×
 * evaluator, so no duplicates), all in one `year`. Also returns, per district and evaluator type,
 * Σ점수 and the row count, computed here in tenths of a point so that no float rounding creeps in.
 * A `note` adds a 비고 column holding it on every row (ignored by the import): a file as large
 * as one with many more rows, imported in a fraction of their time.
 */
export function evaluations(rows: number, year: number, seed = 42, note = '') {
	let state = seed;
	const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
	const sums: Record<string, Record<string, { tenths: number; rows: number }>> = {};
	const lines = ['\uFEFF' + HEADER + (note ? ',비고' : '')];
	const combos = DISTRICTS.length * INDICATORS.length;
	for (let i = 0; i < rows; i++) {
		const c = i % combos;
		const k = Math.floor(i / combos);
		const [area, indicator] = INDICATORS[c % INDICATORS.length]!;
		const district = DISTRICTS[Math.floor(c / INDICATORS.length)]!;
		const type = TYPES[k % TYPES.length]!;
		const tenths = Math.round(rand() * 100);
		const cell = ((sums[district] ??= {})[type] ??= { tenths: 0, rows: 0 });
		cell.tenths += tenths;
		cell.rows += 1;
		const cells = [year, district, type, `평가자${k + 1}`, area, indicator, tenths / 10, 10];
		lines.push([...cells, ...(note ? [note] : [])].join(','));
	}
	return { bytes: Buffer.from(lines.join('\n') + '\n'), sums };
}
