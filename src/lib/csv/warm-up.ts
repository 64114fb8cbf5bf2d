/**
 * A small evaluation export, made up, that the file worker prepares as soon as it starts. The
 * worker starts when staff open the upload section, seconds before they choose a file; without
 * this its code (decoding, the header's sniff, the line survey) ran cold on their file, as
 * bytecode not yet compiled. Nothing of it is kept or shown.
 */

const HEADER = '연도,자치구,평가주체,평가자,평가영역,평가지표,점수,배점';
const DISTRICTS = ['성북구', '마포구', '은평구', '구로구', '강서구'];
const SOURCES = ['자체', '공무원', '외부전문가'];

/**
 * The export's bytes as Excel's "CSV UTF-8" writes them (a byte-order mark, CRLF line breaks):
 * the header and `rows` lines of scores.
 */
export function warmUpFile(rows = 2000): Uint8Array {
	const lines = [`\uFEFF${HEADER}`];
	for (let i = 0; i < rows; i++) {
		const district = DISTRICTS[i % DISTRICTS.length];
		const source = SOURCES[Math.floor(i / DISTRICTS.length) % SOURCES.length];
		lines.push(
			`${2017 + (i % 4)},${district},${source},평가자${i},민관협치,지표 ${i % 20},${i % 11},10`
		);
	}
	return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}
