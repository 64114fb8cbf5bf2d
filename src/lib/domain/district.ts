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

/** The district a query row names (name_ko, name_en), in the page's language. */
export function rowDistrictName(row: { name_ko: string; name_en: string }, locale: Locale): string {
	return localName(locale, row.name_ko, row.name_en);
}

/** A district's name in the page's language. */
export function districtLabel(district: Pick<DistrictRef, 'labelKo' | 'labelEn'>, locale: Locale) {
	return localName(locale, district.labelKo, district.labelEn);
}

/** A district from a query row that names it (code, name_ko, name_en); the code stands in for a missing name. */
export function districtRefOf(row: {
	code?: string;
	name_ko?: string;
	name_en?: string;
}): DistrictRef {
	const code = row.code ?? '';
	return { code, labelKo: row.name_ko ?? code, labelEn: row.name_en ?? code };
}

/** The order districts are listed in everywhere: by Korean name (가나다), as staff list them. */
export function compareDistricts(a: DistrictRef, b: DistrictRef): number {
	return a.labelKo.localeCompare(b.labelKo, 'ko');
}
