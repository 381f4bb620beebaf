import { decodeBase64UrlOfLength } from "./base64url";
import { MAX_SCRYPT_N, MIN_SCRYPT_N, SALT_BYTES, SCRYPT_P, SCRYPT_R } from "./constants";
import { CryptoError } from "./errors";
import type { TKdfParams } from "./types";

/** True for an integer power of two inside the N range v1 accepts. */
export function isAllowedScryptN(value: unknown): value is number {
  if (typeof value !== "number" || !Number.isInteger(value)) return false;
  if (value < MIN_SCRYPT_N || value > MAX_SCRYPT_N) return false;
  return (value & (value - 1)) === 0;
}

/**
 * Checks KDF parameters before any work is done with them. They come from the server on
 * reveal, so an unchecked N would let a hostile server freeze or crash the viewer's tab.
 * Returns the decoded salt (empty for "none").
 */
export function assertKdfParams(kdf: TKdfParams): { salt: Uint8Array } {
  if (typeof kdf !== "object" || kdf === null) throw new CryptoError("bad_envelope", "kdf is not an object");
  if (kdf.alg === "none") return { salt: new Uint8Array(0) };
  if (kdf.alg !== "scrypt") throw new CryptoError("bad_envelope", "unknown kdf alg");
  if (!isAllowedScryptN(kdf.N)) throw new CryptoError("bad_envelope", "scrypt N must be a power of two from 2^15 to 2^20");
  if (kdf.r !== SCRYPT_R) throw new CryptoError("bad_envelope", "scrypt r must be 8");
  if (kdf.p !== SCRYPT_P) throw new CryptoError("bad_envelope", "scrypt p must be 1");
  const salt = decodeBase64UrlOfLength({ text: kdf.salt, length: SALT_BYTES });
  if (salt === null) throw new CryptoError("bad_envelope", "scrypt salt must be 16 bytes of canonical base64url");
  return { salt };
}
