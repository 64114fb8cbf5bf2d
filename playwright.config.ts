import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

// Browsers cannot be downloaded here: Debian's Chromium is used unless CHROMIUM_PATH names
// another (set it to '' to use Playwright's own browser where one is installed).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// `npm run screenshots` sets SCREENSHOTS=1 to take the README's pictures instead of testing.
const screenshots = process.env.SCREENSHOTS === '1';

export default defineConfig({
	testDir: screenshots ? 'tests/screenshots' : 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: [['list']],
	timeout: 60_000,
	expect: { timeout: 20_000 },
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		locale: 'ko-KR',
		timezoneId: 'Asia/Seoul',
		trace: 'retain-on-failure'
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
						'--disable-component-update'
					]
				}
			}
		}
	],
	// Tests run against the production build, as staff will use it.
	webServer: {
		command: `npm run build && node build`,
		url: `http://127.0.0.1:${PORT}`,
		env: { PORT: String(PORT), HOST: '127.0.0.1' },
		reuseExistingServer: !process.env.CI,
		timeout: 240_000
	}
});
