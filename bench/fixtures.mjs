// Synthetic evaluation files shared by the benchmarks (bench/run.mjs imports them, bench/load.mjs
// publishes them). Every generator is deterministic: the same arguments give the same bytes, so
// runs on different days measure the same input (bench/fixtures-check.mjs pins their hashes).

/** The evaluations file's columns, as staff export them. */
export const HEADER = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점';
export const DISTRICTS = ['성북구', '마포구', '강서구', '구로구', '은평구'];
export const TYPES = ['자체', '공무원', '외부전문가'];
/**
 * [area, indicator] pairs, several per area as in the real files.
 * @type {[string, string][]}
 */
export const INDICATORS = [
	['민관협치', '민관 공동 의제 발굴'],
	['민관협치', '자치구 협치조정관과의 협력'],
	['사업성과', '사업 목표 달성도'],
	['지역사회 네트워크', '주민·단체 참여 확대'],
	['지역사회 네트워크', '컨소시엄 단체 간 협력'],
	['추진체계', '사업계획 수립의 적정성']
];
/** The first indicator of each area: the shorter list of bench/load.mjs's published files. */
const FIRST_INDICATOR_PER_AREA = INDICATORS.filter(
	([area], i) => INDICATORS.findIndex(([other]) => other === area) === i
);
export const YEARS = [2017, 2018, 2019, 2020];

/**
 * A linear congruential generator of numbers in [0, 1): the same `seed`, the same sequence.
 * @param {number} seed
 */
function lcg(seed) {
	let state = seed;
	return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/**
 * A deterministic evaluations CSV (UTF-8 with BOM, as text) of `rows` rows: one row per year ×
 * district × indicator × evaluator, since the import refuses duplicates, so the evaluators
 * (`${evaluator}1`, `${evaluator}2`, …) are added once every combination is used. Scores are
 * 0–10 of 10 in steps of 0.1.
 * @param {{ rows: number, seed: number, years?: number[], indicators?: [string, string][],
 *   evaluator?: string }} options
 */
export function evaluationsCsv({
	rows,
	seed,
	years = YEARS,
	indicators = INDICATORS,
	evaluator = '벤치평가자'
}) {
	const rand = lcg(seed);
	const lines = ['\uFEFF' + HEADER];
	const combos = years.length * DISTRICTS.length * indicators.length;
	for (let i = 0; i < rows; i++) {
		const c = i % combos;
		const k = Math.floor(i / combos);
		const [area, indicator] = /** @type {[string, string]} */ (indicators[c % indicators.length]);
		lines.push(
			[
				years[Math.floor(c / indicators.length) % years.length],
				DISTRICTS[Math.floor(c / (indicators.length * years.length))],
				TYPES[k % TYPES.length],
				`${evaluator}${k + 1}`,
				area,
				indicator,
				Math.round(rand() * 100) / 10,
				10
			].join(',')
		);
	}
	return lines.join('\n') + '\n';
}

/**
 * bench/run.mjs's import files: all years, districts and indicators, always seed 42.
 * @param {number} rows
 */
export const importCsv = (rows) => evaluationsCsv({ rows, seed: 42 });

/**
 * bench/load.mjs's published files: one year, as staff export them, and fewer indicators (one
 * per area), so that 10,000 rows hold more evaluators.
 * @param {number} rows
 * @param {number} year
 * @param {number} seed
 */
export const publishedCsv = (rows, year, seed) =>
	evaluationsCsv({
		rows,
		seed,
		years: [year],
		indicators: FIRST_INDICATOR_PER_AREA,
		evaluator: '평가자'
	});

/**
 * The score columns of the wide file: [evaluator type, evaluator, column name].
 * @type {[string, string, string][]}
 */
export const WIDE_SOURCES = [
	['자체', '', '자체평가'],
	['공무원', '공무원A', '공무원(공무원A)'],
	['외부전문가', '전문가A', '외부전문가(전문가A)']
];

/**
 * The same scores twice, as text: `wide` with one row per year × district × indicator and a
 * score column per source (layout b), `long` with one row per score. `rows` wide rows, so
 * `rows` × WIDE_SOURCES.length long ones. Deterministic.
 * @param {number} rows
 * @param {number} [seed]
 */
export function wideAndLongCsv(rows, seed = 7) {
	const rand = lcg(seed);
	const perUnit = YEARS.length * DISTRICTS.length;
	const wide = [
		'\uFEFF연도,자치구,평가영역,평가지표,배점,' + WIDE_SOURCES.map((s) => s[2]).join(',')
	];
	const long = ['\uFEFF' + HEADER];
	for (let i = 0; i < rows; i++) {
		const year = YEARS[i % YEARS.length];
		const district = DISTRICTS[Math.floor(i / YEARS.length) % DISTRICTS.length];
		const n = Math.floor(i / perUnit);
		const [area] = /** @type {[string, string]} */ (INDICATORS[n % INDICATORS.length]);
		const indicator = `지표${String(n).padStart(5, '0')}`;
		const scores = WIDE_SOURCES.map(() => Math.round(rand() * 100) / 10);
		wide.push([year, district, area, indicator, 10, ...scores].join(','));
		WIDE_SOURCES.forEach(([type, evaluator], s) =>
			long.push([year, district, type, evaluator, area, indicator, scores[s], 10].join(','))
		);
	}
	return { wide: wide.join('\n') + '\n', long: long.join('\n') + '\n' };
}
