import { isField, type ColumnOverrides } from '$lib/csv/columns';
import type { ImportMode } from '$lib/csv/import';
import type { ImportChoices } from './published';

// How a kept file is imported is replayed on every reload and every view of a published link, so
// what is stored is checked here, key by key: a publish carrying anything else (`__proto__`, a
// `signal`, deep nesting) would break its own link for good.

const MODES: readonly ImportMode[] = ['add', 'replace-years', 'replace-all'];
const FLAGS = ['validOnly', 'replaceOverlaps', 'setAsideSample', 'confirmLayout'] as const;
const KEYS: ReadonlySet<string> = new Set(['mode', 'columnOverrides', 'given', 'sheet', ...FLAGS]);
/** Wider than any export staff have; a column index past it is a mistake. */
const MAX_COLUMN = 10_000;
/** The values a person may give for a whole table (a crosstab's year and source). */
const GIVEN_FIELDS = ['year', 'evaluator_type', 'evaluator_id'] as const;
/** Longer than any sheet name (Excel: 31) or given value; anything longer is not one. */
const MAX_TEXT = 200;
/** More sheets than a workbook staff keep; a longer list is not a kept workbook's. */
const MAX_SHEETS = 256;

/**
 * The choices kept with a file: one import's, or for a workbook several of whose sheets were
 * imported, one per sheet, replayed in order.
 */
export type KeptChoices = ImportChoices | { sheets: ImportChoices[] };

/** The imports a kept file replays: one per imported sheet of a workbook, else one. */
export function replaySteps(kept: object): Partial<ImportChoices>[] {
	const sheets = 'sheets' in kept ? kept.sheets : undefined;
	return Array.isArray(sheets) ? (sheets as Partial<ImportChoices>[]) : [kept];
}

/**
 * The kept choices once one more import of the same file is kept: a workbook's sheets are listed
 * (the same sheet imported again replaces its entry); anything else keeps the newest choices.
 */
export function keepChoices(kept: object | null, choices: ImportChoices): KeptChoices {
	if (choices.sheet === undefined) return choices;
	const earlier = (kept ? replaySteps(kept) : []).filter(
		(step) => step.sheet !== undefined && step.sheet !== choices.sheet
	) as ImportChoices[];
	return { sheets: [...earlier, choices] };
}

/** What is wrong with a set of choices, for the message: the key and why. */
export interface ChoicesProblem {
	key: string;
	reason: 'unknown' | 'type' | 'value';
}

type Parsed<T> = { ok: true; choices: T } | { ok: false; problem: ChoicesProblem };

/**
 * Checked kept choices (one import's, or a workbook's list of sheets), or the first problem.
 * Missing keys take the importer's defaults.
 */
export function parseImportChoices(value: unknown): Parsed<KeptChoices> {
	if (isPlainRecord(value) && 'sheets' in value) {
		const { sheets, ...rest } = value;
		const extra = Object.keys(rest)[0];
		if (extra !== undefined) return { ok: false, problem: { key: extra, reason: 'unknown' } };
		if (!Array.isArray(sheets) || sheets.length === 0 || sheets.length > MAX_SHEETS) {
			return { ok: false, problem: { key: 'sheets', reason: 'value' } };
		}
		const parsed: ImportChoices[] = [];
		for (const step of sheets) {
			const one = parseOneImport(step);
			if (!one.ok) return one;
			if (one.choices.sheet === undefined) {
				return { ok: false, problem: { key: 'sheet', reason: 'value' } };
			}
			parsed.push(one.choices);
		}
		return { ok: true, choices: { sheets: parsed } };
	}
	return parseOneImport(value);
}

function parseOneImport(value: unknown): Parsed<ImportChoices> {
	if (value === undefined || value === null) {
		return { ok: true, choices: { mode: 'add', validOnly: false } };
	}
	if (!isPlainRecord(value)) return { ok: false, problem: { key: '', reason: 'type' } };
	const unknown = Object.keys(value).find((key) => !KEYS.has(key));
	if (unknown !== undefined) return { ok: false, problem: { key: unknown, reason: 'unknown' } };
	const mode = value.mode ?? 'add';
	if (!MODES.includes(mode as ImportMode)) {
		return { ok: false, problem: { key: 'mode', reason: 'value' } };
	}
	const choices: ImportChoices = { mode: mode as ImportMode, validOnly: false };
	for (const flag of FLAGS) {
		const flagValue = value[flag];
		if (flagValue === undefined) continue;
		if (typeof flagValue !== 'boolean')
			return { ok: false, problem: { key: flag, reason: 'type' } };
		choices[flag] = flagValue;
	}
	if (value.columnOverrides !== undefined) {
		const overrides = parseOverrides(value.columnOverrides);
		if (!overrides) return { ok: false, problem: { key: 'columnOverrides', reason: 'value' } };
		choices.columnOverrides = overrides;
	}
	if (value.sheet !== undefined) {
		if (!isShortText(value.sheet)) return { ok: false, problem: { key: 'sheet', reason: 'value' } };
		choices.sheet = value.sheet;
	}
	if (value.given !== undefined) {
		const given = parseGiven(value.given);
		if (!given) return { ok: false, problem: { key: 'given', reason: 'value' } };
		choices.given = given;
	}
	return { ok: true, choices };
}

function isShortText(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
}

function parseGiven(value: unknown): ImportChoices['given'] | null {
	if (!isPlainRecord(value)) return null;
	const given: NonNullable<ImportChoices['given']> = {};
	for (const [field, text] of Object.entries(value)) {
		if (!(GIVEN_FIELDS as readonly string[]).includes(field) || !isShortText(text)) return null;
		given[field as (typeof GIVEN_FIELDS)[number]] = text;
	}
	return given;
}

function parseOverrides(value: unknown): ColumnOverrides | null {
	if (!isPlainRecord(value)) return null;
	const overrides: ColumnOverrides = {};
	for (const [field, index] of Object.entries(value)) {
		if (!isField(field)) return null;
		if (!Number.isInteger(index) || (index as number) < 0 || (index as number) > MAX_COLUMN) {
			return null;
		}
		overrides[field] = index as number;
	}
	return overrides;
}

/** An object of JSON's kind: not an array, not a class instance. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const prototype = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}
