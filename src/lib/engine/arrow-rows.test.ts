import { Float64, Int32, makeData, makeVector, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from './node';
import { arrowToRows } from './arrow-rows';

describe('Arrow results as rows', () => {
	it('DuckDB’s own result: text of every width, empty text and nulls, numbers, lists', async () => {
		const engine = await createNodeEngine();
		const rows = await engine.query(
			`SELECT n, label, x::DOUBLE AS x, x::REAL AS r, n::BIGINT AS big, flag, list FROM (VALUES
				(1, '성북구', 2.5, true, [1, 2]),
				(2, NULL, NULL, NULL, NULL),
				(3, '', 0.0, false, []),
				(4, 'a😀b·é', -1.25, true, [3]),
				(5, 'Seongbuk-gu', 7.0, false, [4, 5, 6])
			) t(n, label, x, flag, list) ORDER BY n`
		);
		expect(rows).toEqual([
			{ n: 1, label: '성북구', x: 2.5, r: 2.5, big: 1n, flag: true, list: [1, 2] },
			{ n: 2, label: null, x: null, r: null, big: 2n, flag: null, list: null },
			{ n: 3, label: '', x: 0, r: 0, big: 3n, flag: false, list: [] },
			{ n: 4, label: 'a😀b·é', x: -1.25, r: -1.25, big: 4n, flag: true, list: [3] },
			{ n: 5, label: 'Seongbuk-gu', x: 7, r: 7, big: 5n, flag: false, list: [4, 5, 6] }
		]);
	});

	it('a text column stored in several batches', () => {
		const first = vectorFromArray(['가나', null, 'x'], new Utf8());
		const second = vectorFromArray(['', '😀', '다'], new Utf8());
		const table = new Table({ label: first.concat(second) });
		expect(table.getChildAt(0)!.data).toHaveLength(2);
		const decode = vi.spyOn(TextDecoder.prototype, 'decode');
		try {
			expect(arrowToRows(table)).toEqual(
				['가나', null, 'x', '', '😀', '다'].map((label) => ({ label }))
			);
			// One decoding per batch, 4-byte characters included: the point of reading it whole.
			expect(decode).toHaveBeenCalledTimes(2);
		} finally {
			decode.mockRestore();
		}
	});

	it('a number column stored in several batches, with nulls', () => {
		const first = vectorFromArray([1.5, null], new Float64());
		const second = vectorFromArray([null, -2, 3], new Float64());
		const counts = vectorFromArray([7, null, 9, 0, -1], new Int32());
		const table = new Table({ x: first.concat(second), count: counts });
		expect(arrowToRows(table)).toEqual([
			{ x: 1.5, count: 7 },
			{ x: null, count: null },
			{ x: null, count: 9 },
			{ x: -2, count: 0 },
			{ x: 3, count: -1 }
		]);
	});

	it('bytes that are not UTF-8 are decoded value by value, as Arrow would', () => {
		// 0xFF is no UTF-8 at all: it becomes U+FFFD, and the values after it stay whole.
		const data = makeData({
			type: new Utf8(),
			length: 3,
			valueOffsets: Int32Array.from([0, 1, 3, 6]),
			data: Uint8Array.from([0xff, 0x61, 0x62, 0xea, 0xb0, 0x80])
		});
		expect(arrowToRows(new Table({ label: makeVector(data) }))).toEqual([
			{ label: '\uFFFD' },
			{ label: 'ab' },
			{ label: '가' }
		]);
	});
});
