import type { FileKind } from '$lib/csv/columns';
import { toCsv } from './csv';

/** A blank form for one kind of file: the headers the importer reads, and two example rows. */
export interface Template {
	header: readonly string[];
	rows: readonly (readonly (string | number)[])[];
}

// The headers are the ones the shipped sample uses, which every import path reads (see
// columns.ts for the other names each column may have). The rows show the shapes of values:
// a self-evaluation has no rater, an official's has one; amounts are plain won.
export const TEMPLATES: Readonly<Record<FileKind, Template>> = {
	evaluations: {
		header: ['연도', '자치구', '평가주체', '평가자', '평가영역', '평가지표', '점수', '배점'],
		rows: [
			[2025, '성북구', '자체', '', '추진체계', '운영위원회 구성 및 운영', 4, 5],
			[2025, '성북구', '공무원', '공무원A', '추진체계', '운영위원회 구성 및 운영', 3.5, 5]
		]
	},
	budget: {
		header: [
			'회계연도',
			'자치구',
			'사업명',
			'세부항목',
			'예산과목',
			'예산액',
			'집행액',
			'산출내역'
		],
		rows: [
			[
				2025,
				'성북구',
				'시민협력플랫폼 운영',
				'인건비',
				'101-01',
				111600000,
				107158210,
				'3,100,000원×12개월×3명'
			],
			[2025, '성북구', '시민협력플랫폼 운영', '강사료', '201-01', 900000, 808120, '150,000원×6회']
		]
	}
};

/** The form as a CSV that Excel on Korean Windows opens as it is: UTF-8 with a byte-order mark. */
export function templateCsv(kind: FileKind): string {
	const { header, rows } = TEMPLATES[kind];
	return toCsv(header, rows);
}

/**
 * The form as an Excel workbook of one sheet, amounts shown with thousands separators. SheetJS
 * is loaded only when a workbook is asked for.
 */
export async function templateWorkbook(kind: FileKind, sheetName: string): Promise<Uint8Array> {
	const XLSX = await import('@e965/xlsx');
	const { header, rows } = TEMPLATES[kind];
	const sheet = XLSX.utils.aoa_to_sheet([[...header], ...rows.map((row) => [...row])]);
	for (const address of Object.keys(sheet)) {
		const cell = sheet[address] as { t?: string; v?: unknown; z?: string } | undefined;
		if (cell?.t === 'n' && typeof cell.v === 'number' && cell.v >= 10000) cell.z = '#,##0';
	}
	const book = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(book, sheet, sheetName);
	return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
