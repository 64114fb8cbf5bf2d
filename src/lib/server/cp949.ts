import iconv from 'iconv-lite';
import type { Cp949Decoder } from '$lib/csv/decode';

/**
 * CP949 in Node. Node's own `TextDecoder('euc-kr')` is ICU's EUC-KR, which lacks CP949's 8,822
 * extended syllables (똠, 햏); browsers decode the WHATWG way, which has them. iconv-lite's
 * table is CP949, so the server reads a file exactly as the browser does.
 */
export const nodeCp949: Cp949Decoder = (bytes) => iconv.decode(Buffer.from(bytes), 'cp949');
