import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { ko } from '../../src/lib/i18n/messages';
import {
	chooseFiles,
	expected,
	expectedTable,
	openDashboard,
	openOwnData,
	readScoreTable,
	views
} from './helpers';

/**
 * DuckDB's own CSV test corpus (1,010 real and malformed files, vendored in
 * tests/fixtures/duckdb-csv-corpus) goes through the real page, fifty files per upload, as staff would choose them:
 * every file must end in an import line or a worded refusal in bounded time, the page must
 * answer while the files are checked, and the sample data must stay exactly as it was.
 *
 * Corpus files do not have the headers of evaluations or budget lines, so as they are nearly
 * all are refused before DuckDB reads them. The fuzzed and malformed ones (afl/, fuzzing/,
 * rejects/, error/, …) are sent a second time with their first line replaced by an evaluation
 * header in the file's own delimiter, so that those that are text reach DuckDB's reader and
 * checks in the browser, as the "forced" pass of src/lib/csv/corpus.test.ts does in Node (all
 * files there; a subset here, for time).
 */

const CORPUS = fileURLToPath(new URL('../fixtures/duckdb-csv-corpus/', import.meta.url));
/** The corpus as vendored (tests/fixtures/README.md): a file lost or added fails the first test. */
const CORPUS_FILES = 1_010;
/** Of them, in the MALFORMED folders. */
const MALFORMED_CORPUS_FILES = 362;
const BATCH_SIZE = 50;
/** Tests per pass, so that each stays well under the 60 s test timeout. */
const TESTS = { 'as-is': 5, header: 4 } as const;
/** The folders whose files go through DuckDB a second time, under an evaluation header. */
const MALFORMED = [
	'afl/',
	'fuzzing/',
	'rejects/',
	'error/',
	'unescaped_quotes/',
	'unquoted_escape/',
	'encodings/'
];
/** One file, from the previous result to its own (hashing, decoding, DuckDB, storing). */
const PER_FILE_MS = 5_000;
/** A whole batch of fifty files. */
const PER_BATCH_MS = 30_000;
/**
 * A frame requested from the test must be drawn this soon, import or not: generous, because
 * the round trip goes through the test driver on a shared machine (mostly under 500 ms).
 */
const FRAME_MS = 2_000;
/** No task of the page's main thread, while a batch is checked, may take longer. */
const LONG_TASK_MS = 2_000;
const EVALUATION_HEADER = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점'.split(',');

/** Every file, as the unit test walks the corpus (symbolic links left out). */
function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
}

type Pass = 'as-is' | 'header';

/** One test's uploads: batches of BATCH_SIZE files, in corpus order. */
interface Job {
	pass: Pass;
	/** Number (from 1) of the job's first batch within its pass. */
	firstBatch: number;
	/** Number (from 1) of the job's first file within its pass. */
	firstFile: number;
	batches: string[][];
}

function jobsOf(pass: Pass, files: readonly string[]): Job[] {
	const batches: string[][] = [];
	for (let i = 0; i < files.length; i += BATCH_SIZE) batches.push(files.slice(i, i + BATCH_SIZE));
	const jobs: Job[] = [];
	for (let test = 0, first = 0; test < TESTS[pass]; test++) {
		const count = Math.ceil((batches.length - first) / (TESTS[pass] - test));
		if (count === 0) break;
		jobs.push({
			pass,
			firstBatch: first + 1,
			firstFile: first * BATCH_SIZE + 1,
			batches: batches.slice(first, first + count)
		});
		first += count;
	}
	return jobs;
}

const FILES = listFiles(CORPUS);
const MALFORMED_FILES = FILES.filter((path) =>
	MALFORMED.some((folder) => relative(CORPUS, path).startsWith(folder))
);
const JOBS = [...jobsOf('as-is', FILES), ...jobsOf('header', MALFORMED_FILES)];

interface Upload {
	name: string;
	buffer: Buffer;
}

/** The file as it is, named by its path in the corpus. */
function asIs(path: string): Upload {
	return { name: relative(CORPUS, path), buffer: readFileSync(path) };
}

/**
 * The file with its first line replaced by an evaluation header in its own delimiter (a file of
 * one line keeps it, as data).
 */
function withEvaluationHeader(path: string): Upload {
	const bytes = readFileSync(path);
	const end = bytes.findIndex((byte) => byte === 0x0a || byte === 0x0d);
	const firstLine = bytes.subarray(0, end < 0 ? bytes.length : end).toString('latin1');
	const delimiter = [',', '\t', ';', '|'].reduce((best, d) =>
		firstLine.split(d).length > firstLine.split(best).length ? d : best
	);
	return {
		name: `header/${relative(CORPUS, path)}`,
		buffer: Buffer.concat([
			Buffer.from(EVALUATION_HEADER.join(delimiter)),
			end < 0 ? Buffer.from('\n') : Buffer.alloc(0),
			end < 0 ? bytes : bytes.subarray(end)
		])
	};
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A message template of the app as a pattern: each `{placeholder}`, and each `{name|은/는}`
 * particle, stands for any text.
 */
function templatePattern(template: string): RegExp {
	return new RegExp(
		`^${template
			.split(/\{\w+(?:\|[^}]+)?\}/)
			.map(escapeRegExp)
			.join('[\\s\\S]*')}$`
	);
}

/** The worded refusals, by issue code (the message catalogue, not the app's results). */
const ISSUE_PATTERNS = Object.entries(ko)
	.filter(([key]) => key.startsWith('import.issue.'))
	.map(([key, template]) => ({
		code: key.slice('import.issue.'.length).replace(/\.suggest$/, ''),
		pattern: templatePattern(template)
	}));

/** A JavaScript engine's own words, which no message for staff should pass on. */
const INTERNAL_ERROR =
	/%\w+%|TypeError|RangeError|Cannot read properties|is not a function|is not defined|Maximum call stack/;

/**
 * The code of a worded issue message, or null when it is not one of the app's sentences or
 * passes on an internal error ("the file cannot be read: TypeError …" says nothing to staff).
 */
function issueCode(message: string): string | null {
	const code = ISSUE_PATTERNS.find(({ pattern }) => pattern.test(message))?.code ?? null;
	if (code !== 'unreadable-file' && code !== 'import-failed') return code;
	return INTERNAL_ERROR.test(message) ? null : code;
}

/** What the page showed for one file, read when its result appeared. */
interface Shown {
	at: number;
	refused: boolean;
	line: string;
	messages: string[];
}

interface FileOutcome {
	file: string;
	pass: Pass;
	ms: number;
	/** 'imported', or the code of the first issue. */
	outcome: string;
	rows: number;
	kind: string;
	/** The result line, or the first worded issue of a refusal. */
	message: string;
}

interface BatchReport {
	batch: number;
	pass: Pass;
	files: number;
	ms: number;
	imported: number;
	slowest: FileOutcome;
	frameMs: number;
	longTaskMs: number;
	toggledDuringImport: boolean;
}

const reports: BatchReport[] = [];
const outcomes: FileOutcome[] = [];

declare global {
	interface Window {
		__corpus?: { shown: Shown[]; changedAt: number; longTasks: PerformanceEntry[] };
	}
}

/** Records every result article the moment it is added, and the main thread's long tasks. */
async function record(page: Page) {
	await page.evaluate(() => {
		const state = { shown: [] as Shown[], changedAt: 0, longTasks: [] as PerformanceEntry[] };
		window.__corpus = state;
		const text = (element: Element | null) =>
			(element?.textContent ?? '').replace(/\s+/g, ' ').trim();
		new MutationObserver((mutations) => {
			for (const mutation of mutations)
				for (const node of mutation.addedNodes) {
					if (!(node instanceof HTMLElement) || node.tagName !== 'ARTICLE') continue;
					state.shown.push({
						at: performance.now(),
						refused: node.classList.contains('refused'),
						line: text(node.querySelector('p.ok, p.refused-line')),
						messages: [...node.querySelectorAll('table.issues tbody tr td:nth-child(3)')].map(text)
					});
				}
		}).observe(document.querySelector('[data-testid="import-results"]')!, { childList: true });
		// When the app is handed the files: the test's transfer of the bytes is not the app's time.
		document
			.querySelector('[data-testid="file-input"]')!
			.addEventListener('change', () => (state.changedAt = performance.now()), true);
		new PerformanceObserver((list) => {
			state.longTasks.push(...list.getEntries());
		}).observe({ type: 'longtask' });
	});
}

const shownCount = (page: Page) => page.evaluate(() => window.__corpus!.shown.length);

/** How long the page takes to draw a frame the test asks for. */
async function frameRoundTrip(page: Page): Promise<number> {
	const started = performance.now();
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
	return performance.now() - started;
}

/** Turns the first year's filter off and on again; the address follows both times. */
async function toggleYearFilter(page: Page) {
	const [first, ...rest] = views.years;
	const box = page
		.getByRole('group', { name: '연도' })
		.getByRole('checkbox', { name: String(first), exact: true });
	await box.uncheck({ timeout: 5_000 });
	await expect(page).toHaveURL((url) => url.searchParams.get('y') === rest.join(','), {
		timeout: 5_000
	});
	await box.check({ timeout: 5_000 });
	await expect(page).toHaveURL((url) => !url.searchParams.has('y'), { timeout: 5_000 });
}

/** Classifies one file's result: 'imported' or the code of its first issue. */
function judge(
	name: string,
	shown: Shown
): Pick<FileOutcome, 'outcome' | 'rows' | 'kind' | 'message'> {
	const prefix = `${name}: `;
	expect(shown.line.startsWith(prefix), `result line for ${name}: ${shown.line}`).toBe(true);
	const rest = shown.line.slice(prefix.length);
	if (!shown.refused) {
		const match = /^([\d,]+)행을 가져왔습니다 \((평가|예산), [\w-]+\)\./.exec(rest);
		expect(match, `import line of ${name}: ${shown.line}`).not.toBeNull();
		return {
			outcome: 'imported',
			rows: Number(match![1]!.replaceAll(',', '')),
			kind: match![2]!,
			message: shown.line
		};
	}
	const refusal = /^가져오지 않았습니다\. 문제 ([\d,]+)건\.$/.exec(rest);
	expect(refusal, `refusal line of ${name}: ${shown.line}`).not.toBeNull();
	expect(Number(refusal![1]!.replaceAll(',', '')), `issue count of ${name}`).toBeGreaterThan(0);
	expect(shown.messages.length, `issue table of ${name}`).toBeGreaterThan(0);
	const codes = shown.messages.map(issueCode);
	expect(
		shown.messages.filter((_, i) => codes[i] === null),
		`messages for ${name} that are not the app's worded issues`
	).toEqual([]);
	return { outcome: codes[0]!, rows: 0, kind: '', message: shown.messages[0]! };
}

/** Uploads one batch through the file input and checks every file's outcome. */
async function uploadBatch(
	page: Page,
	batch: number,
	pass: Pass,
	uploads: Upload[]
): Promise<FileOutcome[]> {
	const before = await shownCount(page);
	const wall = performance.now();
	await chooseFiles(
		page,
		uploads.map(({ name, buffer }) => ({ name, mimeType: 'text/csv', buffer }))
	);

	// While the files are checked, the page keeps drawing frames and a filter still toggles.
	let frameMs = 0;
	let toggledDuringImport = false;
	for (let answered = 0; answered < uploads.length; answered = (await shownCount(page)) - before) {
		expect(
			performance.now() - wall,
			`batch ${batch} (${pass}): ${answered} of ${uploads.length} files answered`
		).toBeLessThan(PER_BATCH_MS);
		frameMs = Math.max(frameMs, await frameRoundTrip(page));
		if (!toggledDuringImport && (await page.getByTestId('import-progress').isVisible())) {
			await toggleYearFilter(page);
			toggledDuringImport = true;
		}
	}
	if (!toggledDuringImport) await toggleYearFilter(page);
	await expect(page.getByTestId('import-progress')).toHaveCount(0);

	const {
		shown,
		changedAt: started,
		longTasks
	} = await page.evaluate(() => ({
		...window.__corpus!,
		longTasks: window.__corpus!.longTasks.map((task) => ({
			startTime: task.startTime,
			duration: task.duration
		}))
	}));
	const batchShown = shown.slice(before);
	expect(batchShown.length, `results of batch ${batch} (${pass})`).toBe(uploads.length);
	// What was recorded is what the panel shows: its newest five results, newest first.
	const visible = await page
		.getByTestId('import-results')
		.locator('article')
		.evaluateAll((articles) =>
			articles.map((a) =>
				(a.querySelector('p.ok, p.refused-line')?.textContent ?? '').replace(/\s+/g, ' ').trim()
			)
		);
	expect(visible).toEqual(
		shown
			.slice(-visible.length)
			.map((s) => s.line)
			.reverse()
	);

	const results = batchShown.map((s, i) => ({
		file: uploads[i]!.name,
		pass,
		ms: s.at - (i === 0 ? started : batchShown[i - 1]!.at),
		...judge(uploads[i]!.name, s)
	}));
	outcomes.push(...results);
	expect(
		results.filter((o) => o.ms > PER_FILE_MS),
		`files slower than ${PER_FILE_MS} ms`
	).toEqual([]);
	expect(frameMs, 'slowest frame round trip during the batch').toBeLessThan(FRAME_MS);
	const longTaskMs = Math.max(
		0,
		...longTasks.filter((task) => task.startTime >= started).map((task) => task.duration)
	);
	expect(longTaskMs, 'longest main-thread task during the batch').toBeLessThan(LONG_TASK_MS);

	reports.push({
		batch,
		pass,
		files: uploads.length,
		ms: batchShown.at(-1)!.at - started,
		imported: results.filter((o) => o.outcome === 'imported').length,
		slowest: [...results].sort((a, b) => b.ms - a.ms)[0]!,
		frameMs,
		longTaskMs,
		toggledDuringImport
	});
	return results;
}

test('the corpus is in the repository, every file of it', () => {
	expect(existsSync(CORPUS), `${CORPUS} is missing`).toBe(true);
	expect(FILES).toHaveLength(CORPUS_FILES);
	expect(MALFORMED_FILES).toHaveLength(MALFORMED_CORPUS_FILES);
});

for (const job of JOBS) {
	const count = job.batches.flat().length;
	const files = `${job.firstFile}–${job.firstFile + count - 1}`;
	const title =
		job.pass === 'as-is'
			? `corpus files ${files} of ${FILES.length}, as they are`
			: `malformed corpus files ${files} of ${MALFORMED_FILES.length}, under an evaluation header`;
	test(`${title}: each imported or refused in words, page responsive, sample unchanged`, async ({
		page
	}) => {
		await openDashboard(page);
		await record(page);
		await openOwnData(page);
		// Files are added to the data unless the user chooses otherwise.
		await expect(
			page.getByRole('group', { name: '가져오는 방식' }).getByRole('radio', { checked: true })
		).toHaveAccessibleName('기존 자료에 추가');
		const status = page.getByTestId('load-status');
		await expect(status).toContainText('3,360개 평가 행');
		const table = await readScoreTable(page);
		expect(table).toEqual(expectedTable(expected.all_years));

		const results: FileOutcome[] = [];
		for (const [offset, paths] of job.batches.entries()) {
			const uploads = paths.map(job.pass === 'as-is' ? asIs : withEvaluationHeader);
			results.push(...(await uploadBatch(page, job.firstBatch + offset, job.pass, uploads)));
		}

		// In "add" mode only a file that really is evaluations or budget lines can add rows; the
		// sample's figures stay exactly as they were unless one did.
		const added = results.filter((o) => o.outcome === 'imported');
		const rows = (kind: string) =>
			added.filter((o) => o.kind === kind).reduce((sum, o) => sum + o.rows, 0);
		await expect(status).toHaveAttribute('data-phase', 'ready');
		await expect(status).toContainText(
			`${(3360 + rows('평가')).toLocaleString('en-US')}개 평가 행`
		);
		await expect(page.getByTestId('datasets-panel').locator('tr[data-hash]')).toHaveCount(
			added.length
		);
		if (rows('평가') === 0) await expect.poll(() => readScoreTable(page)).toEqual(table);
		else test.info().annotations.push({ type: 'imported', description: JSON.stringify(added) });
	});
}

test.afterAll(() => {
	if (!reports.length) return;
	const tally = (pass: Pass) => {
		const counts: Record<string, number> = {};
		for (const { outcome } of outcomes.filter((o) => o.pass === pass))
			counts[outcome] = (counts[outcome] ?? 0) + 1;
		return JSON.stringify(Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1])));
	};
	const examples = new Map<string, FileOutcome>();
	for (const o of outcomes) if (!examples.has(o.outcome)) examples.set(o.outcome, o);
	const imported = outcomes.filter((o) => o.outcome === 'imported').length;
	const slowestFile = [...outcomes].sort((a, b) => b.ms - a.ms)[0]!;
	const slowestBatch = [...reports].sort((a, b) => b.ms - a.ms)[0]!;
	const seconds = (ms: number) => (ms / 1000).toFixed(1);
	console.log(
		[
			`corpus through the page: ${outcomes.length} uploads, ${imported} imported, ${outcomes.length - imported} refused`,
			`as-is: ${tally('as-is')}`,
			`header: ${tally('header')}`,
			...reports.map(
				(r) =>
					`  batch ${r.batch} ${r.pass}: ${r.files} files in ${seconds(r.ms)} s, ${r.imported} imported, ` +
					`slowest ${r.slowest.file} ${Math.round(r.slowest.ms)} ms, frame ≤ ${Math.round(r.frameMs)} ms, ` +
					`longest task ${Math.round(r.longTaskMs)} ms${r.toggledDuringImport ? ', filter toggled mid-import' : ''}`
			),
			`slowest file: ${slowestFile.file} ${Math.round(slowestFile.ms)} ms (${slowestFile.outcome})`,
			`slowest batch: ${slowestBatch.batch} ${slowestBatch.pass} ${seconds(slowestBatch.ms)} s`,
			'one of each outcome:',
			...[...examples].map(([code, o]) => `  ${code}: ${o.file} → ${o.message.slice(0, 160)}`)
		].join('\n')
	);
});

// Found by the corpus: duckdb-wasm moves a registered buffer into its worker, and the importer
// read the bytes again to report the rows DuckDB rejected. Node (src/lib/csv/import.test.ts and
// the corpus unit test) does not see it: its engine copies registered bytes.
test('a row DuckDB rejects is reported by its line in the browser too', async ({ page }) => {
	await openDashboard(page);
	await chooseFiles(page, {
		name: 'stray.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			[
				EVALUATION_HEADER.join(','),
				'2021,성북구,자체,,추진체계,운영,8,10',
				'2021,성북구,"자체"x,,추진체계,기획,5,10',
				'2021,마포구,자체,,추진체계,운영,9,10'
			].join('\r\n')
		)
	});
	const results = page.getByTestId('import-results');
	await expect(results).toContainText('stray.csv: 가져오지 않았습니다. 문제 1건.');
	await expect(results).toContainText('stray.csv 3행', { timeout: 5_000 });
	await expect(results).toContainText('닫는 따옴표 뒤에 값이 이어집니다');
});
