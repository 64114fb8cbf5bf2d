import type { ImportIssue } from '$lib/csv/import';
import { translate, type Locale } from './index';

/** One refused value as a sentence: "점수 25가 배점 20보다 큽니다." */
export function describeIssue(issue: ImportIssue, locale: Locale): string {
	return translate(locale, `import.issue.${issue.code}`, {
		column: issue.column,
		value: issue.value,
		detail: issue.detail ?? ''
	});
}

/** Where it is: "a.csv 3행 점수열". */
export function locateIssue(issue: ImportIssue, locale: Locale): string {
	return translate(locale, 'import.issueLocation', {
		file: issue.file,
		line: issue.line,
		column: issue.column || '–'
	});
}
