// Evaluation CSVs of any size made up for tests, with their sums computed as they are written.

export const HEADER = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점';

export const DISTRICTS = ['성북구', '마포구', '강서구', '구로구', '은평구'];
export const TYPES = ['자체', '공무원', '외부전문가'] as const;
const INDICATORS = [
	['민관협치', '민관 공동 의제 발굴'],
	['민관협치', '자치구 협치조정관과의 협력'],
	['사업성과', '사업 목표 달성도'],
	['지역사회 네트워크', '주민·단체 참여 확대'],
	['지역사회 네트워크', '컨소시엄 단체 간 협력'],
	['추진체계', '사업계획 수립의 적정성']
] as const;

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
