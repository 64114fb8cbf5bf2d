/**
 * Puts text on the clipboard; false if the browser would not. The clipboard API is there only
 * on https and localhost; an intranet address over http falls back to a selected, hidden field.
 */
export async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return copyBySelection(text);
	}
}

function copyBySelection(text: string): boolean {
	const field = document.createElement('textarea');
	field.value = text;
	field.setAttribute('readonly', '');
	field.style.position = 'fixed';
	field.style.opacity = '0';
	document.body.append(field);
	field.select();
	const ok = document.execCommand('copy');
	field.remove();
	return ok;
}
