import { toCsv, type CsvCell } from '$lib/export/csv';
import { translate, type Locale } from '$lib/i18n';
import type { ProvenanceRow } from './score-provenance';

/** What a row's file is called, and the original text of its lines where the file is at hand. */
export interface RowSources {
	fileName: (fileId: string) => string;
	/** The line's text before normalization (see sourceLines); undefined where unknown. */
	original: (fileId: string, line: number) => string | undefined;
}

/**
 * The rows behind a figure as CSV for Excel (UTF-8 with BOM, cells that would run as formulas
 * made inert, `toCsv`), under a first line saying which figure they are for: every row with its
 * file, the file's SHA-256, its line, the values as imported and the original text.
 */
export function provenanceCsv(
	rows: readonly ProvenanceRow[],
	sources: RowSources,
	locale: Locale,
	note: string
): string {
	const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
	const header = [
		t('provenance.file'),
		t('provenance.fileHash'),
		t('provenance.line'),
		t('field.year'),
		t('field.district'),
		t('field.evaluator_type'),
		t('field.evaluator_id'),
		t('field.area'),
		t('field.indicator'),
		t('field.score'),
		t('field.max_score'),
		t('provenance.original')
	];
	const body = rows.map((row): CsvCell[] => [
		sources.fileName(row.file_id),
		row.file_id,
		row.line,
		row.year,
		locale === 'ko' ? row.name_ko : row.name_en,
		t(`evaluator.${row.evaluator_type}`),
		row.evaluator_id,
		row.area,
		row.indicator,
		row.score,
		row.max_score,
		sources.original(row.file_id, row.line) ?? null
	]);
	return toCsv(header, body, note);
}
