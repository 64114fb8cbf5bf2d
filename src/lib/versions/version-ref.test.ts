import { describe, expect, it } from 'vitest';
import type { SourceFile } from '$lib/provenance/source-files';
import { comparableKinds, parseVersionRef, versionHash } from './version-ref';

const file = (
	hash: string,
	kind: SourceFile['kind'],
	origin: SourceFile['origin']
): SourceFile => ({
	hash: hash.repeat(64),
	name: `${hash}.csv`,
	kind,
	origin,
	importedAt: null,
	mode: 'add',
	rows: 10
});

describe('version ids', () => {
	it('reads a published id, sample and before, and nothing else', () => {
		expect(parseVersionRef('AbCdEfGhIjKlMnOpQrStUv')).toEqual({
			kind: 'published',
			id: 'AbCdEfGhIjKlMnOpQrStUv'
		});
		expect(parseVersionRef('sample')).toEqual({ kind: 'sample' });
		expect(parseVersionRef('before')).toEqual({ kind: 'before' });
		for (const bad of ['', 'nonsense', 'AbCdEfGhIjKlMnOpQrStU', '../../etc', 'Sample']) {
			expect(parseVersionRef(bad)).toBeNull();
		}
	});

	it('compares versions whose own files share a kind, or that have none of their own', () => {
		const sample = [file('a', 'evaluations', 'sample'), file('b', 'budget', 'sample')];
		const scores = [file('c', 'evaluations', 'published'), sample[1]!];
		const money = [sample[0]!, file('d', 'budget', 'upload')];
		expect(comparableKinds(scores, money)).toBe(false);
		expect(comparableKinds(scores, [file('e', 'evaluations', 'upload'), sample[1]!])).toBe(true);
		expect(comparableKinds(sample, money)).toBe(true);
	});

	it('fingerprints a version by its files, in any order', async () => {
		const one = [file('a', 'evaluations', 'sample'), file('b', 'budget', 'sample')];
		expect(await versionHash(one)).toBe(await versionHash([...one].reverse()));
		expect(await versionHash(one)).not.toBe(await versionHash([one[0]!]));
		expect(await versionHash(one)).toMatch(/^[0-9a-f]{64}$/);
	});
});
