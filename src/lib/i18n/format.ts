import { intlLocale, translate, type Locale } from './index';

// Number formats as Korean staff read them: 1,456,200원, 78.4점, 92.1%.

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
	const key = `${locale}:${digits}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.NumberFormat(intlLocale(locale), {
			minimumFractionDigits: digits,
			maximumFractionDigits: digits
		});
		formatters.set(key, format);
	}
	return format;
}

/** A plain number with the locale's separators and a fixed number of decimals. */
export function formatNumber(value: number, locale: Locale, digits = 0): string {
	// Intl rounds halves away from zero, as staff do by hand (사사오입). Its minus is the hyphen;
	// the page writes one minus sign everywhere, U+2212, as the signed gaps do.
	return numberFormat(locale, digits).format(withoutFloatNoise(value)).replace('-', '\u2212');
}

/**
 * Σ점수 / Σ배점 × 100 can land a hair off a half (75.95 as 75.94999999999999, −9.25 as
 * −9.250000000000007) and round the wrong way; twelve significant digits drop that noise and
 * keep every real digit.
 */
function withoutFloatNoise(value: number): number {
	return Number(value.toPrecision(12));
}

/** A score in points (점) with one decimal; `–` when missing. */
export function formatPoints(value: number | null, locale: Locale): string {
	if (value === null || !Number.isFinite(value)) return translate(locale, 'units.missing');
	return translate(locale, 'units.points', { value: formatNumber(value, locale, 1) });
}

/** A signed gap in points: +3.2점, −6.2점. */
export function formatSignedPoints(value: number | null, locale: Locale): string {
	if (value === null || !Number.isFinite(value)) return translate(locale, 'units.missing');
	const { sign, size } = signedTenths(value);
	return sign + formatPoints(size, locale);
}

/** A difference to one decimal with its sign, no unit: +4.1, −7.3, ±0.0 (a heatmap's cells). */
export function formatSignedNumber(value: number, locale: Locale): string {
	const { sign, size } = signedTenths(value);
	return sign + formatNumber(size, locale, 1);
}

/**
 * The sign and size of a value rounded to tenths, halves away from zero as everywhere else: the
 * sign is that of the rounded value, so −0.04 is ±0.0, never −0.0.
 */
function signedTenths(value: number): { sign: string; size: number } {
	const rounded = roundAsShown(value, 1);
	return { sign: rounded > 0 ? '+' : rounded < 0 ? '−' : '±', size: Math.abs(rounded) };
}

/**
 * `value` rounded to `digits` decimals as the page writes it: halves away from zero (사사오입),
 * float noise dropped first. What a CSV exports where the page shows 68.8점, not 68.83333….
 */
export function roundAsShown(value: number, digits: number): number {
	const clean = withoutFloatNoise(value);
	const scale = 10 ** digits;
	return (Math.sign(clean) * Math.round(Math.abs(clean) * scale)) / scale || 0;
}

/** An amount in won, whole: 1,456,200원. */
export function formatWon(value: number | null, locale: Locale): string {
	if (value === null || !Number.isFinite(value)) return translate(locale, 'units.missing');
	return translate(locale, 'units.won', { value: formatNumber(Math.round(value), locale) });
}

/**
 * A large amount in won, short, for axes and headlines: 350만원, 1.2억원 in Korean (the units
 * staff count in), ₩3.5M in English.
 */
export function formatWonShort(value: number, locale: Locale): string {
	if (locale === 'ko') {
		const short = new Intl.NumberFormat('ko-KR', { notation: 'compact', maximumFractionDigits: 1 });
		return translate(locale, 'units.won', { value: short.format(value) });
	}
	return new Intl.NumberFormat('en-US', {
		notation: 'compact',
		maximumFractionDigits: 1,
		style: 'currency',
		currency: 'KRW'
	}).format(value);
}

/** A ratio as a percentage with one decimal: 92.1%. */
export function formatPercent(ratio: number | null, locale: Locale): string {
	if (ratio === null || !Number.isFinite(ratio)) return translate(locale, 'units.missing');
	return `${formatNumber(ratio * 100, locale, 1)}%`;
}
