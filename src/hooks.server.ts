import { json, type Handle, type ServerInit } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { installServerChartRenderer } from '$lib/charts/server-chart';
import { renderChartSvg } from '$lib/server/chart-svg';
import { gzipped } from '$lib/server/compression';
import { version } from '$app/environment';
import { getPublishing, startFigures } from '$lib/server/context';
import { isSameOrigin } from '$lib/server/publishing';
import { withSecurityHeaders } from '$lib/server/security-headers';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n';
import { PARAM } from '$lib/url-state/url-state';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Renders `<html lang>` in the language the link asks for, so screen readers start right,
 * refuses every state-changing request from another site, whatever its content type,
 * compresses pages, sample CSVs and manifests (what and why: `$lib/server/compression.ts`), and
 * adds the headers every answer carries (`$lib/server/security-headers.ts`).
 */
export const handle: Handle = async ({ event, resolve }) => {
	if (
		!SAFE_METHODS.has(event.request.method) &&
		!isSameOrigin(event.request, event.url, env.ORIGIN)
	) {
		return withSecurityHeaders(
			json(
				{
					error: {
						ko: '다른 사이트에서 보낸 요청은 받지 않습니다.',
						en: 'Cross-site requests are refused.'
					}
				},
				{ status: 403, headers: { 'cache-control': 'no-store' } }
			)
		);
	}
	const requested = event.url.searchParams.get(PARAM.locale);
	event.locals.locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	return withSecurityHeaders(gzipped(event.request, response));
};

// Pages are rendered with their charts drawn; the browser loads ECharts only to take over.
installServerChartRenderer(renderChartSvg);

/**
 * Sets up the dataset store at start, tells the operator how an editor signs in, and loads the
 * sample for the first figures, so the first visitor does not wait for it.
 */
export const init: ServerInit = async () => {
	startFigures(version)
		.warm()
		.catch((error: unknown) => console.error('first figures: sample not loaded:', error));
	const { editor, root } = await getPublishing();
	const origin = env.ORIGIN || `http://localhost:${env.PORT || 3000}`;
	const from = {
		env: 'EDITOR_TOKEN',
		'operator-file': `EDITOR_TOKEN_FILE (${editor.file})`,
		file: `${editor.file} (mode 0600)`,
		generated: `${editor.file} (mode 0600), made now`
	}[editor.source];
	console.log(`Editor token: ${from}. Datasets in ${root}.`);
	// The token opens publishing to whoever holds it: it is shown once, when it is made, and
	// never again in a log that others may read.
	if (editor.source === 'generated') {
		console.log(
			`편집자 로그인 주소 (한 번만 표시됩니다. 남에게 보이지 마세요) / Editor sign-in, shown once, keep it private:\n` +
				`  ${origin}/editor/sign-in?token=${editor.token}`
		);
	} else {
		console.log(`Editor sign-in: ${origin}/editor/sign-in?token=<the editor token>`);
	}
};
