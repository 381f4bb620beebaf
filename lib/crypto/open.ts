import nacl from "tweetnacl";
import { DERIVED_KEY_BYTES } from "./constants";
import { assertEnvelope } from "./envelope";
import { CryptoError } from "./errors";
import { unpadPayload } from "./padding";
import { decodePayload } from "./payload";
import type { TEnvelopeV1, TSecretPayload } from "./types";

/**
 * Decrypts an envelope with the key from deriveRevealKeys.
 *
 * Throws CryptoError: "bad_envelope" when a field is outside v1 (checked before any
 * decryption), "bad_link_key" when the key is not 32 bytes, "decrypt_failed" when the MAC
 * does not verify (wrong link key or passphrase, or any changed byte of header, nonce or
 * ct), "bad_payload" when the authenticated plaintext is not canonically framed v1 JSON.
 */
export function openEnvelope(options: { envelope: TEnvelopeV1; encryptionKey: Uint8Array }): TSecretPayload {
  const { nonce, ciphertext } = assertEnvelope(options.envelope);
  if (!(options.encryptionKey instanceof Uint8Array) || options.encryptionKey.length !== DERIVED_KEY_BYTES) {
    throw new CryptoError("bad_link_key", "encryption key must be 32 bytes");
  }
  const framed = nacl.secretbox.open(ciphertext, nonce, options.encryptionKey);
  if (framed === null) throw new CryptoError("decrypt_failed", "the envelope did not decrypt");
  try {
    return decodePayload(unpadPayload(framed));
  } finally {
    framed.fill(0);
  }
}
