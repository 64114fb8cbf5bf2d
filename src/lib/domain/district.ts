import type { Locale } from '$lib/i18n';

/** A district as views and charts carry it: its code and its name in both languages. */
export interface DistrictRef {
	code: string;
	labelKo: string;
	labelEn: string;
}

/**
 * A name in the page's language: the Korean one on a Korean page, else the English one. The one
 * place that choice is made, for districts and any other name kept in both languages.
 */
export function localName(locale: Locale, ko: string, en: string): string {
	return locale === 'ko' ? ko : en;
}

/** A district's name in the page's language. */
export function districtLabel(district: Pick<DistrictRef, 'labelKo' | 'labelEn'>, locale: Locale) {
	return localName(locale, district.labelKo, district.labelEn);
}
