import { getContext, setContext } from 'svelte';
import type { ProvenanceRequest } from './request';

/** The dashboard's 출처 dialog, as the figures below it reach it. */
export interface ProvenanceOpener {
	open: (request: ProvenanceRequest) => void;
	/**
	 * What a 출처 button is called for a screen reader, in the page's language. It begins with
	 * what the button shows (WCAG 2.5.3, label in name): the figure itself in a table, the word
	 * 출처 elsewhere.
	 */
	label: (request: ProvenanceRequest, shows: 'figure' | 'action') => string;
}

const KEY = Symbol('provenance');

/** Makes the dashboard's 출처 dialog reachable from every figure below it. */
export function provideProvenance(opener: ProvenanceOpener): void {
	setContext(KEY, opener);
}

/**
 * The 출처 dialog's opener, where one is provided; null elsewhere (an import preview's table),
 * where a figure has no 출처 to show.
 */
export function provenanceOpener(): ProvenanceOpener | null {
	return getContext<ProvenanceOpener | undefined>(KEY) ?? null;
}
