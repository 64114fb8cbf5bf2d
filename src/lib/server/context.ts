import { env } from '$env/dynamic/private';
import { createNodeEngine } from '$lib/engine/node';
import { nodeCp949 } from './cp949';
import { createFigureServer } from './first-figures';
import { setUpPublishing, type Publishing } from './publishing';
import { dataDirectory, isSampleFile, readSampleFile } from './sample-data';

type FigureServer = ReturnType<typeof createFigureServer>;

let publishing: Promise<Publishing> | undefined;

/** The server's one publishing setup, made on first use from the process environment. */
export function getPublishing(): Promise<Publishing> {
	publishing ??= setUpPublishing(env);
	return publishing;
}

let figureServer: FigureServer | undefined;

/** The server's one figure service: the shipped sample and published datasets, on Node DuckDB. */
export function getFigureServer(): FigureServer {
	figureServer ??= createFigureServer({
		createEngine: createNodeEngine,
		fetchBytes: async (name) => {
			if (!isSampleFile(name)) throw new Error(`not a sample file: ${name}`);
			return new Uint8Array(await readSampleFile(dataDirectory(env), name));
		},
		store: async () => (await getPublishing()).store,
		decodeCp949: nodeCp949
	});
	return figureServer;
}
