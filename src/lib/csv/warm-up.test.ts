import { describe, expect, it } from 'vitest';
import { PLAIN_SCAN_MIN_BYTES, prepareFile } from './prepare';
import { warmUpFile } from './warm-up';

// The file worker prepares this made-up export when it starts, so that a person's file meets
// compiled code. It warms only what it runs: it must go the whole way a small clean export goes,
// not stop at a refusal.
describe('the file worker’s warm-up export', () => {
	it('is prepared the whole way, as a clean evaluation export of the shipped layout', async () => {
		const bytes = warmUpFile(300);
		const result = await prepareFile(bytes);
		if (!result.ok) throw new Error(`refused: ${result.code}`);
		expect(result.encoding).toBe('utf-8-bom');
		expect(result.warnings).toEqual([]);
		expect(result.layout.mapping.kind).toBe('evaluations');
		expect(result.layout.mapping.missing).toEqual([]);
		expect(result.layout.headerLine).toBe(1);
		expect(result.columnCount).toBe(8);
		expect(result.firstDataLine).toBe(2);
		// One line per row, each ending in a line feed (CRLF made LF).
		expect(result.data.filter((byte) => byte === 0x0a).length).toBe(300);
	});

	it('takes the path of a small file: decoded whole, not scanned for plain text', () => {
		expect(warmUpFile().length).toBeLessThan(PLAIN_SCAN_MIN_BYTES);
	});
});
