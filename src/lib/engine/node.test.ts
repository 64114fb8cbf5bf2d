import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from './node';
import { uploadPath, type Engine } from './types';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
	await engine.registerFile(uploadPath('probe.csv'), new TextEncoder().encode('a,b\n1,가\n2,나\n'));
});

describe('locked engine', () => {
	it('reads a file registered under /uploads/', async () => {
		const rows = await engine.query<{ a: string; b: string }>(
			"SELECT a, b FROM read_csv('/uploads/probe.csv', all_varchar=true) ORDER BY a"
		);
		expect(rows).toEqual([
			{ a: '1', b: '가' },
			{ a: '2', b: '나' }
		]);
	});

	it('binds parameters, including the file path', async () => {
		const rows = await engine.query<{ b: string }>(
			'SELECT b FROM read_csv(?, all_varchar=true) WHERE a = ?',
			['/uploads/probe.csv', '2']
		);
		expect(rows).toEqual([{ b: '나' }]);
	});

	it.each([
		["SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')", /Permission Error/],
		["SELECT * FROM read_text('/uploads/../etc/passwd')", /Permission Error/],
		["SELECT * FROM read_text('/etc/passwd')", /Permission Error/],
		['LOAD httpfs', /Permission Error/],
		["ATTACH 'other.db'", /Permission Error/],
		['SET enable_external_access=true', /configuration has been locked/],
		["SET allowed_directories=['/']", /configuration has been locked/]
	])('refuses %s', async (sql, message) => {
		await expect(engine.query(sql)).rejects.toThrow(message);
	});

	it('refuses upload names that could leave the prefix', () => {
		expect(() => uploadPath('../etc/passwd')).toThrow(/Unsafe upload name/);
		expect(() => uploadPath('a/b.csv')).toThrow(/Unsafe upload name/);
		expect(uploadPath('ab12.csv')).toBe('/uploads/ab12.csv');
	});
});

describe('closing an engine', () => {
	it('answers no query after close, and leaves other engines alone', async () => {
		const closing = await createNodeEngine();
		await closing.query('CREATE TABLE t AS SELECT 1 AS x');
		closing.close();
		await expect(closing.query('SELECT x FROM t')).rejects.toThrow();
		expect(await engine.query<{ b: string }>("SELECT '가' AS b")).toEqual([{ b: '가' }]);
	});
});

describe('engines of one compiled module', () => {
	it('hold their own data, started at once', async () => {
		// Started together, they share the one compile (see instantiateFromCompiled).
		const [one, two] = await Promise.all([createNodeEngine(), createNodeEngine()]);
		await one.query('CREATE TABLE t AS SELECT 1 AS x');
		await two.query('CREATE TABLE t AS SELECT 2 AS x');
		expect(await one.query('SELECT x FROM t')).toEqual([{ x: 1 }]);
		expect(await two.query('SELECT x FROM t')).toEqual([{ x: 2 }]);
		one.close();
		expect(await two.query('SELECT x FROM t')).toEqual([{ x: 2 }]);
		await expect(engine.query('SELECT x FROM t')).rejects.toThrow(/does not exist/);
		two.close();
	});
});
