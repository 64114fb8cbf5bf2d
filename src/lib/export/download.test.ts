import { describe, expect, it } from 'vitest';
import { downloadName, localDay } from './download';

describe('download names', () => {
	it('carry the title, the chosen filters and the day', () => {
		expect(downloadName('자치구별 총점', '연도 2019 · 자치구 성북구', '2026-12-05', 'csv')).toBe(
			'자치구별 총점 (연도 2019 · 자치구 성북구) 2026-12-05.csv'
		);
	});

	it('drop what Windows refuses and cut long filters, keeping the day', () => {
		expect(downloadName('격차: 자체/외부\t"A"', 'x', '2026-12-05', 'png')).toBe(
			'격차 자체 외부 A (x) 2026-12-05.png'
		);
		const long = downloadName('제목', '가'.repeat(300), '2026-12-05', 'csv');
		expect(long.endsWith(' 2026-12-05.csv')).toBe(true);
		expect(long.length).toBeLessThanOrEqual(120 + ' 2026-12-05.csv'.length);
	});

	it('a day is the local calendar day, zero-padded', () => {
		expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
	});
});
