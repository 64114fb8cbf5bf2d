import { en, ko, type MessageKey } from './messages';

export type { MessageKey } from './messages';

export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ko';

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { ko, en };

export type MessageParams = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
	return (LOCALES as readonly unknown[]).includes(value);
}

/** The message for `key` in `locale`, with `{name}` placeholders filled. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
	return CATALOGS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

/** A translator bound to one locale. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
	return (key, params) => translate(locale, key, params);
}

/** BCP 47 tag for number and date formatting. */
export function intlLocale(locale: Locale): string {
	return locale === 'ko' ? 'ko-KR' : 'en-US';
}
