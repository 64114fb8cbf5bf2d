// Generates the synthetic sample data in data/ and the encoding fixtures in
// tests/fixtures/csv/good/. Deterministic: a seeded PRNG, no clock, so two runs write
// byte-identical files. Run from anywhere: `node data/generate.mjs`.
//
// Every number here is invented except the four 2018 city workshop budget lines, which
// are quoted from the city's report 지역공동체담당관-10434 (2018-09-28). See data/README.md.

import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const SEED = 20180928;
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const YEARS = [2017, 2018, 2019, 2020];

// ---------------------------------------------------------------------------------------
// PRNG

/** mulberry32: a small 32-bit seeded generator returning floats in [0, 1). */
function mulberry32(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Helpers over one PRNG stream. Normal draws use Irwin–Hall (sum of 12 uniforms − 6):
 * only additions, so results cannot depend on a platform's Math.log/Math.cos. */
function makeRandom(seed) {
	const next = mulberry32(seed);
	return {
		next,
		normal(sd = 1) {
			let s = 0;
			for (let i = 0; i < 12; i++) s += next();
			return (s - 6) * sd;
		},
		uniform(lo, hi) {
			return lo + (hi - lo) * next();
		},
		int(lo, hi) {
			return lo + Math.floor(next() * (hi - lo + 1));
		},
		pick(list) {
			return list[Math.floor(next() * list.length)];
		}
	};
}

// Separate streams, so a change to the budget cannot shift the evaluation scores.
const evalRandom = makeRandom(SEED);
const budgetRandom = makeRandom(SEED + 1);

// ---------------------------------------------------------------------------------------
// Reference data

const SEOUL_DISTRICTS = [
	['11110', '종로구', 'Jongno-gu'],
	['11140', '중구', 'Jung-gu'],
	['11170', '용산구', 'Yongsan-gu'],
	['11200', '성동구', 'Seongdong-gu'],
	['11215', '광진구', 'Gwangjin-gu'],
	['11230', '동대문구', 'Dongdaemun-gu'],
	['11260', '중랑구', 'Jungnang-gu'],
	['11290', '성북구', 'Seongbuk-gu'],
	['11305', '강북구', 'Gangbuk-gu'],
	['11320', '도봉구', 'Dobong-gu'],
	['11350', '노원구', 'Nowon-gu'],
	['11380', '은평구', 'Eunpyeong-gu'],
	['11410', '서대문구', 'Seodaemun-gu'],
	['11440', '마포구', 'Mapo-gu'],
	['11470', '양천구', 'Yangcheon-gu'],
	['11500', '강서구', 'Gangseo-gu'],
	['11530', '구로구', 'Guro-gu'],
	['11545', '금천구', 'Geumcheon-gu'],
	['11560', '영등포구', 'Yeongdeungpo-gu'],
	['11590', '동작구', 'Dongjak-gu'],
	['11620', '관악구', 'Gwanak-gu'],
	['11650', '서초구', 'Seocho-gu'],
	['11680', '강남구', 'Gangnam-gu'],
	['11710', '송파구', 'Songpa-gu'],
	['11740', '강동구', 'Gangdong-gu']
];

// The ten platform districts, in district-code order, with a latent quality (points out of
// 100 in 2017) and a yearly trend. `selfBias` overrides the usual self-evaluation bias.
const PLATFORMS = [
	{ name: '성북구', base: 68, trend: 3.5, pay: 3_100_000, staff: 3 },
	{ name: '도봉구', base: 76, trend: -3.0, pay: 2_950_000, staff: 2 },
	{ name: '은평구', base: 62, trend: 3.5, pay: 3_000_000, staff: 3 },
	{ name: '서대문구', base: 69, trend: 0.3, pay: 3_050_000, staff: 2 },
	{ name: '마포구', base: 70, trend: 3.0, pay: 3_200_000, staff: 3 },
	{ name: '양천구', base: 73, trend: -3.0, pay: 2_900_000, staff: 2 },
	{ name: '강서구', base: 66, trend: 0.0, pay: 3_000_000, staff: 2, selfBias: 4.5 },
	{ name: '구로구', base: 75, trend: -3.0, pay: 3_150_000, staff: 3 },
	{ name: '금천구', base: 60, trend: 3.5, pay: 2_900_000, staff: 2 },
	{ name: '동작구', base: 67, trend: -0.2, pay: 3_050_000, staff: 2 }
];
const IMPROVING = ['성북구', '은평구', '마포구', '금천구'];
const SLIPPING = ['도봉구', '양천구', '구로구'];
const SELF_HIGH = '강서구';

// Five areas, fourteen indicators, 배점 summing to 100. `ease` shifts the expected share of
// 배점 reached (자립 is hardest: the 2018 report found most districts' 자립 strategies weak).
const AREAS = [
	{
		area: '추진체계',
		ease: 0.05,
		indicators: [
			['운영위원회 구성 및 운영', 5],
			['책임자·활동가 역할 분담', 5],
			['사업계획 수립의 적정성', 10]
		]
	},
	{
		area: '민관협치',
		ease: 0,
		indicators: [
			['자치구 협치조정관과의 협력', 10],
			['민관 공동 의제 발굴', 10],
			['민관협의체 참여', 5]
		]
	},
	{
		area: '지역사회 네트워크',
		ease: 0.02,
		indicators: [
			['컨소시엄 단체 간 협력', 10],
			['주민·단체 참여 확대', 10]
		]
	},
	{
		area: '사업성과',
		ease: 0.03,
		indicators: [
			['사업 목표 달성도', 10],
			['성과 공유 및 확산', 5],
			['예산 집행의 적정성', 5]
		]
	},
	{
		area: '자립·지속가능성',
		ease: -0.12,
		indicators: [
			['지역시민사회 자립전략 수립', 5],
			['자원 연계 및 발굴', 5],
			['활동가 성장·훈련', 5]
		]
	}
];
const INDICATORS = AREAS.flatMap(({ area, ease, indicators }) =>
	indicators.map(([indicator, max]) => ({ area, indicator, max, ease }))
);

// Self-scores sit below the external ones, by a gap that narrows over the years.
const SELF_BIAS = { 2017: -8, 2018: -7, 2019: -6, 2020: -5 };

// Evaluators per source and year (2 or 3), and the level (points out of 100) each source
// scores a platform at, given the platform's latent quality that year.
const SOURCES = [
	{
		type: '자체',
		labels: () => [''],
		level: (latent, year, platform) =>
			latent + (platform.selfBias ?? SELF_BIAS[year]) + evalRandom.normal(1)
	},
	{
		type: '공무원',
		labels: (year) => ['공무원A', '공무원B', '공무원C'].slice(0, year % 2 === 0 ? 3 : 2),
		level: (latent) => latent + 1
	},
	{
		type: '외부전문가',
		labels: (year) => ['전문가A', '전문가B', '전문가C'].slice(0, year >= 2019 ? 3 : 2),
		level: (latent) => latent
	}
];

const EVAL_HEADER = [
	'연도',
	'자치구',
	'평가주체',
	'평가자',
	'평가영역',
	'평가지표',
	'점수',
	'배점'
];
const BUDGET_HEADER = [
	'회계연도',
	'자치구',
	'사업명',
	'세부항목',
	'예산과목',
	'예산액',
	'집행액',
	'산출내역'
];

// ---------------------------------------------------------------------------------------
// Evaluations

/** One row per (year, district, evaluator, indicator); scores in half points. */
function generateEvaluations() {
	const rows = [];
	for (const year of YEARS) {
		// A rater's leniency holds for the whole year (they rate all ten districts). It is
		// centred within the source, so it does not move the source's level.
		const leniency = new Map();
		for (const source of SOURCES.slice(1)) {
			const labels = source.labels(year);
			const draws = labels.map(() => evalRandom.normal(0.02));
			const centre = draws.reduce((s, x) => s + x, 0) / draws.length;
			labels.forEach((label, i) => leniency.set(label, draws[i] - centre));
		}
		for (const platform of PLATFORMS) {
			const latent = platform.base + platform.trend * (year - 2017) + evalRandom.normal(0.5);
			for (const source of SOURCES) {
				const level = source.level(latent, year, platform);
				for (const label of source.labels(year)) {
					const raterShift = (leniency.get(label) ?? 0) + evalRandom.normal(0.01);
					for (const { area, indicator, max, ease } of INDICATORS) {
						const share = level / 100 + ease + raterShift + evalRandom.normal(0.06);
						const halfPoints = Math.min(2 * max, Math.max(0, Math.round(share * max * 2)));
						rows.push({
							year,
							district: platform.name,
							type: source.type,
							evaluator: label,
							area,
							indicator,
							halfPoints,
							max
						});
					}
				}
			}
		}
	}
	return rows;
}

const evaluationCells = (r) => [
	String(r.year),
	r.district,
	r.type,
	r.evaluator,
	r.area,
	r.indicator,
	String(r.halfPoints / 2),
	String(r.max)
];

// ---------------------------------------------------------------------------------------
// Budget

const PROGRAM = '시민협력플랫폼 운영';

// Items in the order a budget sheet lists them: [세부항목, 예산과목, amount and 산출내역].
const BUDGET_ITEMS = [
	[
		'인건비',
		'101-01',
		(p, year) => {
			// Monthly pay rises about 2.5% a year, rounded to 10,000원.
			const monthly = Math.round((p.pay * 1.025 ** (year - 2017)) / 10_000) * 10_000;
			return [monthly * 12 * p.staff, `${won(monthly)}원×12개월×${p.staff}명`];
		}
	],
	[
		'강사료',
		'201-01',
		() => {
			const fee = budgetRandom.pick([150_000, 200_000, 250_000, 350_000]);
			const times = budgetRandom.int(6, 20);
			return [fee * times, `${won(fee)}원×${times}회`];
		}
	],
	[
		'회의참석수당',
		'201-01',
		() => {
			const fee = budgetRandom.pick([100_000, 150_000]);
			const people = budgetRandom.int(2, 5);
			const meetings = budgetRandom.int(4, 12);
			return [fee * people * meetings, `${won(fee)}원×${people}명×${meetings}회`];
		}
	],
	[
		'홍보물 제작비',
		'201-01',
		() => {
			const amount = budgetRandom.int(15, 60) * 100_000;
			// Some sheets leave 산출내역 empty for lump sums.
			return [amount, budgetRandom.next() < 0.5 ? '' : `${won(amount)}원×1식`];
		}
	],
	[
		'자료집 제본비',
		'201-01',
		() => {
			const unit = budgetRandom.pick([6_000, 8_000, 12_000, 15_000]);
			const copies = budgetRandom.pick([100, 150, 200, 300]);
			return [unit * copies, `${won(unit)}원×${copies}부`];
		}
	],
	[
		'공간 운영비',
		'201-02',
		() => {
			const monthly = budgetRandom.int(80, 160) * 10_000;
			return [monthly * 12, `월 ${won(monthly)}원×12개월`];
		}
	],
	[
		'행사실비 지원금',
		'301-09',
		() => {
			const unit = budgetRandom.pick([20_000, 25_000, 30_000]);
			const people = budgetRandom.int(40, 150);
			return [unit * people, `${won(unit)}원×${people}명`];
		}
	]
];
const ALWAYS = new Set(['인건비', '공간 운영비']);
const OPTIONAL = BUDGET_ITEMS.map(([item]) => item).filter((item) => !ALWAYS.has(item));

// The few items whose execution rate falls outside the usual 85–100%, named in the README.
const UNUSUAL_EXECUTION = [
	{ year: 2017, district: '도봉구', item: '홍보물 제작비', rate: 0.62 },
	{ year: 2019, district: '양천구', item: '강사료', rate: 0.74 },
	{ year: 2020, district: '구로구', item: '행사실비 지원금', rate: 0.41 },
	{ year: 2020, district: '금천구', item: '행사실비 지원금', rate: 0.56 },
	{ year: 2018, district: '마포구', item: '회의참석수당', rate: 1.08 },
	{ year: 2019, district: '성북구', item: '공간 운영비', rate: 1.04 }
];

// Quoted from the report (지역공동체담당관-10434): the 2018 integrated workshop, 1,456,200원.
const WORKSHOP_2018 = [
	['강사료', 350_000, '1급 2시간 기준 350,000원×1명'],
	['회의참석수당', 300_000, '150,000원×2명'],
	['자료집 제본비', 331_200, '331,200원×1식'],
	['장소 대관비(다과비 포함)', 475_000, '475,000원×1식']
];

function generateBudget() {
	const rows = [];
	for (const year of YEARS) {
		for (const platform of PLATFORMS) {
			const unusual = UNUSUAL_EXECUTION.filter(
				(u) => u.year === year && u.district === platform.name
			);
			// 2–4 optional items (4–6 in all), always including any item named above.
			const chosen = new Set([...ALWAYS, ...unusual.map((u) => u.item)]);
			const wanted = ALWAYS.size + budgetRandom.int(2, 4);
			const pool = [...OPTIONAL];
			while (chosen.size < wanted) {
				chosen.add(pool.splice(Math.floor(budgetRandom.next() * pool.length), 1)[0]);
			}
			for (const [item, code, amountOf] of BUDGET_ITEMS) {
				if (!chosen.has(item)) continue;
				const [planned, basis] = amountOf(platform, year);
				const special = unusual.find((u) => u.item === item);
				const rate = special
					? special.rate
					: item === '인건비'
						? budgetRandom.uniform(0.96, 1)
						: budgetRandom.uniform(0.85, 1);
				// Executed amounts are whole won; rounded to 10원 so they look like invoices.
				const spent = Math.min(
					special ? Infinity : planned,
					Math.round((planned * rate) / 10) * 10
				);
				rows.push({
					year,
					district: platform.name,
					program: PROGRAM,
					item,
					code,
					planned,
					spent,
					basis
				});
			}
		}
		if (year === 2018) {
			for (const [item, amount, basis] of WORKSHOP_2018) {
				rows.push({
					year,
					district: '서울시',
					program: '시민협력플랫폼 지원단 통합워크숍',
					item,
					code: '201-01',
					planned: amount,
					spent: amount,
					basis
				});
			}
		}
	}
	return rows;
}

const budgetCells = (r) => [
	String(r.year),
	r.district,
	r.program,
	r.item,
	r.code,
	won(r.planned),
	won(r.spent),
	r.basis
];

/** 1456200 -> "1,456,200", as Excel displays a number with thousands separators. */
function won(n) {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// ---------------------------------------------------------------------------------------
// Checks: fail loudly if a parameter change breaks a property the README promises.

function check(condition, message) {
	if (!condition) throw new Error(`generate.mjs: ${message}`);
}

/** Total on the 100-point scale: sum(점수) / sum(배점) × 100 over the given rows. */
function total(rows) {
	const half = rows.reduce((s, r) => s + r.halfPoints, 0);
	const max = rows.reduce((s, r) => s + r.max, 0);
	return (half / 2 / max) * 100;
}

function checkEvaluations(rows) {
	check(INDICATORS.reduce((s, i) => s + i.max, 0) === 100, '배점 must sum to 100');
	for (const r of rows) check(r.halfPoints >= 0 && r.halfPoints <= 2 * r.max, 'score range');
	const totals = {};
	for (const { name } of PLATFORMS) {
		totals[name] = {};
		for (const year of YEARS) {
			const of = (type) =>
				total(rows.filter((r) => r.district === name && r.year === year && r.type === type));
			totals[name][year] = { self: of('자체'), official: of('공무원'), expert: of('외부전문가') };
		}
	}
	const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
	for (const source of ['official', 'expert']) {
		const gap = mean(
			PLATFORMS.flatMap(({ name }) =>
				YEARS.map((y) => totals[name][y][source] - totals[name][y].self)
			)
		);
		check(gap >= 4 && gap <= 8, `mean ${source} − self gap ${gap.toFixed(2)} is outside 4–8`);
	}
	for (const { name } of PLATFORMS) {
		const aboveYears = YEARS.filter((y) => {
			const t = totals[name][y];
			return t.self > t.official && t.self > t.expert;
		}).length;
		if (name === SELF_HIGH)
			check(aboveYears >= 3, `${name}: self above both in ${aboveYears} years`);
		else check(aboveYears <= 1, `${name}: self above both in ${aboveYears} years`);
		const external = YEARS.map((y) => (totals[name][y].official + totals[name][y].expert) / 2);
		const steps = external.slice(1).map((x, i) => x - external[i]);
		if (IMPROVING.includes(name))
			check(
				steps.every((d) => d > 0),
				`${name} should improve every year`
			);
		if (SLIPPING.includes(name))
			check(
				steps.every((d) => d < 0),
				`${name} should slip every year`
			);
	}
	return totals;
}

function checkBudget(rows) {
	for (const year of YEARS) {
		for (const { name } of PLATFORMS) {
			const items = rows.filter((r) => r.year === year && r.district === name);
			const planned = items.reduce((s, r) => s + r.planned, 0);
			check(items.length >= 4 && items.length <= 6, `${year} ${name}: ${items.length} items`);
			check(planned >= 80_000_000 && planned <= 200_000_000, `${year} ${name}: total ${planned}`);
		}
	}
	for (const r of rows.filter((r) => r.district !== '서울시')) {
		check(r.planned % 1000 === 0, `${r.item}: 예산액 not rounded to 1,000원`);
		const rate = r.spent / r.planned;
		const unusual = UNUSUAL_EXECUTION.some(
			(u) => u.year === r.year && u.district === r.district && u.item === r.item
		);
		if (!unusual)
			check(rate >= 0.85 && rate <= 1, `${r.year} ${r.district} ${r.item}: rate ${rate}`);
	}
	const city = rows.filter((r) => r.district === '서울시');
	check(
		city.reduce((s, r) => s + r.planned, 0) === 1_456_200,
		'workshop total must be 1,456,200원'
	);
}

// ---------------------------------------------------------------------------------------
// Writing

/** Quote a cell as Excel does: only when it holds a comma, a quote or a line break. */
function csvCell(value) {
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Lines joined and terminated with CRLF, as Excel on Windows writes them. */
function toText(table, separator = ',') {
	const cell = separator === ',' ? csvCell : (v) => v;
	return table.map((cells) => cells.map(cell).join(separator) + '\r\n').join('');
}

const BOM = '\ufeff';
const written = [];

function write(path, bytes, expectedText, encoding) {
	const full = join(ROOT, path);
	mkdirSync(dirname(full), { recursive: true });
	writeFileSync(full, bytes);
	// Every file must decode back to exactly the text intended.
	check(iconv.decode(bytes, encoding, { stripBOM: false }) === expectedText, `${path} round trip`);
	written.push(`${relative(ROOT, full)} (${bytes.length} bytes)`);
}

function writeUtf8(path, text) {
	write(path, Buffer.from(BOM + text, 'utf8'), BOM + text, 'utf8');
}

function writeCp949(path, text) {
	write(path, iconv.encode(text, 'cp949'), text, 'cp949');
}

function writeUtf16le(path, text) {
	const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
	check(bytes[0] === 0xff && bytes[1] === 0xfe, `${path}: BOM`);
	write(path, bytes, BOM + text, 'utf16le');
}

// ---------------------------------------------------------------------------------------
// Main

const evaluations = generateEvaluations();
const budget = generateBudget();
const totals = checkEvaluations(evaluations);
checkBudget(budget);

writeUtf8('data/districts.csv', toText([['code', 'name_ko', 'name_en'], ...SEOUL_DISTRICTS]));
writeUtf8('data/evaluations.csv', toText([EVAL_HEADER, ...evaluations.map(evaluationCells)]));
writeUtf8('data/budget.csv', toText([BUDGET_HEADER, ...budget.map(budgetCells)]));

// Encoding fixtures: the 2019 evaluation rows as Excel's "CSV" on Korean Windows (CP949)
// and as its "유니코드 텍스트" (UTF-16LE with BOM, tab-separated).
const rows2019 = [EVAL_HEADER, ...evaluations.filter((r) => r.year === 2019).map(evaluationCells)];
writeCp949('tests/fixtures/csv/good/evaluations-cp949.csv', toText(rows2019));
writeUtf16le('tests/fixtures/csv/good/evaluations-utf16le.txt', toText(rows2019, '\t'));

// Syllables outside KS X 1001 (똠, 뷁, 햏, 쀍) exist only in CP949's extension; a decoder
// that implements plain EUC-KR loses them.
const extended = [
	['추진체계', '운영위원회 구성 및 운영', '12', '15'],
	['추진체계', '똠방각하 지표', '11.5', '15'],
	['민관협치', '뷁 테스트 지표', '14', '20'],
	['민관협치', '민관 공동 의제 발굴', '12.5', '15'],
	['똠뷁햏 시범영역', '햏 지표', '7', '10'],
	['사업성과', '사업 목표 달성도', '8', '10'],
	['자립·지속가능성', '쀍 자립전략 지표', '9.5', '15']
].map(([area, indicator, score, max]) => [
	'2021',
	'성북구',
	'자체',
	'',
	area,
	indicator,
	score,
	max
]);
check(extended.reduce((s, r) => s + Number(r[7]), 0) === 100, 'extended fixture 배점 sum');
const extendedText = toText([EVAL_HEADER, ...extended]);
writeCp949('tests/fixtures/csv/good/extended-hangul-cp949.csv', extendedText);
writeUtf8('tests/fixtures/csv/good/extended-hangul-utf8.csv', extendedText);

const lines = [
	`Wrote (seed ${SEED}):`,
	...written.map((w) => `  ${w}`),
	'Totals (self / official / expert):'
];
for (const { name } of PLATFORMS) {
	const cells = YEARS.map((y) => {
		const t = totals[name][y];
		return `${y} ${t.self.toFixed(1)}/${t.official.toFixed(1)}/${t.expert.toFixed(1)}`;
	});
	lines.push(`  ${name.padEnd(4, ' ')} ${cells.join('  ')}`);
}
process.stdout.write(lines.join('\n') + '\n');
