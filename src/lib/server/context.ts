import { env } from '$env/dynamic/private';
import { setUpPublishing, type Publishing } from './publishing';

let publishing: Promise<Publishing> | undefined;

/** The server's one publishing setup, made on first use from the process environment. */
export function getPublishing(): Promise<Publishing> {
	publishing ??= setUpPublishing(env);
	return publishing;
}
