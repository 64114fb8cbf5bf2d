/**
 * The two kinds of id that name data: a published dataset's (16 random bytes in base64url,
 * without padding: exactly 22 characters) and a file's (the SHA-256 of its raw bytes, lowercase
 * hex). Checked before either is used in a path, a URL or a store key.
 */

const DATASET_ID = /^[A-Za-z0-9_-]{22}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** True only for the exact dataset id format (22 base64url characters). */
export function isDatasetId(value: string): boolean {
	return DATASET_ID.test(value);
}

/** True only for a lowercase hex SHA-256 digest (64 characters). */
export function isSha256Hex(value: string): boolean {
	return SHA256_HEX.test(value);
}
