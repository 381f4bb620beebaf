import { HEADER_PREFIX } from "./constants";
import { assertKdfParams } from "./kdf-params";
import type { TKdfParams } from "./types";

/**
 * Builds the header string H that is mixed into both derived keys (HKDF info). Because
 * version, cipher and every KDF parameter appear in H, changing any of them on the server
 * yields different keys: decryption fails and the proof no longer matches the verifier.
 * Throws CryptoError("bad_envelope") for parameters v1 does not allow.
 */
export function headerFor(kdf: TKdfParams): string {
  assertKdfParams(kdf);
  if (kdf.alg === "none") return `${HEADER_PREFIX}/none`;
  return `${HEADER_PREFIX}/scrypt/${kdf.N}/${kdf.r}/${kdf.p}/${kdf.salt}`;
}
