import { en, ko, type MessageKey } from './messages';
import { particleAfter, PARTICLES, type Particle } from './particles';

export type { MessageKey } from './messages';

export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ko';

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { ko, en };

export type MessageParams = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
	return (LOCALES as readonly unknown[]).includes(value);
}

/**
 * The message for `key` in `locale`, with `{name}` placeholders filled, and `{name|은/는}` (any
 * pair of PARTICLES) replaced by the particle form that follows the value of `name`:
 * `"{value}"{value|은/는}` gives "마포구"는, "주민"은; and `{count|row/rows}`, in English, the
 * form for the number `count` (see numberForm).
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
	return CATALOGS[locale][key].replace(
		/\{(\w+)(?:\|([^}]+))?\}/g,
		(whole, name: string, particle: string | undefined) => {
			if (!(name in params)) return whole;
			const value = String(params[name]);
			if (particle === undefined) return value;
			if (isParticle(particle)) return particleAfter(value, particle);
			return numberForm(value, particle) ?? whole;
		}
	);
}

/**
 * English number agreement, written `{count|row/rows}` (or `{count|row was/rows were}`): the
 * first form for exactly one, the second otherwise. The value is the formatted number, so its
 * thousands separators are dropped before it is read.
 */
function numberForm(value: string, forms: string): string | null {
	const [one, other, ...rest] = forms.split('/');
	if (one === undefined || other === undefined || rest.length > 0) return null;
	const count = Number(value.replace(/,/g, ''));
	if (!Number.isFinite(count)) return null;
	return count === 1 ? one : other;
}

function isParticle(text: string): text is Particle {
	return (PARTICLES as readonly string[]).includes(text);
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
