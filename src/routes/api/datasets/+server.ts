import { env } from '$env/dynamic/private';
import { json } from '@sveltejs/kit';
import { parseImportChoices, type KeptChoices } from '$lib/dataset/choices';
import { MAX_TITLE } from '$lib/domain/published';
import { describeIssue, locateIssue } from '$lib/i18n/import-messages';
import { getFigureRunner, getPublishing } from '$lib/server/context';
import { PoolBusyError } from '$lib/server/figures/pool';
import { EDITOR_COOKIE, isEditor, isSameOrigin } from '$lib/server/publishing';
import type { RequestHandler } from './$types';

/** The longest file name accepted, whichever field it comes from. */
const MAX_NAME = 200;

// Every answer here depends on who asks (the editor's session or token): never kept by a cache.
const NO_STORE = { 'cache-control': 'no-store' };

function refuse(status: number, ko: string, en: string) {
	return json({ error: { ko, en } }, { status, headers: NO_STORE });
}

/**
 * Publishes the uploads sent as multipart form data: a `manifest` field (JSON list of
 * `{ name, choices }`), one `file` field per upload, in order, and a `title` (optional for
 * older pages). Answers `{ id }`.
 */
export const POST: RequestHandler = async ({ request, url, cookies }) => {
	if (!isSameOrigin(request, url, env.ORIGIN)) {
		return refuse(
			403,
			'다른 사이트에서 보낸 요청은 받지 않습니다.',
			'Cross-site requests are refused.'
		);
	}
	const publishing = await getPublishing();
	if (!(await isEditor(publishing, request, cookies.get(EDITOR_COOKIE)))) {
		return refuse(
			401,
			'게시하려면 편집자 로그인이 필요합니다.',
			'Publishing needs an editor sign-in.'
		);
	}
	// Refused before reading, so an oversized body never fills the server's memory.
	const length = Number(request.headers.get('content-length'));
	if (!Number.isFinite(length) || length <= 0) {
		return refuse(411, '요청 크기를 알 수 없습니다.', 'The request has no length.');
	}
	if (length > publishing.maxBytes) {
		const limit = `${Math.floor(publishing.maxBytes / 1024 / 1024)} MB`;
		return refuse(
			413,
			`게시할 파일이 너무 큽니다 (최대 ${limit}).`,
			`The files are too large to publish (at most ${limit}).`
		);
	}
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return refuse(400, '요청을 읽을 수 없습니다.', 'The request could not be read.');
	}
	const title = String(form.get('title') ?? '')
		.normalize('NFC')
		.replace(/\s+/g, ' ')
		.trim();
	if (title.length > MAX_TITLE) {
		return refuse(
			400,
			`제목이 너무 깁니다 (최대 ${MAX_TITLE}자).`,
			`The title is too long (at most ${MAX_TITLE} characters).`
		);
	}
	const files = form.getAll('file').filter((value): value is File => value instanceof File);
	let described: unknown;
	try {
		described = JSON.parse(String(form.get('manifest') ?? 'null'));
	} catch {
		described = null;
	}
	if (!Array.isArray(described) || described.length !== files.length || files.length === 0) {
		return refuse(400, '게시할 파일 목록이 맞지 않습니다.', 'The list of files does not match.');
	}
	// Only checked choices are stored: they are replayed on every view of the link.
	const entries: { name: string; file: File; choices: KeptChoices }[] = [];
	for (const [index, file] of files.entries()) {
		const entry = described[index] as { name?: unknown; choices?: unknown } | null;
		const name = typeof entry?.name === 'string' ? entry.name : file.name;
		if (name.length > MAX_NAME) {
			return refuse(
				400,
				`파일 이름이 너무 깁니다 (최대 ${MAX_NAME}자).`,
				`A file name is too long (at most ${MAX_NAME} characters).`
			);
		}
		const parsed = parseImportChoices(entry?.choices);
		if (!parsed.ok) {
			const key = parsed.problem.key || 'choices';
			return refuse(
				400,
				`${name}: 가져오기 설정을 읽을 수 없습니다 ("${key}").`,
				`${name}: the import choices cannot be read ("${key}").`
			);
		}
		entries.push({ name, file, choices: parsed.choices });
	}
	const candidates = await Promise.all(
		entries.map(async ({ name, file, choices }) => ({
			name,
			bytes: new Uint8Array(await file.arrayBuffer()),
			choices: { ...choices }
		}))
	);
	// Every view of the link imports these files again: one that would not import is refused
	// now, with the importer's own words, instead of breaking the link for everyone later.
	let checked;
	try {
		checked = await getFigureRunner().run.check(candidates);
	} catch (error) {
		if (!(error instanceof PoolBusyError)) throw error;
		return refuse(
			503,
			'서버가 바쁩니다. 잠시 뒤에 다시 게시해 주세요.',
			'The server is busy. Please publish again in a moment.'
		);
	}
	if (!checked.ok) {
		const { issue, file } = checked;
		const why = (locale: 'ko' | 'en') =>
			issue ? `${locateIssue(issue, locale)}: ${describeIssue(issue, locale)}` : file;
		return refuse(
			400,
			`가져올 수 없는 파일이 있습니다. ${why('ko')}`,
			`A file does not import. ${why('en')}`
		);
	}
	// Stored with the import's tables, so the link's first view on the server reads those.
	const manifest = await publishing.store.publish(candidates, {
		title,
		snapshot: checked.snapshot
	});
	return json({ id: manifest.id }, { status: 201, headers: NO_STORE });
};
