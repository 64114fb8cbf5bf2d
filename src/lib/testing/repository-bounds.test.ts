import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands alone: a clone anywhere, then `npm ci && npm test`, must work. So no
 * code, test, benchmark or data script may name a path above the repository root: neither a
 * relative path that climbs out of it from the file that names it, nor the folder beside the
 * repository where a session's shared material happens to sit, nor the absolute folder this
 * checkout lives in. (A corpus read from beside the repository once made a fresh clone fail.)
 */

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The folders the check reads, and the tooling files at the top level. */
const SCANNED_FOLDERS = ['src', 'tests', 'bench', 'data', '.ci'];
const SCANNED_TOP_FILES = [
	'package.json',
	'svelte.config.js',
	'vite.config.ts',
	'playwright.config.ts',
	'eslint.config.js',
	'tsconfig.json'
];
/** Third-party test input (byte-for-byte) and pictures: not code that reads paths. */
const SKIPPED_FOLDERS = ['tests/fixtures/duckdb-csv-corpus', 'tests/screenshots'];
const TEXT_FILE = /\.(?:ts|js|mjs|cjs|svelte|py|json|md|html|css|sh|txt)$|^\.ci\/run$/;
/**
 * A line may hold a climbing path as hostile input that is never read as a file (a traversal
 * attempt a test feeds to an id check) when it says so with this marker.
 */
const HOSTILE_INPUT_MARKER = 'outside-repo: hostile input';
/** This file names the patterns it looks for. */
const THIS_FILE = 'src/lib/testing/repository-bounds.test.ts';

/** `../`-paths (either slash), up to the end of the string or word they sit in. */
const CLIMBING_PATH = /(?<![\w.])\.\.[\\/][^\s'"`)\]]*/g;
/** The folder beside the repository that held the CSV corpus and the shared notes. */
const SHARED_BESIDE = /\.\.[\\/]+shared\b|\bshared[\\/]+corpus\b/;

interface Finding {
	file: string;
	line: number;
	text: string;
	reason: string;
}

function scannedFiles(): string[] {
	const files = SCANNED_TOP_FILES.slice();
	for (const folder of SCANNED_FOLDERS) {
		for (const entry of readdirSync(join(REPO_ROOT, folder), {
			withFileTypes: true,
			recursive: true
		})) {
			if (!entry.isFile()) continue;
			const path = relative(REPO_ROOT, join(entry.parentPath, entry.name)).split(sep).join('/');
			if (SKIPPED_FOLDERS.some((skipped) => path.startsWith(`${skipped}/`))) continue;
			if (TEXT_FILE.test(path) && path !== THIS_FILE) files.push(path);
		}
	}
	return files.sort();
}

/** What in one file's text names a path above the repository root. */
function findPathsOutside(file: string, text: string, checkoutParent: string): Finding[] {
	const findings: Finding[] = [];
	const folder = posix.dirname(file);
	text.split('\n').forEach((lineText, index) => {
		const at = (reason: string) =>
			findings.push({ file, line: index + 1, text: lineText.trim(), reason });
		if (SHARED_BESIDE.test(lineText)) at('names the shared folder beside the repository');
		if (checkoutParent.length > 1 && lineText.includes(`${checkoutParent}/`))
			at(`names the absolute folder ${checkoutParent}`);
		if (lineText.includes(HOSTILE_INPUT_MARKER)) return;
		for (const [path] of lineText.matchAll(CLIMBING_PATH)) {
			const resolved = posix.normalize(posix.join(folder, path.replaceAll('\\', '/')));
			if (resolved === '..' || resolved.startsWith('../'))
				at(`${path} climbs out of the repository from ${folder}`);
		}
	});
	return findings;
}

describe('the repository stands alone', () => {
	it('no file names a path outside the repository', () => {
		const checkoutParent = dirname(REPO_ROOT.replace(/[\\/]$/, ''))
			.split(sep)
			.join('/');
		const files = scannedFiles();
		expect(files.length).toBeGreaterThan(150);
		const findings = files.flatMap((file) =>
			findPathsOutside(file, readFileSync(join(REPO_ROOT, file), 'utf8'), checkoutParent)
		);
		expect(findings).toEqual([]);
	});

	// The check itself, on lines written for it: each kind of finding, and what stays allowed. The
	// folder beside the repository is spelled in parts, so that no search for it finds this file.
	const BESIDE = ['..', 'shared'].join('/');
	it.each([
		['src/lib/csv/corpus.test.ts', `join(REPO_ROOT, '${BESIDE}/corpus/duckdb-csv')`, 1],
		['tests/e2e/a.spec.ts', `new URL('../../${BESIDE}/corpus/duckdb-csv/', import.meta.url)`, 2],
		['tests/e2e/a.spec.ts', "readFileSync('../../../notes.txt')", 1],
		['bench/run.mjs', "path.join('..\\\\..\\\\outside')", 1],
		['package.json', '"data": "node ../generate.mjs"', 1],
		['src/lib/x.ts', "readFileSync('/checkouts/elsewhere/file.csv')", 1],
		['tests/e2e/a.spec.ts', "readFileSync('../fixtures/csv/good/a.csv')", 0],
		['src/lib/csv/corpus.test.ts', "new URL('../../../', import.meta.url)", 0],
		['tests/e2e/a.spec.ts', "import { x } from '../../src/lib/x'", 0],
		[
			'src/lib/server/a.test.ts',
			`['a traversal', '../../../../etc/passwd'], // ${HOSTILE_INPUT_MARKER}`,
			0
		],
		['src/lib/x.ts', "const note = 'to be continued...';", 0]
	])('in %s, %s gives %i finding(s)', (file, line, count) => {
		expect(findPathsOutside(file, line, '/checkouts')).toHaveLength(count);
	});
});
