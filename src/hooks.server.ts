import type { Handle } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n';
import { PARAM } from '$lib/url-state/url-state';

/** Renders `<html lang>` in the language the link asks for, so screen readers start right. */
export const handle: Handle = async ({ event, resolve }) => {
	const requested = event.url.searchParams.get(PARAM.locale);
	event.locals.locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};
