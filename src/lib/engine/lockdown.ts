import { UPLOAD_PREFIX } from './types';

/**
 * Statements run once, right after the database opens. After the last one nothing can widen
 * access again: only registered files under the upload prefix are readable, no network, no
 * extension loading (DuckDB still answers `INSTALL` with ok, but `LOAD` is refused).
 */
export const LOCKDOWN_STATEMENTS: readonly string[] = [
	`SET allowed_directories=['${UPLOAD_PREFIX}']`,
	'SET autoinstall_known_extensions=false',
	'SET autoload_known_extensions=false',
	'SET enable_external_access=false',
	'SET lock_configuration=true'
];
