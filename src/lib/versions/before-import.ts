// This browser's data as it was before its last import: the kept uploads' list (their bytes stay
// in the upload store), so that 변경 비교 can rebuild that state and compare it with today's.

/** One kept upload as it stood: enough to replay it from the upload store. */
export interface KeptUpload {
	hash: string;
	name: string;
	importedAt: string;
	choices: Record<string, unknown>;
}

const KEY = 'evaluation-dashboard:before-last-import';

/** The uploads before the last import; null if none was recorded (or the record is unreadable). */
export function readBeforeImport(storage: Pick<Storage, 'getItem'> | null): KeptUpload[] | null {
	try {
		const raw = storage?.getItem(KEY);
		if (!raw) return null;
		const parsed: unknown = JSON.parse(raw);
		return Array.isArray(parsed) && parsed.every(isKeptUpload) ? parsed : null;
	} catch {
		// Storage refused (private mode) or a hand-edited value: as if nothing was recorded.
		return null;
	}
}

/** Records the uploads as they stood before an import that added files. */
export function recordBeforeImport(
	storage: Pick<Storage, 'setItem'> | null,
	uploads: readonly KeptUpload[]
): void {
	try {
		storage?.setItem(
			KEY,
			JSON.stringify(
				uploads.map(({ hash, name, importedAt, choices }) => ({ hash, name, importedAt, choices }))
			)
		);
	} catch {
		// Storage full or refused: the comparison with the state before will say it has none.
	}
}

function isKeptUpload(value: unknown): value is KeptUpload {
	if (typeof value !== 'object' || value === null) return false;
	const upload = value as Record<string, unknown>;
	return (
		typeof upload.hash === 'string' &&
		typeof upload.name === 'string' &&
		typeof upload.importedAt === 'string' &&
		typeof upload.choices === 'object' &&
		upload.choices !== null
	);
}
