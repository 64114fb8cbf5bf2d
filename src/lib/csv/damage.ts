/** Signs that a file was damaged before it arrived; the import goes on, with a warning. */
export type WarningCode = 'replacement-characters' | 'question-marks';

export interface ImportWarning {
	code: WarningCode;
	/** How many places in the file show it. */
	count: number;
	/** 1-based line of the first place. */
	line: number;
}

/**
 * Runs of `?` where letters should be. Saving Korean text through a code page without Hangul
 * turns every syllable into `?`: `성북구` becomes `???`, `자치구A` becomes `???A`. So: two or more
 * `?` making up a whole cell, or followed by a letter or digit. A sentence ending in `??` is
 * neither.
 */
const QUESTION_MARK_RUN = /(?<=^|[,\t;|"])\?{2,}(?=[,\t;|"]|$)|\?{2,}(?=[\p{L}\p{N}])/gmu;

/** Lists the damage visible in decoded text: U+FFFD characters and runs of `?`. */
export function findDamage(text: string): ImportWarning[] {
	const warnings: ImportWarning[] = [];
	const replacement = text.indexOf('\uFFFD');
	if (replacement !== -1) {
		warnings.push({
			code: 'replacement-characters',
			count: countOf(text, '\uFFFD', replacement),
			line: lineAt(text, replacement)
		});
	}
	if (text.includes('??')) {
		const runs = [...text.matchAll(QUESTION_MARK_RUN)];
		const first = runs[0];
		if (first) {
			warnings.push({
				code: 'question-marks',
				count: runs.length,
				line: lineAt(text, first.index)
			});
		}
	}
	return warnings;
}

function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
	return line;
}

function countOf(text: string, char: string, from: number): number {
	let count = 0;
	for (let i = from; i !== -1; i = text.indexOf(char, i + 1)) count++;
	return count;
}
