import { describe, expect, it } from 'vitest';
import { StatementCache } from './statement-cache';

class FakeStatement {
	closed = false;
	constructor(readonly sql: string) {}
	async close() {
		this.closed = true;
	}
}

function fakePrepare() {
	const calls: string[] = [];
	const prepare = async (sql: string) => {
		calls.push(sql);
		if (sql.startsWith('BAD')) throw new Error(`syntax error: ${sql}`);
		return new FakeStatement(sql);
	};
	return { calls, prepare };
}

const itself = async (statement: FakeStatement) => statement;

describe('StatementCache', () => {
	it('prepares a text once and hands the same statement out again', async () => {
		const { calls, prepare } = fakePrepare();
		const cache = new StatementCache(prepare, 4);
		const first = await cache.use('SELECT 1', itself);
		const again = await cache.use('SELECT 1', itself);
		expect(again).toBe(first);
		expect(calls).toEqual(['SELECT 1']);
	});

	it('uses a prepared statement in the same turn, before any await', async () => {
		const { prepare } = fakePrepare();
		const cache = new StatementCache(prepare, 4);
		await cache.use('SELECT 1', itself);
		let used: FakeStatement | null = null;
		void cache.use('SELECT 1', async (statement) => (used = statement));
		expect(used).not.toBeNull();
	});

	it('closes the least recently used statement past its capacity', async () => {
		const { calls, prepare } = fakePrepare();
		const cache = new StatementCache(prepare, 2);
		const a = await cache.use('A', itself);
		const b = await cache.use('B', itself);
		await cache.use('A', itself); // A is now the most recently used
		await cache.use('C', itself); // evicts B
		await Promise.resolve();
		expect([a.closed, b.closed]).toEqual([false, true]);
		// B is prepared anew when asked for again; A still is the kept one.
		expect(await cache.use('A', itself)).toBe(a);
		expect(await cache.use('B', itself)).not.toBe(b);
		expect(calls).toEqual(['A', 'B', 'C', 'B']);
	});

	it('does not keep a statement that failed to prepare', async () => {
		const { calls, prepare } = fakePrepare();
		const cache = new StatementCache(prepare, 4);
		await expect(cache.use('BAD 1', itself)).rejects.toThrow('syntax error: BAD 1');
		await expect(cache.use('BAD 1', itself)).rejects.toThrow('syntax error: BAD 1');
		// Tried twice: the failure was not kept as the answer for that text.
		expect(calls).toEqual(['BAD 1', 'BAD 1']);
	});
});
