import { describe, expect, it } from 'vitest';
import { InFlight, isSingleRead, SeenReads } from './repeated-reads';

describe('isSingleRead', () => {
	it('takes one SELECT, WITH or FROM statement, whatever its case and leading space', () => {
		expect(isSingleRead('SELECT 1')).toBe(true);
		expect(isSingleRead('\n\t\twith t AS (SELECT 1) SELECT * FROM t')).toBe(true);
		expect(isSingleRead('FROM evaluations')).toBe(true);
	});

	it('refuses writes, several statements and words that only start like a read', () => {
		expect(isSingleRead('CREATE TABLE t AS SELECT 1')).toBe(false);
		expect(isSingleRead('INSERT INTO t SELECT 1')).toBe(false);
		expect(isSingleRead('SELECT 1; DROP TABLE t')).toBe(false);
		expect(isSingleRead('SELECTED')).toBe(false);
		expect(isSingleRead('WITHOUT')).toBe(false);
	});
});

describe('SeenReads', () => {
	it('says a text is repeated from its second sighting on', () => {
		const seen = new SeenReads();
		expect(seen.repeated('SELECT 1')).toBe(false);
		expect(seen.repeated('SELECT 2')).toBe(false);
		expect(seen.repeated('SELECT 1')).toBe(true);
		expect(seen.repeated('SELECT 1')).toBe(true);
	});

	it('forgets the least recently seen text past its capacity', () => {
		const seen = new SeenReads(2);
		seen.repeated('A');
		seen.repeated('B');
		seen.repeated('A'); // A is now the most recently seen
		seen.repeated('C'); // forgets B
		expect(seen.repeated('B')).toBe(false); // and B, seen anew, forgets A
		expect(seen.repeated('C')).toBe(true);
		expect(seen.repeated('A')).toBe(false);
	});
});

describe('InFlight', () => {
	/** A task the test settles by hand, counting how often it was started. */
	function deferred() {
		let starts = 0;
		let settle: { resolve(value: string): void; reject(error: Error): void } | undefined;
		const start = () => {
			starts += 1;
			return new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
		};
		return { start, starts: () => starts, settle: () => settle! };
	}

	it('runs a task once for the callers that ask while it runs', async () => {
		const shared = new InFlight<string>();
		const task = deferred();
		const first = shared.share('k', task.start);
		const second = shared.share('k', task.start);
		task.settle().resolve('rows');
		expect(await Promise.all([first, second])).toEqual(['rows', 'rows']);
		expect(task.starts()).toBe(1);
	});

	it('starts the task before returning, so it is sent without waiting for an await', () => {
		const shared = new InFlight<string>();
		const task = deferred();
		void shared.share('k', task.start);
		expect(task.starts()).toBe(1);
	});

	it('keeps tasks of different keys apart', () => {
		const shared = new InFlight<string>();
		const task = deferred();
		void shared.share('a', task.start);
		void shared.share('b', task.start);
		expect(task.starts()).toBe(2);
	});

	it('runs the task anew once the earlier run has settled, answered or failed', async () => {
		const shared = new InFlight<string>();
		const task = deferred();
		const failed = shared.share('k', task.start);
		task.settle().reject(new Error('gone'));
		await expect(failed).rejects.toThrow('gone');
		const next = shared.share('k', task.start);
		task.settle().resolve('fresh');
		expect(await next).toBe('fresh');
		expect(task.starts()).toBe(2);
	});
});
