import { isField, type ColumnOverrides } from '$lib/csv/columns';
import type { ImportMode } from '$lib/csv/import';
import type { ImportChoices } from './published';

// How a kept file is imported is replayed on every reload and every view of a published link, so
// what is stored is checked here, key by key: a publish carrying anything else (`__proto__`, a
// `signal`, deep nesting) would break its own link for good.

const MODES: readonly ImportMode[] = ['add', 'replace-years', 'replace-all'];
const FLAGS = ['validOnly', 'replaceOverlaps', 'setAsideSample', 'confirmLayout'] as const;
const KEYS: ReadonlySet<string> = new Set(['mode', 'columnOverrides', ...FLAGS]);
/** Wider than any export staff have; a column index past it is a mistake. */
const MAX_COLUMN = 10_000;

/** What is wrong with a set of choices, for the message: the key and why. */
export interface ChoicesProblem {
	key: string;
	reason: 'unknown' | 'type' | 'value';
}

/** Checked import choices, or the first problem. Missing keys take the importer's defaults. */
export function parseImportChoices(
	value: unknown
): { ok: true; choices: ImportChoices } | { ok: false; problem: ChoicesProblem } {
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
	return { ok: true, choices };
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
