import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { nodeCp949 } from '$lib/testing/node-engine';
import { sourceLines } from './source-lines';

describe('sourceLines', () => {
	it('reads CP949 lines as written, before any normalization', () => {
		const text = '연도,자치구,점수\r\n2019,성북구 ,"1,456"\r\n2019,똠방구,７\r\n';
		const lines = sourceLines(iconv.encode(text, 'cp949'), [2, 3], nodeCp949);
		expect(lines).toEqual(
			new Map([
				[2, '2019,성북구 ,"1,456"'],
				[3, '2019,똠방구,７']
			])
		);
	});

	it('counts CR-only and LF line ends as an editor does, and skips a byte-order mark', () => {
		const bytes = new TextEncoder().encode('\uFEFFa,b\r1,2\n3,4');
		expect(sourceLines(bytes, [1, 2, 3])).toEqual(
			new Map([
				[1, 'a,b'],
				[2, '1,2'],
				[3, '3,4']
			])
		);
	});

	it('runs a record on through a quoted line break, and ignores lines past the end', () => {
		const bytes = new TextEncoder().encode('a,b\n1,"두 줄\n메모"\n2,x\n');
		expect(sourceLines(bytes, [2, 4, 99])).toEqual(
			new Map([
				[2, '1,"두 줄\n메모"'],
				[4, '2,x']
			])
		);
	});

	it('has no lines for a workbook', () => {
		expect(sourceLines(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), [1])).toBeNull();
	});
});
