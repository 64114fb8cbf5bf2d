// Helpers shared by the importer's engine tests.
import type { Engine, SqlParam } from '$lib/engine/types';

/** The evaluations header as the sample export writes it. */
export const EVALUATION_HEADER = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점';

/** The budget header as the sample export writes it. */
export const BUDGET_HEADER = '회계연도,자치구,사업명,세부항목,예산과목,예산액,집행액,산출내역';

/** Every row of the dataset tables and the unit sums, to show that an import changed nothing. */
export async function snapshotTables(engine: Engine) {
	return {
		evaluations: await engine.query('SELECT * FROM evaluations ORDER BY file_id, line'),
		units: await engine.query(
			'SELECT * FROM evaluation_units ORDER BY year, district_code, evaluator_type, area, indicator'
		),
		budget: await engine.query('SELECT * FROM budget ORDER BY file_id, line')
	};
}

/** Temporary tables left behind (an import drops all of its own). */
export async function countTempTables(engine: Engine): Promise<number> {
	const [row] = await engine.query<{ n: number }>(
		'SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE temporary'
	);
	return row?.n ?? -1;
}

/** Rows of one imported file, in file order. */
export function evaluationRowsOf(engine: Engine, fileId: string) {
	return engine.query(
		`SELECT line, year, district_code, evaluator_type, evaluator_id, area, indicator, score,
			max_score FROM evaluations WHERE file_id = ? ORDER BY line`,
		[fileId]
	);
}

/** An engine that lets a test see, replace or fail each statement. */
export function intercept(
	inner: Engine,
	onQuery: (sql: string) => string | void
): Engine & { statements: string[] } {
	const statements: string[] = [];
	return {
		statements,
		query<T extends object>(sql: string, params?: readonly SqlParam[]) {
			statements.push(sql);
			const replaced = onQuery(sql) ?? sql;
			return inner.query<T>(replaced, params);
		},
		registerFile: (path, bytes) => inner.registerFile(path, bytes),
		fileBytes: (path) => inner.fileBytes(path),
		dropFile: (path) => inner.dropFile(path)
	};
}
