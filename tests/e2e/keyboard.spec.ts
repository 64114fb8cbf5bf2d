import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDashboard, views } from './helpers';

/**
 * The dashboard with the keyboard alone: no mouse, no locator.click or check. Every focus stop
 * on the way (not only the targets) must show a visible focus indicator, and every choice must
 * land in the address.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const FIXTURE = fileURLToPath(
	new URL('../fixtures/csv/good/extended-hangul-cp949.csv', import.meta.url)
);

/**
 * Has the browser hand the page's file choosers to the test from now on. Playwright turns that
 * on in the browser without waiting, when the first 'filechooser' listener is added: a
 * `waitForEvent('filechooser')` made just before the key press that opens the chooser can lose
 * the race to it (the chooser then opens unintercepted and the event never comes). Called as a
 * test starts, it is on long before; the test's own `waitForEvent` just before the key press
 * then receives the event.
 */
function interceptFileChoosers(page: Page): void {
	page.on('filechooser', () => {});
}

/** What the fixture adds: a year and an area the sample does not have. */
const FIXTURE_YEAR = 2021;
const FIXTURE_AREA = '똠뷁햏 시범영역';

/** How the focused element looks, read in the page. */
interface FocusState {
	/** Tag, role and name, for messages. */
	label: string;
	focusVisible: boolean;
	/** The element drawing the indicator: the control, or its label when the control is hidden. */
	indicator: string | null;
	ring: string | null;
	inViewport: boolean;
}

async function focusState(page: Page): Promise<FocusState> {
	return page.evaluate(() => {
		const element = document.activeElement as HTMLElement | null;
		if (!element || element === document.body)
			return {
				label: 'body',
				focusVisible: false,
				indicator: null,
				ring: null,
				inViewport: false
			};
		const shown = (el: Element) => {
			let opacity = 1;
			for (let node: Element | null = el; node; node = node.parentElement) {
				const style = getComputedStyle(node);
				if (style.display === 'none' || style.visibility === 'hidden') return false;
				opacity *= Number(style.opacity);
			}
			const box = el.getBoundingClientRect();
			// A visually hidden control (1 px, clipped or transparent) cannot show its own ring.
			return opacity > 0.1 && box.width >= 4 && box.height >= 4;
		};
		const ringOf = (el: Element) => {
			const style = getComputedStyle(el);
			const transparent = /^transparent$|rgba\(.*,\s*0\)$/.test(style.outlineColor);
			if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent)
				return `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
			if (style.boxShadow !== 'none') return `box-shadow ${style.boxShadow}`;
			return null;
		};
		const indicator = shown(element) ? element : element.closest('label');
		const box = (indicator ?? element).getBoundingClientRect();
		const name =
			element.getAttribute('aria-label') ??
			element.closest('label')?.textContent ??
			element.textContent ??
			'';
		return {
			label: `${element.tagName.toLowerCase()}${element.getAttribute('type') ? `[${element.getAttribute('type')}]` : ''} "${name.replace(/\s+/g, ' ').trim().slice(0, 40)}"`,
			focusVisible: element.matches(':focus-visible'),
			indicator: indicator ? indicator.tagName.toLowerCase() : null,
			ring: indicator && shown(indicator) ? ringOf(indicator) : null,
			inViewport:
				box.bottom > 0 &&
				box.right > 0 &&
				box.top < window.innerHeight &&
				box.left < window.innerWidth
		};
	});
}

/** Every focus stop of the walk, for the report and for the failure messages. */
const stops: string[] = [];

/** The focused element shows where it is: :focus-visible, a ring, on screen. */
function expectVisible(state: FocusState, context: string) {
	expect(state.focusVisible, `${context}: ${state.label} matches :focus-visible`).toBe(true);
	expect(state.ring, `${context}: ${state.label} has a visible focus ring`).not.toBeNull();
	expect(state.inViewport, `${context}: ${state.label} is on screen`).toBe(true);
}

/** Whether the active element is one of the elements `target` matches (no waiting). */
function isFocused(target: Locator): Promise<boolean> {
	return target.evaluateAll((elements) =>
		(elements as Element[]).includes(document.activeElement!)
	);
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until the focused element is `target`, checking the
 * focus indicator at every stop on the way; fails naming the stops if `maxTabs` presses do not
 * reach it.
 */
async function tabTo(
	page: Page,
	target: Locator,
	maxTabs: number,
	{ backwards = false } = {}
): Promise<void> {
	const passed: string[] = [];
	for (let i = 0; i < maxTabs; i++) {
		await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
		const state = await focusState(page);
		passed.push(state.label);
		stops.push(state.label);
		// Past the last control the focus leaves the page (the document itself) and comes back.
		if (state.label === 'body') continue;
		expectVisible(state, `stop ${passed.length} on the way to ${target}`);
		if (await isFocused(target)) return;
	}
	throw new Error(
		`${maxTabs} × ${backwards ? 'Shift+Tab' : 'Tab'} did not reach ${target}; focus went: ${passed.join(' → ')}`
	);
}

/**
 * Reaches a button of a data table by keyboard: Tab to the table's one stop, then the arrow keys
 * down its rows (the table's buttons are one Tab stop, see roving-focus.ts).
 */
async function reachInTable(
	page: Page,
	table: Locator,
	target: Locator,
	maxTabs: number,
	{ backwards = false } = {}
): Promise<void> {
	await tabTo(page, table.locator('tbody button[tabindex="0"]'), maxTabs, { backwards });
	for (let i = 0; i < 600 && !(await isFocused(target)); i++) {
		await page.keyboard.press('ArrowDown');
	}
	await expectStillFocused(page, target, `arrows down to ${target}`);
}

/**
 * Reaches a control of a filter group by keyboard: Tab to the group's one stop, then Home and
 * the arrow keys along its options (see rovingList in roving-focus.ts).
 */
async function reachInGroup(
	page: Page,
	group: Locator,
	target: Locator,
	maxTabs: number,
	{ backwards = false } = {}
): Promise<void> {
	await tabTo(page, group.locator('[tabindex="0"]'), maxTabs, { backwards });
	await page.keyboard.press('Home');
	for (let i = 0; i < 60 && !(await isFocused(target)); i++) {
		await page.keyboard.press('ArrowRight');
		expectVisible(await focusState(page), `arrows along to ${target}`);
	}
	await expectStillFocused(page, target, `arrows along to ${target}`);
}

/** After a key press: the same element still has the focus, and it shows. */
async function expectStillFocused(page: Page, target: Locator, context: string) {
	await expect(target).toBeFocused();
	expectVisible(await focusState(page), context);
}

/** Opens a chart's data table with the keyboard: the button says so and the table shows. */
async function openTable(page: Page, frame: Locator, key: 'Enter' | 'Space', maxTabs = 30) {
	const button = frame.getByRole('button', { name: '데이터 표 보기' });
	// As someone at the keyboard does, wait for the view to be on screen before tabbing into it:
	// a view just chosen may still be loading, and Tab then runs past where its charts will be.
	await expect(button).toBeVisible();
	await tabTo(page, button, maxTabs);
	await page.keyboard.press(key);
	const toggle = frame.getByRole('button', { name: '데이터 표 숨기기' });
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	const region = await toggle.getAttribute('aria-controls');
	await expect(page.locator(`[id="${region}"] table`)).toBeVisible();
	await expectStillFocused(page, toggle, `${key} on a chart's table button`);
}

const params = (page: Page) => new URL(page.url()).searchParams;

/** A list parameter's values: comma-separated (y, d, e) or repeated (a, i), sorted. */
function paramValues(page: Page, param: string): string[] {
	const values = params(page).getAll(param);
	return (values.length === 1 ? values[0]!.split(',') : values).sort();
}

test('skip link, upload and every filter, with the keyboard alone', async ({ page }) => {
	interceptFileChoosers(page);
	await openDashboard(page);

	// The first Tab reaches the skip link, which shows itself; Enter moves into the main part.
	await tabTo(page, page.getByRole('link', { name: '본문으로 건너뛰기' }), 1);
	await page.keyboard.press('Enter');
	await expect(page.locator('main#main')).toBeFocused();
	// The first control in the main part comes next.
	await tabTo(page, page.getByTestId('copy-link'), 1);

	// 내 자료 올리기 is in the header, back past the filters (one stop each): Enter opens it.
	const openUpload = page.getByRole('button', { name: '내 자료 올리기' });
	await tabTo(page, openUpload, 12, { backwards: true });
	await page.keyboard.press('Enter');
	await expect(openUpload).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByTestId('own-data')).toBeVisible();
	// The import mode, with the arrow keys: replacing its year keeps the sample beside the file
	// (added over the sample alone, the file would take the sample's place).
	const choose = page.getByRole('button', { name: '파일 선택' });
	await tabTo(page, page.getByRole('radio', { name: '기존 자료에 추가' }), 5);
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: '파일에 있는 연도만 교체' })).toBeChecked();
	await tabTo(page, choose, 5);
	const chooser = page.waitForEvent('filechooser');
	await page.keyboard.press('Enter');
	await (await chooser).setFiles(FIXTURE);
	await expect(page.getByTestId('import-results')).toContainText(
		'extended-hangul-cp949.csv: 7행을 가져왔습니다 (평가, 엑셀 CSV (한글 Windows)).'
	);
	await expect(page.getByTestId('load-status')).toContainText('3,367개 평가 행');
	await expect(choose).toBeEnabled();

	// On into the filters, past the rest of 내 자료; Space takes one value out of each group.
	const group = (name: string) => page.getByRole('group', { name, exact: true });
	/** Unchecks one box of a filter group; the address then holds `expected` under `param`. */
	const uncheck = async (groupName: string, option: string, param: string, expected: string[]) => {
		const box = group(groupName).getByRole('checkbox', { name: option, exact: true });
		await reachInGroup(page, group(groupName), box, 60);
		await page.keyboard.press('Space');
		await expect(box).not.toBeChecked();
		await expectStillFocused(page, box, `Space on ${option}`);
		await expect.poll(() => paramValues(page, param)).toEqual([...expected].sort());
	};
	const sampleAreas = [...views.areas].sort();
	const otherDistricts = Object.entries(views.district_codes)
		.filter(([name]) => name !== '은평구')
		.map(([, code]) => code)
		.sort();
	const [firstYear] = views.years;
	const otherYears = [...views.years, FIXTURE_YEAR].filter((year) => year !== firstYear);
	await uncheck('연도', String(firstYear), 'y', otherYears.map(String));
	await uncheck('자치구', '은평구', 'd', otherDistricts);
	await uncheck('평가주체', '외부전문가평가', 'e', ['self', 'official']);
	await uncheck('평가영역', FIXTURE_AREA, 'a', sampleAreas);
	// Every filter at once in the address, and each filter one chip saying what it leaves out.
	expect(paramValues(page, 'a')).toEqual(sampleAreas);
	expect(paramValues(page, 'e')).toEqual(['official', 'self']);
	expect(paramValues(page, 'd')).toEqual(otherDistricts);
	const chips = page.getByTestId('filter-chips');
	await expect(chips.getByRole('button')).toHaveCount(4);
	for (const name of [
		`평가영역 ${FIXTURE_AREA} 제외 필터 해제`,
		'평가주체 외부전문가평가 제외 필터 해제',
		'자치구 은평구 제외 필터 해제',
		`연도 ${firstYear} 제외 필터 해제`
	]) {
		await expect(chips.getByRole('button', { name, exact: true })).toBeVisible();
	}
	console.log(`keyboard walk 1: ${stops.length} focus stops`);
});

test('every view, every data table, a drill-down to one indicator and the view choices, with the keyboard alone; the copied link is the address', async ({
	page
}) => {
	stops.length = 0;
	await openDashboard(page);
	await expect(page.locator('.chart svg').first()).toBeVisible();
	const tab = (name: string) =>
		page.getByRole('navigation', { name: '분석 화면' }).getByRole('link', { name });

	// The score-gap view: the external source with the arrow keys (a radio group).
	const externalMean = page.getByRole('radio', { name: '공무원·전문가 평균' });
	await tabTo(page, externalMean, 60);
	await page.keyboard.press('ArrowRight');
	const externalOfficial = page.getByRole('radio', { name: '공무원평가', exact: true });
	await expect(externalOfficial).toBeChecked();
	await expectStillFocused(page, externalOfficial, 'ArrowRight on the external source');
	await expect(page).toHaveURL((url) => url.searchParams.get('x') === 'official');

	for (const id of ['score-gap', 'gap-heatmap', 'bland-altman'])
		await openTable(page, page.getByTestId(id), 'Enter');

	// The agreement choice, with the arrow keys too.
	await tabTo(page, page.getByRole('radio', { name: '세 평가주체 사이' }), 60);
	await page.keyboard.press('ArrowRight');
	const officials = page.getByRole('radio', { name: '공무원 평가자 사이' });
	await expect(officials).toBeChecked();
	await expectStillFocused(page, officials, 'ArrowRight on the agreement choice');
	await expect(page).toHaveURL((url) => url.searchParams.get('ag') === 'official');

	// Drill down in the table of totals: a district, one of its areas, one of its indicators.
	// The table stays open but its rows are rebuilt, and the focus drops to <body> (a reported
	// bug, see the end of this file): the next button is sought from where the browser resumes.
	const scoreGap = page.getByTestId('score-gap');
	const drill = async (name: string, check: (url: URL) => boolean) => {
		const table = page.getByTestId('score-gap-table');
		// Opened above and still open (then it is behind the focus), or opened here.
		const open = await table.isVisible();
		if (!open) await openTable(page, scoreGap, 'Space', 200);
		const button = table.getByRole('button', { name, exact: true });
		await expect(button).toBeVisible();
		await reachInTable(page, table, button, 200, { backwards: open });
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(check);
	};
	await drill(
		'성북구',
		(url) => url.searchParams.get('lv') === 'area' && url.searchParams.get('d') === '11290'
	);
	await drill(
		'추진체계',
		(url) => url.searchParams.get('lv') === 'indicator' && url.searchParams.get('a') === '추진체계'
	);
	await drill(
		'운영위원회 구성 및 운영',
		(url) => url.searchParams.get('i') === '운영위원회 구성 및 운영'
	);
	await expect(page.getByTestId('filter-chips')).toContainText('운영위원회 구성 및 운영');

	// The other views, each from its tab, with each chart's table opened.
	const otherViews = [
		{
			name: '예산 집행',
			v: 'budget',
			frames: ['budget-execution', 'execution-rate', 'score-money']
		},
		{ name: '연도별 추이', v: 'trend', frames: ['trend-lines', 'rank-bump', 'gap-trend'] }
	];
	for (const view of otherViews) {
		await tabTo(page, tab(view.name), 80, { backwards: true });
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL((url) => url.searchParams.get('v') === view.v);
		await expect(tab(view.name)).toHaveAttribute('aria-current', 'page');
		await expectStillFocused(page, tab(view.name), `Enter on the ${view.name} tab`);
		for (const id of view.frames) await openTable(page, page.getByTestId(id), 'Enter');
	}

	// The trend view's source, with the arrow keys.
	const trendSource = page.getByRole('group', { name: '추이 기준' });
	await tabTo(page, trendSource.getByRole('radio', { checked: true }), 80, { backwards: true });
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL((url) => url.searchParams.get('ts') === 'self');
	await expectStillFocused(
		page,
		trendSource.getByRole('radio', { name: '자체평가', exact: true }),
		'ArrowRight on the trend source'
	);

	// Back to the score gaps: every view tab has been used.
	await tabTo(page, tab('평가 격차'), 20, { backwards: true });
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL((url) => !url.searchParams.has('v'));
	await expectStillFocused(page, tab('평가 격차'), 'Enter on the score-gap tab');
	// The filters set by the drill-down are still in the address.
	expect(params(page).get('i')).toBe('운영위원회 구성 및 운영');

	// The copy button puts exactly the address on the clipboard.
	const copy = page.getByTestId('copy-link');
	await tabTo(page, copy, 40, { backwards: true });
	await page.keyboard.press('Enter');
	await expect(page.getByText('지금 보는 화면의 링크를 복사했습니다.')).toBeVisible();
	await expectStillFocused(page, copy, 'Enter on the copy button');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
	console.log(`keyboard walk 2: ${stops.length} focus stops`);
});

// Focus kept where the page changes under it.

test('the file button keeps the focus through an upload', async ({ page }) => {
	interceptFileChoosers(page);
	await openDashboard(page);
	await tabTo(page, page.getByRole('button', { name: '내 자료 올리기' }), 5);
	await page.keyboard.press('Enter');
	const choose = page.getByRole('button', { name: '파일 선택' });
	await tabTo(page, choose, 10);
	const chooser = page.waitForEvent('filechooser');
	await page.keyboard.press('Space');
	await (await chooser).setFiles(FIXTURE);
	await expect(page.getByTestId('import-results')).toContainText('7행을 가져왔습니다');
	await expect(choose).toBeEnabled();
	await expect(choose).toBeFocused({ timeout: 2_000 });
});

test('a drill-down by keyboard leaves the focus in the table', async ({ page }) => {
	await openDashboard(page);
	await openTable(page, page.getByTestId('score-gap'), 'Enter', 80);
	const table = page.getByTestId('score-gap-table');
	await reachInTable(page, table, table.getByRole('button', { name: '성북구', exact: true }), 20);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL((url) => url.searchParams.get('lv') === 'area');
	await expect(table.getByRole('button', { name: '추진체계', exact: true })).toBeVisible({
		timeout: 5_000
	});
	await expect(table.locator(':focus')).toHaveCount(1, { timeout: 2_000 });
});

test('what a click on a chart chooses, a button in its data table chooses too, by keyboard', async ({
	page
}) => {
	await openDashboard(page);
	// A heatmap cell: that district and area, one level down. The table's 50 cells are one Tab
	// stop; the arrows move across them as across the heatmap.
	const heatmap = page.getByTestId('gap-heatmap');
	await openTable(page, heatmap, 'Enter', 60);
	const table = page.getByTestId('gap-heatmap-table');
	const cells = table.locator('tbody td button');
	await expect(cells).toHaveCount(50);
	// Past the downloads: PNG, SVG, CSV, CSV with every decimal.
	await tabTo(page, cells.first(), 6);
	await page.keyboard.press('ArrowRight');
	await expectStillFocused(page, cells.nth(1), 'ArrowRight in the heatmap table');
	await page.keyboard.press('ArrowDown');
	await expectStillFocused(page, cells.nth(11), 'ArrowDown in the heatmap table');
	const secondRow = await table.locator('tbody th').nth(1).innerText();
	const secondDistrict = (await table.locator('thead th').nth(2).innerText()).replace(/\s+/g, '');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/lv=indicator/);
	const url = new URL(page.url());
	expect(url.searchParams.get('d')).toBe(views.district_codes[secondDistrict]);
	expect(url.searchParams.getAll('a')).toEqual([secondRow]);

	// A district's bar in the budget view, and a district's line in the trend view.
	for (const [query, frame] of [
		['?v=budget', 'budget-execution'],
		['?v=trend', 'trend-lines']
	] as const) {
		await openDashboard(page, query);
		const chart = page.getByTestId(frame);
		await openTable(page, chart, 'Enter', 60);
		const name = chart.locator('tbody th button').filter({ hasText: '성북구' });
		// Past the downloads (PNG, SVG, CSV, CSV with every decimal) and, in a trend's table, one
		// button per year heading.
		await reachInTable(page, chart.locator('table'), name, 6 + views.years.length);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`d=${views.district_codes['성북구']}`));
	}
});

test('a filter is one Tab stop; the arrows reach every option and its 이것만, Enter keeps that one', async ({
	page
}) => {
	await openDashboard(page);
	const group = (name: string) => page.getByRole('group', { name, exact: true });
	const years = group('연도');
	const last = String(views.years.at(-1));
	const only = years.getByRole('button', { name: `${last}만 보기` });
	await reachInGroup(page, years, only, 6);
	await expect(only).toHaveCSS('opacity', '1');
	await expect(years).toHaveAccessibleDescription(/화살표 키로 항목 사이를 옮겨 다니고/);
	// The next Tab leaves the years for the districts, past the other years' boxes.
	await page.keyboard.press('Tab');
	await expect(group('자치구').getByRole('button', { name: '전체' })).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(only).toBeFocused();
	await page.keyboard.press('Enter');
	await expect.poll(() => params(page).get('y')).toBe(last);
	await expect(page.getByTestId('filter-chips')).toHaveText(`연도 ${last} ×`, {
		useInnerText: true
	});
});

test('a trend chart’s year labels by keyboard: a year’s heading in its table keeps only that year', async ({
	page
}) => {
	await openDashboard(page, '?v=trend');
	await openTable(page, page.getByTestId('trend-lines'), 'Enter', 80);
	const year = String(views.years.at(-2));
	const heading = page
		.getByTestId('trend-table')
		.getByRole('button', { name: `${year} 연도만 보기`, exact: true });
	await tabTo(page, heading, 10);
	await page.keyboard.press('Enter');
	await expect.poll(() => params(page).get('y')).toBe(year);
	await expect(page.getByTestId('filter-chips')).toHaveText(`연도 ${year} ×`, {
		useInnerText: true
	});
});
