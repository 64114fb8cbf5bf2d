import { describe, expect, it } from 'vitest';
import { mapColumns } from './columns';
import {
	buildDeleteSql,
	buildInsertSql,
	buildStageSql,
	buildTypedTableSql,
	importTables
} from './import-sql';

const tables = importTables(7);

describe('import SQL builders', () => {
	it('name the temporary tables after the serial, and only after a safe one', () => {
		expect(tables).toEqual({
			staged: 'staged_7',
			wide: 'staged_7_wide',
			rejects: 'staged_7_rejects',
			rejectsScan: 'staged_7_rejects_scan',
			typed: 'staged_7_typed'
		});
		expect(() => importTables(-1)).toThrow();
		expect(() => importTables(1.5)).toThrow();
	});

	it('bind the path, the delimiter and the lines; with one segment, a first-line offset', () => {
		const mapping = mapColumns(['연도', '자치구', '점수'])!;
		const [one] = buildStageSql(tables, 3, {
			path: '/uploads/a.csv',
			delimiter: ';',
			segments: [[0, 5]],
			mapping
		});
		if (!one) throw new Error('no statement');
		expect(one.params).toEqual(['/uploads/a.csv', ';', 5]);
		expect(one.sql).toContain("columns={'c0': 'VARCHAR', 'c1': 'VARCHAR', 'c2': 'VARCHAR'}");
		expect(one.sql).not.toContain('ASOF');
		const [many] = buildStageSql(tables, 2, {
			path: '/uploads/a.csv',
			delimiter: ',',
			segments: [
				[0, 2],
				[3, 8]
			],
			mapping
		});
		if (!many) throw new Error('no statement');
		expect(many.params).toEqual(['/uploads/a.csv', ',', '0:2,3:8']);
		expect(many.sql).toContain('ASOF JOIN');
		expect((many.sql.match(/\?/g) ?? []).length).toBe(3);
	});

	it('never put header text into SQL: columns are c0, c1, … by index', () => {
		const hostile = "연도'); DROP TABLE evaluations; --";
		const header = [hostile, '자치구', '평가주체', '평가영역', '평가지표', '점수', '배점'];
		const mapping = mapColumns(header, { year: 0 });
		expect(mapping?.missing).toEqual([]);
		const sql = buildTypedTableSql(tables, mapping!, { headerWidth: 7, columnCount: 9 });
		expect(sql).not.toContain('DROP');
		expect(sql).toContain('clean_cell(c0) AS year_text');
		expect(sql).toContain("concat_ws(' ', c7, c8)");
	});

	it('delete and insert only the dataset table of the kind', () => {
		expect(buildDeleteSql('budget', 'add', 't')).toBeNull();
		expect(buildDeleteSql('budget', 'replace-all', 't')).toBe('DELETE FROM budget');
		expect(buildDeleteSql('evaluations', 'replace-years', 't')).toBe(
			'DELETE FROM evaluations WHERE year IN (SELECT DISTINCT year FROM t WHERE NOT invalid)'
		);
		expect(buildInsertSql('budget', 't')).toMatch(/^INSERT INTO budget SELECT \?, line,/);
	});
});
