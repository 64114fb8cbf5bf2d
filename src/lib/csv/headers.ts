import {
	EVALUATOR_TYPE_ALIASES,
	EVALUATOR_TYPES,
	type EvaluatorType
} from '$lib/domain/evaluation';

/**
 * What a header cell (or a title row, a sheet name, a file name) says beyond a field's name:
 * a unit in brackets, a year, a source, a total. Pure text rules, shared by every layout.
 */

/** Header text as compared: NFC, no spaces or underscores, lower case, no BOM. */
export function normalizeHeader(header: string): string {
	return header
		.normalize('NFC')
		.replace(/^\uFEFF/, '')
		.replace(/[\s_]+/g, '')
		.toLowerCase();
}

/** Amount units a header or title may state, and what a bare number in such a column is worth in won. */
const UNIT_SCALES: Readonly<Record<string, number>> = { 원: 1, 천원: 1_000, 백만원: 1_000_000 };
const UNIT = /[(（[]\s*(?:단위\s*[:：]?\s*)?(천원|백만원|원)\s*[)）\]]/;

/**
 * A header without its unit, and what the unit multiplies a bare number by: `예산액(천원)` →
 * `예산액`, 1000. `scale` is null when the header names no unit.
 */
export function splitUnit(header: string): { text: string; scale: number | null } {
	const match = UNIT.exec(header);
	if (!match) return { text: header, scale: null };
	return { text: header.replace(match[0], '').trim(), scale: UNIT_SCALES[match[1]!] ?? null };
}

/** The unit a title row states for the whole table, `(단위: 천원)`; null when none. */
export function unitOfTitle(text: string): number | null {
	return splitUnit(text).scale;
}

/**
 * Labels of a row or column that sums others rather than holding data. Each has 계 or otal in
 * it, which the importer's first, cheap test of a row relies on (import-sql.ts totalSql).
 */
export const TOTAL_LABELS = ['합계', '총계', '소계', '계', 'total', 'subtotal'] as const;
/** Of those, the ones that sum only the rows since the previous total. */
export const SUBTOTAL_LABELS = ['소계', 'subtotal'] as const;

/** Whether a cell is a total's label: 합계, 소계, 계, Total. */
export function isTotalLabel(text: string): boolean {
	return (TOTAL_LABELS as readonly string[]).includes(normalizeHeader(text));
}

/**
 * A total column's label with what it sums: `합계 예산액` or `계(집행액)` → `예산액`/`집행액`;
 * `합계` alone → ''. Null when the header is not a total.
 */
export function totalColumnOf(header: string): string | null {
	const bracketed = /^(.+?)\s*[(（](.*)[)）]\s*$/.exec(header.normalize('NFC').trim());
	if (bracketed && isTotalLabel(bracketed[1]!)) return normalizeHeader(bracketed[2]!);
	const key = normalizeHeader(header);
	for (const label of TOTAL_LABELS) {
		if (key === label) return '';
		// 계 alone is too short to find inside a word (계획, 연계사업): only as the whole or bracketed.
		if (label.length < 2) continue;
		if (key.startsWith(label)) return key.slice(label.length);
		if (key.endsWith(label)) return key.slice(0, -label.length);
	}
	return null;
}

const YEAR = /(?:^|[^0-9])(20[0-9]{2})(?:\s*(?:년도|년))?(?![0-9])/;

/** The year a text names (`2019`, `2019년`, `2019년도`), and the text without it; null when none. */
export function splitYear(text: string): { year: string; rest: string } | null {
	const match = YEAR.exec(text.normalize('NFC'));
	if (!match) return null;
	const start = match.index + match[0].indexOf(match[1]!);
	const end = match.index + match[0].length;
	const rest = (text.slice(0, start) + ' ' + text.slice(end))
		.replace(/[(（]\s*[)）]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	return { year: match[1]!, rest };
}

/**
 * The source a header names, with the evaluator in brackets if any: 자체평가, 공무원 점수,
 * 외부전문가(김OO), expert. Null for any other header.
 */
export function parseSourceHeader(
	header: string
): { source: EvaluatorType; evaluatorId: string | null } | null {
	const match = /^(.*?)[(（]([^)）]*)[)）]\s*$/.exec(header.normalize('NFC').trim());
	const name = match ? match[1]! : header;
	const evaluatorId = match ? match[2]!.trim() || null : null;
	const key = normalizeHeader(name).replace(/점수$|score$/, '');
	const source = EVALUATOR_TYPES.find((type) =>
		EVALUATOR_TYPE_ALIASES[type].some((alias) => normalizeHeader(alias) === key)
	);
	return source ? { source, evaluatorId } : null;
}

/**
 * The source (and evaluator) a title, sheet name or file name mentions among its words:
 * `2019년 시민협력플랫폼 평가 결과 공무원평가(공무원A)` → official, 공무원A. The first word that
 * names one wins; null when none does.
 */
export function findSourceIn(
	text: string
): { source: EvaluatorType; evaluatorId: string | null } | null {
	const words = text
		.normalize('NFC')
		.replace(/\.[a-z0-9]+$/i, '')
		.split(/[\s_\-·,]+/)
		.filter((word) => word !== '');
	for (const word of words) {
		const parsed = parseSourceHeader(word);
		if (parsed) return parsed;
	}
	return null;
}

/**
 * The header a person reads in two header rows, where Excel exported a merged cell as the
 * text in its first column and blanks beside it: the upper cell is carried over the blanks to
 * its right (as far as the lower row has text), then each column's two cells are read as one.
 * A year and another word read `2019 예산액`; a source over an evaluator's name reads
 * `공무원(공무원A)`; a group label over a field (`구분` over `자치구`) gives way to the field.
 */
export function joinHeaderRows(upper: readonly string[], lower: readonly string[]): string[] {
	const width = Math.max(upper.length, lower.length);
	const carried: string[] = [];
	let last = '';
	for (let index = 0; index < width; index++) {
		const top = (upper[index] ?? '').trim();
		const bottom = (lower[index] ?? '').trim();
		if (top !== '') last = top;
		else if (bottom === '') last = '';
		carried.push(top !== '' ? top : last);
	}
	return carried.map((top, index) => joinCell(top, (lower[index] ?? '').trim()));
}

function joinCell(top: string, bottom: string): string {
	if (top === '') return bottom;
	if (bottom === '') return top;
	if (splitYear(top)?.rest === '') return `${splitYear(top)!.year} ${bottom}`;
	if (splitYear(bottom)?.rest === '') return `${splitYear(bottom)!.year} ${top}`;
	if (parseSourceHeader(top) && !parseSourceHeader(bottom)) return `${top}(${bottom})`;
	return bottom;
}
