import type { Engine } from '$lib/engine/types';
import { suggestName, type NameCandidate } from './suggest';

/** What a near miss is looked up against, per issue code. */
const CANDIDATE_SQL = {
	// Every spelling the importer accepts for a district, but not the 5-digit codes: a mistyped
	// code is not a name. Latin spellings suggest the English name, the others the Korean one.
	'unknown-district': `SELECT a.alias AS key, a.code AS target,
			CASE WHEN regexp_matches(a.alias, '[a-z]') THEN d.name_en ELSE d.name_ko END AS display
		FROM district_aliases a JOIN districts d ON d.code = a.code
		WHERE NOT regexp_matches(a.alias, '^[0-9]+$')`,
	'unknown-evaluator-type': `SELECT alias AS key, evaluator_type AS target, alias AS display
		FROM evaluator_type_aliases`
} as const;

type SuggestedCode = keyof typeof CANDIDATE_SQL;

function isSuggested(code: string): code is SuggestedCode {
	return code in CANDIDATE_SQL;
}

/** Fills the detail of unknown districts and evaluator types with the name they likely meant. */
export async function addSuggestions<
	T extends { code: string; value: string; detail: string | null }
>(engine: Engine, issues: T[]): Promise<T[]> {
	const codes = new Set(issues.map((issue) => issue.code).filter(isSuggested));
	if (codes.size === 0) return issues;
	const candidates = new Map<SuggestedCode, NameCandidate[]>();
	for (const code of codes)
		candidates.set(code, await engine.query<NameCandidate>(CANDIDATE_SQL[code]));
	// The same typo is usually repeated on many rows: work each value out once.
	const memo = new Map<string, string | null>();
	return issues.map((issue) => {
		if (!isSuggested(issue.code) || issue.detail !== null) return issue;
		const memoKey = `${issue.code}\u0000${issue.value}`;
		if (!memo.has(memoKey)) {
			memo.set(memoKey, suggestName(issue.value, candidates.get(issue.code) ?? []));
		}
		return { ...issue, detail: memo.get(memoKey) ?? null };
	});
}
