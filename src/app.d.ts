// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Locals {
			locale: import('$lib/i18n').Locale;
		}
	}
}

export {};
