/** The text encodings a CSV export from Excel on Korean Windows arrives in. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp949';

/** Decodes CP949 (Korean Windows) bytes; injectable because Node's TextDecoder lacks it. */
export type Cp949Decoder = (bytes: Uint8Array) => string;

export interface DecodedText {
	text: string;
	encoding: TextEncodingName;
	/** U+FFFD characters in the result: bytes that were damaged before they arrived. */
	replacementCount: number;
}

// Browsers implement the WHATWG 'euc-kr' decoder, which is in fact the full CP949 (UHC).
// Node 20's small-ICU build does not: it loses the extended syllables such as 똠 and 뷁.
const browserCp949: Cp949Decoder = (bytes) => new TextDecoder('euc-kr').decode(bytes);

/** Tells the encoding from a byte-order mark, or from whether the bytes are valid UTF-8. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return 'utf-8';
	} catch {
		// Not UTF-8: on a Korean Windows PC that means the ANSI code page, CP949.
		return 'cp949';
	}
}

/** Decodes CSV bytes to text without a byte-order mark, saying which encoding it found. */
export function decodeText(
	bytes: Uint8Array,
	decodeCp949: Cp949Decoder = browserCp949
): DecodedText {
	const encoding = detectEncoding(bytes);
	let text: string;
	switch (encoding) {
		case 'utf-8':
		case 'utf-8-bom':
			text = new TextDecoder('utf-8').decode(bytes); // strips the BOM
			break;
		case 'utf-16le':
			text = new TextDecoder('utf-16le').decode(bytes);
			break;
		case 'utf-16be':
			text = new TextDecoder('utf-16be').decode(bytes);
			break;
		case 'cp949':
			text = decodeCp949(bytes);
			break;
	}
	text = text.replace(/^\uFEFF/, '');
	return { text, encoding, replacementCount: countReplacements(text) };
}

function countReplacements(text: string): number {
	let count = 0;
	for (const char of text) if (char === '\uFFFD') count++;
	return count;
}
