import { expect, test, type Page } from '@playwright/test';
import { chooseFiles, openDashboard, readScoreTable } from './helpers';

/** Uploads a one-row evaluation file and waits for it to be imported (through the scanner worker). */
async function uploadOneRow(page: Page, name: string) {
	await chooseFiles(page, {
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점\r\n2031,성북구,자체,,A,B,5,10\r\n'
		)
	});
	await expect(page.getByTestId('import-results')).toContainText(`${name}: 1행을 가져왔습니다`);
}

test('the page is served with a strict Content-Security-Policy and runs under it', async ({
	page
}) => {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
	});
	const response = await page.goto('/');
	const csp = response!.headers()['content-security-policy'] ?? '';
	expect(csp).toContain("default-src 'self'");
	expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'nonce-[^']+'/);
	expect(csp).toContain("worker-src 'self'");
	expect(csp).toContain("connect-src 'self'");
	expect(csp).toContain("object-src 'none'");
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
	expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);

	await openDashboard(page);
	await readScoreTable(page);
	for (const view of ['예산 집행', '연도별 추이', '평가 격차']) {
		await page.getByRole('link', { name: view }).click();
		await expect(page.locator('.chart svg').first()).toBeVisible();
	}
	// An upload goes through the prepare worker, and a PNG export through a blob image.
	await uploadOneRow(page, 'csp.csv');
	const download = page.waitForEvent('download');
	await page.getByTestId('score-gap').getByRole('button', { name: 'PNG', exact: true }).click();
	await download;
	expect(violations).toEqual([]);
});

test('an inline script injected into the page does not run', async ({ page }) => {
	await openDashboard(page);
	const ran = await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__injected = true';
		document.body.append(script);
		return (window as unknown as { __injected?: boolean }).__injected === true;
	});
	expect(ran).toBe(false);
});

test('the workers run under their own policy: no script or request from elsewhere', async ({
	page
}) => {
	const policies = new Map<string, string>();
	page.on('response', (response) => {
		if (/\/_app\/immutable\/.*worker[^/]*\.js$/.test(new URL(response.url()).pathname)) {
			policies.set(response.url(), response.headers()['content-security-policy'] ?? '');
		}
	});
	await openDashboard(page);
	// The upload scanner starts with the first upload.
	await uploadOneRow(page, 'worker.csv');

	// DuckDB's worker and the upload scanner, each with the worker policy.
	expect([...policies.keys()].some((url) => url.includes('duckdb-browser'))).toBe(true);
	expect([...policies.keys()].some((url) => url.includes('prepare.worker'))).toBe(true);
	for (const [url, policy] of policies) {
		expect(policy, url).toContain("default-src 'none'");
		expect(policy, url).toContain("script-src 'self' 'wasm-unsafe-eval'");
		expect(policy, url).toContain("connect-src 'self'");
	}
	// And the policy holds inside each running worker.
	expect(page.workers().length).toBeGreaterThanOrEqual(2);
	for (const worker of page.workers()) {
		const outcome = await worker.evaluate(async () => {
			// Code run through the DevTools protocol may eval whatever the policy; loading a
			// script is checked: a data: module loads anywhere without a policy.
			const dataModule = 'data:text/javascript,export default 1';
			const imported = await import(dataModule).then(
				() => true,
				() => false
			);
			// The same server under another origin: only the policy can refuse it.
			const elsewhere = `http://localhost:${self.location.port}/favicon.svg`;
			const fetched = await fetch(elsewhere, { mode: 'no-cors' }).then(
				() => true,
				() => false
			);
			const own = await fetch('/favicon.svg').then((response) => response.ok);
			return { imported, fetched, own };
		});
		expect(outcome, worker.url()).toEqual({ imported: false, fetched: false, own: true });
	}
});
