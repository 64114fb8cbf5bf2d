// `node bench/fixtures-check.mjs`: the synthetic files of bench/fixtures.mjs are still the bytes
// the past benchmark runs measured (bench/README.md compares runs over time, which holds only
// for the same input). Prints each SHA-256 and exits 1 on a change. About 4 s (the 1M-row file).
import { createHash } from 'node:crypto';
import { importCsv, publishedCsv, wideAndLongCsv } from './fixtures.mjs';

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

// What each script generates (the first publish under load stands for the others).
const GENERATED = {
	'run.mjs import 10k': () => importCsv(10_000),
	'run.mjs import 100k': () => importCsv(100_000),
	'run.mjs import 1M': () => importCsv(1_000_000),
	'run.mjs wide 100k': () => wideAndLongCsv(100_000).wide,
	'run.mjs long 300k': () => wideAndLongCsv(100_000).long,
	'load.mjs 2031.csv': () => publishedCsv(840, 2031, 1),
	'load.mjs 2032.csv': () => publishedCsv(10_000, 2032, 2),
	'load.mjs 2033.csv': () => publishedCsv(2_000, 2033, 3),
	'load.mjs 2040.csv': () => publishedCsv(10_000, 2040, 2040)
};

// Their SHA-256 as run.mjs and load.mjs generated them before fixtures.mjs existed.
const PINNED = {
	'run.mjs import 10k': '69846787979b3c48756dfe3e64475e5acad21d129254e702ed584cdd115beecd',
	'run.mjs import 100k': 'a2054b3150a24cbd25ed052077a59957a639b532a086cf97455b338c4ebe2100',
	'run.mjs import 1M': '97faf4e78ac2f346371fe627eafe77c5be8257cc27a26d57c078e516168f6df3',
	'run.mjs wide 100k': '290da20d12ce5c6ab3ad14a85d3533502ca503139afef08e2b28a5fdbe0fc666',
	'run.mjs long 300k': '4e8b740c24de20519ccde611805b9bed5e6db1f7082d24cd7f12c78f88ebd6f3',
	'load.mjs 2031.csv': '13f2f70b6b8a04eba61a384d85baa1f5b3bbf5b5d856c2e4b02c0881d9c3e4a3',
	'load.mjs 2032.csv': 'a75ceafd6a5194d44d43977dd853f3d1e3a09fccaf4097c8c181ac858eee83d8',
	'load.mjs 2033.csv': 'bf6671dbd53a173e4589206da236d240ea27791a9d08c0aa53a715b4ab618f19',
	'load.mjs 2040.csv': 'ade84bd6ea8ac38670f9c53d4d45fb324e7076ba2065827bdcace07e96ba694d'
};

let changed = 0;
for (const [what, generate] of Object.entries(GENERATED)) {
	const hash = sha256(generate());
	const pinned = PINNED[what];
	if (hash !== pinned) changed++;
	console.log(`${hash === pinned ? 'same   ' : 'CHANGED'} ${what} ${hash}`);
}
if (changed) {
	console.error(`${changed} fixture(s) changed: past benchmark figures no longer compare.`);
	process.exitCode = 1;
}
