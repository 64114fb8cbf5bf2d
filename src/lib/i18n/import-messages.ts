import { isField } from '$lib/csv/columns';
import type { ImportIssue, ImportResult, ImportWarning } from '$lib/csv/import';
import { formatNumber } from './format';
import { translate, type Locale, type MessageKey } from './index';

const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'cp949', 'excel'] as const;

/**
 * How a file was written, in the words of the program that wrote it ("엑셀 CSV (한글 Windows)",
 * not "cp949"); a name this version does not know (kept by an older one) as it is.
 */
export function describeEncoding(encoding: string, locale: Locale): string {
	const known = ENCODINGS.find((name) => name === encoding);
	return known ? translate(locale, `encoding.${known}`) : encoding;
}

/** One refused value as a sentence: "점수 25가 배점 20보다 큽니다." */
export function describeIssue(issue: ImportIssue, locale: Locale): string {
	const key: MessageKey =
		issue.detail && issue.code === 'unknown-district'
			? 'import.issue.unknown-district.suggest'
			: issue.detail && issue.code === 'unknown-evaluator-type'
				? 'import.issue.unknown-evaluator-type.suggest'
				: `import.issue.${issue.code}`;
	// A missing-columns issue names fields by code ("score, max_score"): say them in words.
	const column =
		(issue.code === 'missing-columns' || issue.code === 'missing-given') && issue.detail
			? issue.detail
					.split(', ')
					.map((token) => {
						// A year side by side that lacks one of its pair: `2021 spent` → 2021 집행액.
						const [year, field] = /^(\d{4}) (\w+)$/.test(token) ? token.split(' ') : [null, token];
						const word = field && isField(field) ? translate(locale, `field.${field}`) : token;
						return year ? `${year} ${word}` : word;
					})
					.join(', ')
			: issue.column;
	return translate(locale, key, {
		line: issue.line,
		column,
		value: issue.value,
		detail: issue.detail ?? ''
	});
}

/** Problems of the whole file: no line or column to point at. */
const WHOLE_FILE_CODES: ReadonlySet<ImportIssue['code']> = new Set([
	'empty-file',
	'binary-file',
	'spreadsheet-file',
	'workbook-too-large',
	'workbook-password',
	'workbook-macros',
	'workbook-external-links',
	'workbook-unreadable',
	'workbook-no-sheets',
	'unknown-headers',
	'missing-columns',
	'missing-given',
	'no-data-rows',
	'unreadable-file',
	'import-failed',
	'cancelled'
]);

/** Where it is: "a.csv 3행 점수열", or "a.csv 파일 전체" for a problem of the whole file. */
export function locateIssue(issue: ImportIssue, locale: Locale): string {
	if (WHOLE_FILE_CODES.has(issue.code)) {
		return translate(locale, 'import.issueLocationFile', { file: issue.file });
	}
	if (issue.cell) {
		return translate(locale, 'import.issueLocationCell', {
			file: issue.file,
			cell: issue.cell,
			column: issue.column || '–'
		});
	}
	return translate(locale, 'import.issueLocation', {
		file: issue.file,
		line: issue.line,
		column: issue.column || '–'
	});
}

/** Damage the decoder saw: the file was broken before it arrived. */
export function describeWarning(warning: ImportWarning, file: string, locale: Locale): string {
	return translate(locale, `import.warning.${warning.code}`, {
		file,
		count: warning.count,
		line: warning.line
	});
}

/** What became of one file, in one line: for the summary at the top of the page. */
export function summarizeImport(result: ImportResult, locale: Locale): string {
	const count = (value: number) => formatNumber(value, locale);
	if (result.imported) {
		return translate(locale, 'import.imported', {
			file: result.file,
			rows: count(result.importedCount),
			kind: translate(locale, `import.kind.${result.kind ?? 'evaluations'}`),
			encoding: describeEncoding(result.encoding, locale)
		});
	}
	if (result.preview) return translate(locale, 'import.summaryPreview', { file: result.file });
	return translate(locale, 'import.refused', {
		file: result.file,
		count: count(result.issueCount)
	});
}
