/**
 * "마표구 → 마포구?": the known name a mistyped value most likely meant. Distances are counted
 * between jamo (NFD), not syllables or bytes: a typo changes one jamo of a syllable, and DuckDB's
 * `levenshtein` counts UTF-8 bytes (마표구 → 마포구 is 2 there), so neither would tell 성북구 from
 * 성동구 for 성붓구.
 */

/** One spelling a value may have meant, and the name to show for it. */
export interface NameCandidate {
	/** The spelling as the importer matches it (lower case, no spaces). */
	key: string;
	/** What the candidate stands for (a district code, an evaluator type). */
	target: string;
	/** The name to suggest, as a person writes it. */
	display: string;
}

/** Matching key as `match_key` in SQL builds it, then split into jamo. */
function jamoKey(value: string): string {
	return value.normalize('NFC').trim().replaceAll(' ', '').toLowerCase().normalize('NFD');
}

/**
 * Edit distance counting an insertion, deletion, substitution or swap of neighbours as one
 * (optimal string alignment), over UTF-16 code units; jamo and Latin letters are one unit each.
 */
export function editDistance(a: string, b: string): number {
	let before = new Array<number>(b.length + 1).fill(0);
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, before[j - 2]! + 1);
			}
			current.push(best);
		}
		before = previous;
		previous = current;
	}
	return previous[b.length]!;
}

/** Farther than this is a different word, not a typo: one edit per four jamo or letters. */
function maxDistance(key: string): number {
	return Math.max(1, Math.floor(key.length / 4));
}

/**
 * The display name of the one candidate nearest to `value`, or null when none is near enough or
 * two different targets are equally near (then a guess would mislead).
 */
export function suggestName(value: string, candidates: readonly NameCandidate[]): string | null {
	const key = jamoKey(value);
	if (key === '') return null;
	const limit = maxDistance(key);
	let best = limit;
	let nearest: NameCandidate[] = [];
	for (const candidate of candidates) {
		const distance = editDistance(key, jamoKey(candidate.key));
		if (distance === 0 || distance > best) continue;
		if (distance < best) nearest = [];
		best = distance;
		nearest.push(candidate);
	}
	const targets = new Set(nearest.map((candidate) => candidate.target));
	return targets.size === 1 ? nearest[0]!.display : null;
}
