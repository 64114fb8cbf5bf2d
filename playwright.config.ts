import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

/** The editor token the tests sign in with; the server gets it through EDITOR_TOKEN. */
export const TEST_EDITOR_TOKEN = 'test-editor-token-0123456789abcdefghijklmnop';
/**
 * The test server's dataset store: a fresh folder per run, so published datasets never leak
 * between runs. Made once by the runner and passed down in the environment, so the test
 * workers (which load this file again) look at the same folder.
 */
export const TEST_STORE_DIR = (process.env.E2E_STORE_DIR ??= mkdtempSync(
	path.join(tmpdir(), 'dashboard-store-')
));

/** Largest publish the test server accepts, small enough to test the 413 answer cheaply. */
export const TEST_PUBLISH_MAX_BYTES = 5 * 1024 * 1024;

// Browsers cannot be downloaded here: Debian's Chromium is used unless CHROMIUM_PATH names
// another (set it to '' to use Playwright's own browser where one is installed).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Each test opens its pages in a new browser window, and every page starts DuckDB. Two things
// Chromium does for them cost CPU that no test needs, on a CI machine whose two cores the suite
// keeps busy (traced, per page load): a renderer preloading the omnibox popup of the window's
// (hidden) toolbar, about 0.9 s, and optimizing DuckDB's hot wasm functions in the background,
// about 0.6 s. These switches turn both off; they change no behaviour a test looks at (speed is
// `npm run bench`'s, which runs Chromium as it ships). Chromium may read only the last
// `--disable-features` it is given, so Playwright's own list (of @playwright/test 1.65.1, pinned)
// is repeated in ours.
const PLAYWRIGHT_DISABLED_FEATURES = [
	'AvoidUnnecessaryBeforeUnloadCheckSync',
	'DestroyProfileOnBrowserClose',
	'HttpsUpgrades',
	'HttpsFirstBalancedModeAutoEnable',
	'LensOverlay',
	'MediaRouter',
	'PaintHolding',
	'ThirdPartyStoragePartitioning',
	'AvoidCorsURLLoaderRestartOnRedirect',
	'TcpPortRandomizationWin',
	'OptimizationHints',
	'NetworkTimeServiceQuerying',
	'AimEnabled',
	'PreconnectToSearch'
];
const TOOLBAR_WEBUI_FEATURES = [
	'PreloadTopChromeWebUI',
	'WebUIOmniboxPopup',
	'WebUIOmniboxFullPopup',
	'WebUIOmniboxAimPopup'
];
const LEAN_BROWSER_ARGS = [
	`--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...TOOLBAR_WEBUI_FEATURES].join(',')}`,
	'--js-flags=--liftoff-only'
];

// `npm run screenshots` sets SCREENSHOTS=1 to take the README's pictures instead of testing.
const screenshots = process.env.SCREENSHOTS === '1';

export default defineConfig({
	testDir: screenshots ? 'tests/screenshots' : 'tests/e2e',
	// Two workers, one per CPU of the CI machine: one took about 11 of CI's 15 minutes. Files
	// are shared out between them (a file's tests keep their order, in one worker), so tests
	// that change what another could see use servers, stores and builds of their own.
	fullyParallel: false,
	workers: 2,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: [['list']],
	timeout: 60_000,
	expect: { timeout: 20_000 },
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		locale: 'ko-KR',
		timezoneId: 'Asia/Seoul',
		// A failed test keeps its trace (actions, console, network) and a screenshot. The trace's
		// own screencast and DOM snapshots, taken for every test and thrown away when it passes,
		// cost over a quarter of the CPU (three specs side by side: 298 CPU-seconds and 161 s with
		// them, 216 and 129 s with this trace, 205 and 121 s with none).
		trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: executablePath || undefined,
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						...LEAN_BROWSER_ARGS
					]
				}
			}
		}
	],
	// Tests run against the production build, as staff will use it.
	webServer: {
		command: `npm run build && node build`,
		// Ready once the sample's first figures are: every test's first page then has them.
		url: `http://127.0.0.1:${PORT}/api/health`,
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			// The public address, as a deployment sets it: requests must come from exactly it.
			ORIGIN: `http://127.0.0.1:${PORT}`,
			STORE_DIR: TEST_STORE_DIR,
			EDITOR_TOKEN: TEST_EDITOR_TOKEN,
			PUBLISH_MAX_BYTES: String(TEST_PUBLISH_MAX_BYTES),
			// Tests compare the server's figures with the browser's, on a machine busy running
			// Chromium: a page waits for its own figures as long as they take. A page queued
			// behind another's work still goes without them at once (tested).
			FIGURES_BUDGET_MS: '30000',
			// adapter-node's own limit stays above ours, so ours answers.
			BODY_SIZE_LIMIT: 'Infinity'
		},
		reuseExistingServer: !process.env.CI,
		timeout: 240_000
	}
});
