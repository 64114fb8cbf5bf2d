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

/** The encodings TextDecoder knows everywhere. */
type UnicodeEncoding = Exclude<TextEncodingName, 'cp949'>;

/** The encoding a byte-order mark announces, or null without one. */
export function encodingFromBom(bytes: Uint8Array): UnicodeEncoding | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

/** Tells the encoding from a byte-order mark, or from whether the bytes are valid UTF-8. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
	return encodingFromBom(bytes) ?? (isValidUtf8(bytes) ? 'utf-8' : 'cp949');
}

/** Whether the bytes are well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
	return strictUtf8(bytes) !== null;
}

/** The bytes as UTF-8 text, or null when they are not well-formed UTF-8 (decoded once). */
function strictUtf8(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

/** Decodes CSV bytes to text without a byte-order mark, saying which encoding it found. */
export function decodeText(
	bytes: Uint8Array,
	decodeCp949: Cp949Decoder = browserCp949
): DecodedText {
	const bom = encodingFromBom(bytes);
	if (bom) return decoded(decodeUnicode(bom, bytes), bom);
	const utf8Text = strictUtf8(bytes);
	if (utf8Text !== null) return decoded(utf8Text, 'utf-8');
	// Not UTF-8: on a Korean Windows PC that means the ANSI code page, CP949. But a UTF-8 file
	// with a few damaged bytes is not valid either; it decodes with far fewer U+FFFD as UTF-8.
	const cp949 = decoded(decodeCp949(bytes), 'cp949');
	const utf8 = decoded(decodeUnicode('utf-8', bytes), 'utf-8');
	return utf8.replacementCount < cp949.replacementCount ? utf8 : cp949;
}

function decodeUnicode(encoding: UnicodeEncoding, bytes: Uint8Array): string {
	const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
	return new TextDecoder(label).decode(bytes); // drops a leading BOM
}

function decoded(text: string, encoding: TextEncodingName): DecodedText {
	const clean = text.replace(/^\uFEFF/, '');
	return { text: clean, encoding, replacementCount: countReplacements(clean) };
}

function countReplacements(text: string): number {
	let count = 0;
	for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
	return count;
}
