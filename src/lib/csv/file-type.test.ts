import { describe, expect, it } from 'vitest';
import { detectNonCsvBytes, detectNonCsvText } from './file-type';

const bytes = (...values: number[]) => new Uint8Array([...values, 0x41, 0x42]);
const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

describe('detectNonCsvBytes', () => {
	it.each([
		['xlsx (zip)', bytes(0x50, 0x4b, 0x03, 0x04), 'spreadsheet-file'],
		['xls (OLE)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'spreadsheet-file'],
		['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'binary-file'],
		['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0), 'binary-file'],
		['gif87a', bytes(...ascii('GIF87a')), 'binary-file'],
		['gif89a', bytes(...ascii('GIF89a')), 'binary-file'],
		['pdf', bytes(...ascii('%PDF-1.7')), 'binary-file'],
		['gzip', bytes(0x1f, 0x8b, 0x08), 'binary-file'],
		['zstd', bytes(0x28, 0xb5, 0x2f, 0xfd), 'binary-file']
	])('%s', (_, input, expected) => {
		expect(detectNonCsvBytes(input)).toBe(expected);
	});

	it.each([
		['csv text', bytes(...ascii('연도,자치구'))],
		['a short PK prefix', bytes(0x50, 0x4b)],
		['UTF-16LE BOM', bytes(0xff, 0xfe, 0x30, 0xc5)],
		['empty', new Uint8Array()]
	])('leaves %s alone', (_, input) => {
		expect(detectNonCsvBytes(input)).toBeNull();
	});
});

describe('detectNonCsvText', () => {
	it.each([
		['a NUL character', 'a,b\n1\u0000,2', 'binary-file'],
		['an HTML table saved as .xls', '  <html><body><table><tr><td>연도</td>', 'spreadsheet-file'],
		['a bare table', '<TABLE border=1><tr>', 'spreadsheet-file'],
		['an HTML document', '<!DOCTYPE html>\n<html>', 'spreadsheet-file'],
		[
			'Excel 2003 XML',
			'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook>',
			'spreadsheet-file'
		],
		['CSV', '연도,자치구\n2019,성북구', null],
		['CSV with a cell that starts with <', '<비고>,값\n1,2', null],
		['other XML', '<?xml version="1.0"?><data/>', null]
	])('%s', (_, text, expected) => {
		expect(detectNonCsvText(text)).toBe(expected);
	});
});
