import { expect, test, type Browser, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TEST_EDITOR_TOKEN, TEST_PUBLISH_MAX_BYTES, TEST_STORE_DIR } from '../../playwright.config';
import { chooseFiles, openDashboard, openOwnData, readScoreTable } from './helpers';

const HEADER = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점';
const year2031 = (score: number) =>
	[
		HEADER,
		`2031,성북구,자체,,추진체계,운영,${score},10`,
		`2031,성북구,공무원,공무원A,추진체계,운영,9,10`
	].join('\r\n');

async function upload(page: Page, name: string, text: string) {
	await chooseFiles(page, { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
	await expect(page.getByTestId('import-results')).toContainText(`${name}: 2행을 가져왔습니다`);
}

/**
 * Publishes as an editor does: 게시하기… lists the files, asks for a title, and ends with the
 * link and a 복사 button that puts exactly that link on the clipboard.
 */
async function publish(page: Page, title: string, files: string[]): Promise<string> {
	await openOwnData(page);
	const step = page.getByTestId('publish');
	await step.getByRole('button', { name: '게시하기…' }).click();
	const titleField = step.getByRole('textbox', { name: '제목 (동료에게 보입니다)' });
	await expect(titleField).toBeFocused();
	await expect(step).toContainText(`게시할 파일 ${files.length}개`);
	for (const file of files) await expect(step.getByTestId('publish-files')).toContainText(file);
	await titleField.fill(title);
	await step.getByRole('button', { name: '게시하기', exact: true }).click();
	const link = step.getByTestId('published-link');
	await expect(link).toHaveValue(/\?ds=[A-Za-z0-9_-]{22}/);
	await expect(step).toContainText(`"${title}"을 게시했습니다. 이 링크를 동료에게 보내세요.`);
	await step.getByRole('button', { name: '복사' }).click();
	await expect(step).toContainText('링크를 복사했습니다.');
	const value = await link.inputValue();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
	return value;
}

/** What a colleague sees at the link: the banner names the title and the files; the numbers. */
async function tableIn(browser: Browser, link: string, title: string, files: number) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(link);
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
	const banner = page.getByTestId('published-banner');
	const day = new Intl.DateTimeFormat('ko-KR', { dateStyle: 'medium' }).format(new Date());
	await expect(banner).toContainText(`게시된 자료: ${title}, ${day}, 파일 ${files}개`);
	// A colleague with no files of their own is offered the sample, not "their" data.
	await expect(banner.getByRole('link')).toHaveText('예시 데이터 보기');
	await expect(page.getByTestId('open-upload')).toHaveCount(0);
	const table = await readScoreTable(page);
	await context.close();
	return table;
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('an editor publishes uploads; the link shows a colleague the same numbers, per version', async ({
	page,
	browser
}) => {
	await openDashboard(page);
	await upload(page, '2031.csv', year2031(6));
	// Not signed in: nothing to publish with.
	await expect(page.getByTestId('publish')).toHaveCount(0);

	await page.goto(`/editor/sign-in?token=${TEST_EDITOR_TOKEN}`);
	await expect(page).toHaveURL(/\/$/);
	// The browser holds a session: a random id, not the token.
	const cookie = (await page.context().cookies()).find((c) => c.name === 'editor_session');
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
	expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
	expect(cookie!.value).not.toContain(TEST_EDITOR_TOKEN);
	const asEditor = async (session: string) =>
		(
			(await (
				await page.request.get('/api/editor', {
					headers: { cookie: `editor_session=${session}` }
				})
			).json()) as { editor: boolean }
		).editor;
	expect(await asEditor(cookie!.value)).toBe(true);
	// Signed in shows: a badge in the header, with the way out beside it.
	await expect(page.getByTestId('editor-badge')).toContainText('편집자');
	await expect(page.getByTestId('editor-badge').getByRole('button')).toHaveText('로그아웃');
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
	await page.goto('/?y=2031');
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
	const mine = await readScoreTable(page);
	expect(mine).toEqual({ 성북구: ['60.0점', '90.0점', '–'] });
	const first = await publish(page, '2031 평가 첫판', ['2031.csv']);
	expect(new URL(first).searchParams.get('y')).toBe('2031');
	expect(first).not.toContain(TEST_EDITOR_TOKEN);
	expect(await tableIn(browser, first, '2031 평가 첫판', 1)).toEqual(mine);

	// A corrected file repeats the loaded rows: it is stopped until it replaces them. A new
	// publish makes a new version; the old link keeps the old numbers.
	await chooseFiles(page, {
		name: '2031-수정.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(year2031(8))
	});
	const results = page.getByTestId('import-results');
	await results.getByRole('button', { name: '겹치는 2행을 이 파일의 값으로 바꾸기' }).click();
	await expect(results).toContainText('2031-수정.csv: 2행을 가져왔습니다');
	const second = await publish(page, '2031 평가 수정본', ['2031.csv', '2031-수정.csv']);
	expect(second).not.toBe(first);
	// The correction's self score, 8/10, counted once (not averaged with the 6 it replaced).
	expect(await tableIn(browser, second, '2031 평가 수정본', 2)).toEqual({
		성북구: ['80.0점', '90.0점', '–']
	});
	expect(await tableIn(browser, first, '2031 평가 첫판', 1)).toEqual(mine);

	// Signing out ends it: the badge and publishing go, and the server forgets the cookie.
	await page.getByTestId('editor-badge').getByRole('button', { name: '로그아웃' }).click();
	await expect(page.getByTestId('editor-badge')).toHaveCount(0);
	await expect(page.getByTestId('publish')).toHaveCount(0);
	expect((await page.context().cookies()).some((c) => c.name === 'editor_session')).toBe(false);
	// A copy of the old cookie is worth nothing: the session ended on the server.
	expect(await asEditor(cookie!.value)).toBe(false);
});

test('an unknown dataset says so and offers the sample', async ({ page }) => {
	await page.goto('/?ds=AAAAAAAAAAAAAAAAAAAAAA');
	const notice = page.getByTestId('dataset-unavailable');
	await expect(notice).toContainText('링크의 데이터(AAAAAAAAAAAAAAAAAAAAAA)를 찾을 수 없습니다.');
	await notice.getByRole('link', { name: '예시 데이터 보기' }).click();
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
	expect(Object.keys(await readScoreTable(page))).toHaveLength(10);
});

test.describe('the publish API', () => {
	const form = () => {
		const body = new FormData();
		body.append('file', new Blob([year2031(5)]), 'x.csv');
		body.append('manifest', JSON.stringify([{ name: 'x.csv', choices: {} }]));
		return body;
	};

	test('refuses cross-site posts, whatever the content type', async ({ request, baseURL }) => {
		const here = new URL(baseURL!);
		for (const headers of <Record<string, string>[]>[
			{ origin: 'https://evil.example', authorization: `Bearer ${TEST_EDITOR_TOKEN}` },
			// Look-alikes of this very origin: a user name before the host, another scheme (the
			// server's ORIGIN is http), another port.
			{ origin: `http://evil@${here.host}`, authorization: `Bearer ${TEST_EDITOR_TOKEN}` },
			{ origin: `https://${here.host}`, authorization: `Bearer ${TEST_EDITOR_TOKEN}` },
			{
				origin: `http://${here.hostname}:${Number(here.port) + 1}`,
				authorization: `Bearer ${TEST_EDITOR_TOKEN}`
			},
			{
				origin: 'null',
				authorization: `Bearer ${TEST_EDITOR_TOKEN}`,
				'content-type': 'text/plain'
			},
			{ authorization: `Bearer ${TEST_EDITOR_TOKEN}`, 'content-type': 'application/json' }
		]) {
			const response = await request.post(`${baseURL}/api/datasets`, { headers, data: '{}' });
			expect(response.status(), JSON.stringify(headers)).toBe(403);
		}
	});

	test('needs the editor token, and accepts it as a bearer header', async ({
		request,
		baseURL
	}) => {
		const post = (authorization?: string) =>
			request.post(`${baseURL}/api/datasets`, {
				headers: { origin: baseURL!, ...(authorization ? { authorization } : {}) },
				multipart: form()
			});
		expect((await post()).status()).toBe(401);
		expect((await post('Bearer wrong-token-wrong-token-wrong-token-00')).status()).toBe(401);
		expect((await post(`Bearer ${TEST_EDITOR_TOKEN.slice(0, -1)}`)).status()).toBe(401);
		const ok = await post(`Bearer ${TEST_EDITOR_TOKEN}`);
		expect(ok.status()).toBe(201);
		const { id } = (await ok.json()) as { id: string };
		expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
		const manifest = await request.get(`${baseURL}/api/datasets/${id}`);
		expect(manifest.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
	});

	test('answers 413 to an oversized publish, with a message', async ({ request, baseURL }) => {
		const body = new FormData();
		body.append('file', new Blob([new Uint8Array(TEST_PUBLISH_MAX_BYTES + 1)]), 'big.csv');
		body.append('manifest', JSON.stringify([{ name: 'big.csv', choices: {} }]));
		const response = await request.post(`${baseURL}/api/datasets`, {
			headers: { origin: baseURL!, authorization: `Bearer ${TEST_EDITOR_TOKEN}` },
			multipart: body
		});
		expect(response.status()).toBe(413);
		expect(((await response.json()) as { error: { ko: string } }).error.ko).toBe(
			'게시할 파일이 너무 큽니다 (최대 5 MB).'
		);
	});

	test('refuses files that do not import, choices it could not replay and over-long names, storing nothing', async ({
		request,
		baseURL
	}) => {
		const deep = (depth: number): unknown =>
			depth === 0 ? {} : { columnOverrides: deep(depth - 1) };
		const publish = (
			manifest: string,
			bytes: Uint8Array<ArrayBuffer> | string = year2031(5),
			name = 'x.csv'
		) => {
			const body = new FormData();
			body.append('file', new Blob([bytes]), name);
			body.append('manifest', manifest);
			return request.post(`${baseURL}/api/datasets`, {
				headers: { origin: baseURL!, authorization: `Bearer ${TEST_EDITOR_TOKEN}` },
				multipart: body
			});
		};
		// The first bytes of an ELF executable, then zeros; and bytes from a fixed generator.
		const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...Array(500).fill(0)]);
		const noise = Uint8Array.from({ length: 8192 }, (_, i) => (i * 2654435761) % 251);
		const plain = JSON.stringify([{ name: 'x.csv', choices: {} }]);
		const cases: [string, () => ReturnType<typeof publish>, string][] = [
			['an ELF file', () => publish(plain, elf), '가져올 수 없는 파일이 있습니다'],
			['random bytes', () => publish(plain, noise), '가져올 수 없는 파일이 있습니다'],
			[
				'__proto__',
				() => publish('[{"name":"x.csv","choices":{"__proto__":{"mode":"add"}}}]'),
				'"__proto__"'
			],
			[
				'a signal',
				() => publish(JSON.stringify([{ name: 'x.csv', choices: { signal: { aborted: true } } }])),
				'"signal"'
			],
			[
				'nesting 2,000 deep',
				() => publish(JSON.stringify([{ name: 'x.csv', choices: deep(2000) }])),
				'"columnOverrides"'
			],
			[
				'an extra key',
				() => publish(JSON.stringify([{ name: 'x.csv', choices: { x: 1 } }])),
				'"x"'
			],
			[
				'a 20,000-character name',
				() => publish(JSON.stringify([{ name: '가'.repeat(20_000), choices: {} }])),
				'최대 200자'
			],
			[
				'a 20,000-character file name and no name in the manifest',
				() => publish(JSON.stringify([{ choices: {} }]), year2031(5), `${'a'.repeat(20_000)}.csv`),
				'최대 200자'
			]
		];
		// The store is the test server's, shared with the tests running beside this one, which
		// publish too: what is checked is that nothing in datasets/ new since this test began (a
		// manifest, or a write left in flight) names a file this test sent. No test in another
		// file sends these bytes (this file's tests run one after another).
		const sentHere = [elf, noise, Buffer.from(year2031(5))].map((bytes) =>
			createHash('sha256').update(bytes).digest('hex')
		);
		const datasets = path.join(TEST_STORE_DIR, 'datasets');
		const listing = () => readdir(datasets).catch(() => [] as string[]);
		const before = new Set(await listing());
		const stored = async () => {
			const names: string[] = [];
			for (const name of await listing()) {
				if (before.has(name)) continue;
				// Another test's write in flight may be renamed between the listing and the read.
				const text = await readFile(path.join(datasets, name), 'utf8').catch(() => '');
				if (sentHere.some((hash) => text.includes(hash))) names.push(name);
			}
			return names;
		};
		for (const [what, send, words] of cases) {
			const response = await send();
			expect(response.status(), what).toBe(400);
			const { error } = (await response.json()) as { error: { ko: string; en: string } };
			expect(error.ko, what).toContain(words);
			expect(error.en, what).not.toBe('');
		}
		// The importer's own words, naming the file: the ELF file is not a CSV file.
		const refusedElf = await (await publish(plain, elf)).json();
		expect(refusedElf.error.ko).toContain('x.csv 파일 전체: CSV 파일이 아닙니다');
		expect(refusedElf.error.en).toContain('This is not a CSV file');
		expect(await stored()).toEqual([]);
		const good = await publish(
			JSON.stringify([{ name: 'x.csv', choices: { mode: 'add', validOnly: false } }])
		);
		expect(good.status()).toBe(201);
		const { id } = (await good.json()) as { id: string };
		expect(await stored()).toEqual([`${id}.json`]);
	});

	test('refuses ids and hashes that could leave the store', async ({ request, baseURL }) => {
		for (const path of [
			'/api/datasets/..%2F..%2Fpackage.json',
			'/api/datasets/%2e%2e%2f%2e%2e%2fpackage.json',
			'/api/datasets/AAAAAAAAAAAAAAAAAAAA%00AA',
			'/api/datasets/AAAAAAAAAAAAAAAAAAAAAA/files/..%2F..%2F..%2Fpackage.json',
			'/api/datasets/AAAAAAAAAAAAAAAAAAAAAA/files/' + 'a'.repeat(64)
		]) {
			const response = await request.get(baseURL + path);
			expect(response.status(), path).toBe(404);
			expect(await response.text()).not.toContain('"name": "seoul-platform-evaluation-dashboard"');
		}
	});
});

test('on a phone too, publishing ends with a link and a 복사 button that copies it', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/editor/sign-in?token=${TEST_EDITOR_TOKEN}`);
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
	await expect(page.getByTestId('editor-badge')).toBeInViewport();
	await openOwnData(page);
	await upload(page, '2032.csv', year2031(7).replaceAll('2031,', '2032,'));
	const link = await publish(page, '2032 휴대폰 게시본', ['2032.csv']);
	await expect(page.getByTestId('published-link')).toBeInViewport();
	await expect(page.getByTestId('publish').getByRole('button', { name: '복사' })).toBeInViewport();
	expect(link).toMatch(/\?ds=[A-Za-z0-9_-]{22}/);
	expect(
		await page.evaluate(
			() => document.documentElement.scrollWidth <= document.documentElement.clientWidth
		)
	).toBe(true);
});

test('a publish the server refuses says why, in the page’s language', async ({ page }) => {
	await page.goto(`/editor/sign-in?token=${TEST_EDITOR_TOKEN}`);
	await page.goto('/?lang=en');
	await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'ready', {
		timeout: 45_000
	});
	await openOwnData(page);
	await chooseFiles(page, {
		name: '2033.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(year2031(7).replaceAll('2031,', '2033,'))
	});
	await expect(page.getByTestId('import-results')).toContainText('2033.csv');
	// The server's answer to a file its import check refuses, in both languages as it sends it.
	await page.route('**/api/datasets', (route) =>
		route.fulfill({
			status: 400,
			contentType: 'application/json',
			body: JSON.stringify({
				error: {
					ko: '가져올 수 없는 파일이 있습니다. 2033.csv 파일 전체: CSV 파일이 아닙니다',
					en: 'A file does not import. 2033.csv, the whole file: This is not a CSV file'
				}
			})
		})
	);
	const step = page.getByTestId('publish');
	await step.getByRole('button', { name: 'Publish…' }).click();
	await step.getByRole('textbox', { name: 'Title (colleagues see it)' }).fill('refused');
	await step.getByRole('button', { name: 'Publish', exact: true }).click();
	await expect(step).toContainText(
		'Could not publish: A file does not import. 2033.csv, the whole file'
	);
	await expect(step).not.toContainText('가져올 수 없는');
});
