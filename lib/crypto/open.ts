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

let warmedUp = false;

/**
 * Seals and opens throwaway zeros, once per page, so the engine has compiled tweetnacl's unrolled
 * Salsa20 and Poly1305 before a real envelope arrives. Their first run costs about 10 ms of
 * main thread on a slow machine; a page calls this while idle (or while its reveal request
 * is in flight) so the secret shows that much sooner.
 */
export function warmUpOpen(): void {
  if (warmedUp) return;
  warmedUp = true;
  const key = new Uint8Array(DERIVED_KEY_BYTES);
  const nonce = new Uint8Array(nacl.secretbox.nonceLength);
  nacl.secretbox.open(nacl.secretbox(new Uint8Array(64), nonce, key), nonce, key);
}
