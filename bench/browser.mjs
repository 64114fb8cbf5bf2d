// How every benchmark launches Chromium: the machine's own (`CHROMIUM_PATH`, default
// /usr/bin/chromium; empty for Playwright's own browser), with the flags the tests use too.

/** Chromium's path; undefined lets Playwright use its own browser. */
export const CHROMIUM_PATH = (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') || undefined;

/** The flags every benchmark launches Chromium with. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update'
];

/** Options for `chromium.launch`, with `extraArgs` after the shared flags. */
export const launchOptions = (extraArgs = []) => ({
	executablePath: CHROMIUM_PATH,
	args: [...CHROMIUM_ARGS, ...extraArgs]
});
