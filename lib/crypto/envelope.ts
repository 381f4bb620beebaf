import { decodeBase64Url, decodeBase64UrlOfLength } from "./base64url";
import { ENVELOPE_ALG, ENVELOPE_VERSION, MAC_BYTES, MIN_CIPHERTEXT_BYTES, NONCE_BYTES, PAD_BLOCK_BYTES } from "./constants";
import { CryptoError } from "./errors";
import { assertKdfParams } from "./kdf-params";
import type { TEnvelopeV1 } from "./types";

/** True when a ciphertext length is one v1 padding can produce: 16 + 256k with k >= 1. */
export function isAllowedCiphertextLength(length: number): boolean {
  return length >= MIN_CIPHERTEXT_BYTES && (length - MAC_BYTES) % PAD_BLOCK_BYTES === 0;
}

/**
 * Checks an envelope's shape at run time (it arrives over the network, whatever its static
 * type says) and returns its decoded binary fields. Throws CryptoError("bad_envelope").
 */
export function assertEnvelope(envelope: TEnvelopeV1): { nonce: Uint8Array; ciphertext: Uint8Array } {
  if (typeof envelope !== "object" || envelope === null) throw new CryptoError("bad_envelope", "envelope is not an object");
  if (envelope.v !== ENVELOPE_VERSION) throw new CryptoError("bad_envelope", "unsupported envelope version");
  if (envelope.alg !== ENVELOPE_ALG) throw new CryptoError("bad_envelope", "unsupported envelope alg");
  assertKdfParams(envelope.kdf);
  const nonce = decodeBase64UrlOfLength({ text: envelope.nonce, length: NONCE_BYTES });
  if (nonce === null) throw new CryptoError("bad_envelope", "nonce must be 24 bytes of canonical base64url");
  const ciphertext = typeof envelope.ct === "string" ? decodeBase64Url(envelope.ct) : null;
  if (ciphertext === null) throw new CryptoError("bad_envelope", "ct must be canonical base64url");
  if (!isAllowedCiphertextLength(ciphertext.length)) throw new CryptoError("bad_envelope", "ct length must be 16 + 256k, at least 272");
  return { nonce, ciphertext };
}
