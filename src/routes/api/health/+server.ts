import { json } from '@sveltejs/kit';
import { getFigureRunner, getFigureServer } from '$lib/server/context';
import type { RequestHandler } from './$types';

/**
 * For a load balancer or a start-up script: 200 once the shipped sample's figures are ready
 * (the first visitor's page then has them at once), 503 until then; with the DuckDB tasks
 * running and waiting, counts only.
 */
export const GET: RequestHandler = async () => {
	const ready = getFigureServer().ready();
	return json(
		{ ready, figures: getFigureRunner().load() },
		{ status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
