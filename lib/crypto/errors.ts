/**
 * - `decrypt_failed`: the MAC did not verify (wrong key, wrong passphrase, or tampering).
 * - `bad_payload`: the MAC verified but the plaintext framing or JSON is not a v1 payload,
 *   or a payload given to seal is not one.
 * - `bad_link_key`: the link key (or a derived key) is not 32 bytes of canonical base64url.
 * - `bad_envelope`: an envelope field or KDF parameter is outside what v1 allows.
 * - `passphrase_required`: the envelope was sealed with a passphrase and none was given;
 *   refused before any proof exists, so the server never counts a wrong guess for it.
 */
export type TCryptoErrorCode = "decrypt_failed" | "bad_payload" | "bad_link_key" | "bad_envelope" | "passphrase_required";

/**
 * The one error type `lib/crypto` throws for bad input. Messages never contain key
 * material or plaintext, so they are safe to log; show users a message chosen by `code`.
 */
export class CryptoError extends Error {
  readonly code: TCryptoErrorCode;

  constructor(code: TCryptoErrorCode, message?: string) {
    super(message ?? code);
    this.name = "CryptoError";
    this.code = code;
  }
}
