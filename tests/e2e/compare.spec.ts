import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openDashboard, signedPoints } from './helpers';
import { publish } from './server-process';

// 변경 비교 between two published versions of one export: the fixture pair differs by exactly
// 3 changed, 2 added and 1 removed rows, and its moved figures come from an independent script
// (tests/fixtures/versions/expected.py, exact fractions).
const fixture = (name: string) =>
	readFileSync(new URL(`../fixtures/versions/${name}`, import.meta.url));
const expected = JSON.parse(fixture('expected.json').toString('utf8')) as {
	figures: { district: string; year: number; figure: string; difference: number }[];
};
const choices = { mode: 'add', setAsideSample: true };

test('two published versions: the rows that changed and the figures that moved, largest first', async ({
	page,
	baseURL
}) => {
	const before = await publish(baseURL!, [
		{ name: 'before.csv', bytes: fixture('before.csv'), choices }
	]);
	const after = await publish(baseURL!, [
		{ name: 'after.csv', bytes: fixture('after.csv'), choices }
	]);
	await openDashboard(page, `?ds=${after}&v=diff&vs=${before}`);
	const view = page.getByTestId('compare-view');
	await expect(view.getByTestId('compare-summary')).toHaveText(
		'평가 행: 바뀜 3 · 추가 2 · 삭제 1. 예산 행: 바뀜 0 · 추가 0 · 삭제 0.'
	);
	// Both versions named, with their hashes.
	const versions = view.getByTestId('compare-versions');
	await expect(versions).toContainText(/버전 해시 [0-9a-f]{12} · 파일 2개/);
	await expect(view.getByTestId('evaluations-changed').locator('tbody tr')).toHaveCount(3);
	await expect(view.getByTestId('evaluations-added').locator('tbody tr')).toHaveCount(2);
	await expect(view.getByTestId('evaluations-removed')).toContainText('전문가B');
	// The moved figures, in the independent script's order, with its differences.
	const rows = view.getByTestId('moved-figures').locator('tbody tr');
	await expect(rows).toHaveCount(expected.figures.length);
	const names: Record<string, string> = {
		'total.self': '자체평가 총점',
		'total.official': '공무원평가 총점',
		'total.expert': '외부전문가평가 총점',
		gap: '자체 − 외부 격차'
	};
	for (const [index, figure] of expected.figures.entries()) {
		const cells = await rows.nth(index).locator('th, td').allTextContents();
		expect([cells[0], cells[1], cells[2], cells[5]]).toEqual([
			figure.district,
			String(figure.year),
			names[figure.figure],
			signedPoints(figure.difference)
		]);
	}
	const axe = await new AxeBuilder({ page })
		.include('[data-testid=compare-view]')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
	// The comparison is a view of its own: the link opens it again.
	await expect(page).toHaveURL(new RegExp(`ds=${after}&v=diff&vs=${before}`));
});

test('a version that is not one, one that does not exist, and no earlier import: each said, nothing lost', async ({
	page
}) => {
	await openDashboard(page, '?v=diff&vs=nonsense');
	const problem = page.getByTestId('compare-problem');
	await expect(problem).toHaveText(
		'버전을 가리키지 않는 값입니다: "nonsense". 게시된 데이터의 링크나 ds 값(22자), sample, before 중 하나를 넣으세요. 보던 화면은 그대로입니다.'
	);
	await page.getByTestId('compare-input').fill('AAAAAAAAAAAAAAAAAAAAAA');
	await page.getByTestId('compare-input').press('Enter');
	await expect(problem).toHaveText(
		'게시된 데이터를 찾을 수 없습니다: AAAAAAAAAAAAAAAAAAAAAA. 링크가 맞는지 확인하세요. 보던 화면은 그대로입니다.'
	);
	await page.getByRole('button', { name: '마지막 가져오기 전' }).click();
	await expect(problem).toContainText('파일을 가져온 기록이 없어');
	// The data loaded is untouched: the sample, as before.
	await expect(page.getByTestId('contents')).toHaveText('예시 데이터(합성)를 보고 있습니다.');
	// The sample against itself: nothing changed.
	await page.getByRole('button', { name: '예시 데이터' }).click();
	await expect(page.getByTestId('compare-summary')).toHaveText(
		'평가 행: 바뀜 0 · 추가 0 · 삭제 0. 예산 행: 바뀜 0 · 추가 0 · 삭제 0.'
	);
	await expect(page.getByTestId('compare-view')).toContainText('움직인 수치가 없습니다');
});
