import { hkdf } from "@noble/hashes/hkdf.js";
import { scryptAsync } from "@noble/hashes/scrypt.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { decodeBase64UrlOfLength, encodeBase64Url } from "./base64url";
import { DERIVED_KEY_BYTES, LINK_KEY_BYTES } from "./constants";
import { CryptoError } from "./errors";
import { headerFor } from "./header";
import { assertKdfParams } from "./kdf-params";
import type { TKdfParams, TRevealKeys } from "./types";

const EMPTY_BYTES = new Uint8Array(0);

/** The two keys an envelope needs; K_auth doubles as the proof. */
export type TEnvelopeKeys = { encryptionKey: Uint8Array; authKey: Uint8Array };

/**
 * K_pw = scrypt(NFKC(passphrase), salt, N, r, p, 32), or empty bytes for kdf "none".
 * NFKC makes "ﬁ" and "fi" (or a composed and decomposed "é") the same passphrase, so a
 * viewer typing on another keyboard or OS still gets in. The async variant yields to the
 * event loop so the browser UI keeps painting during the ~second this takes.
 */
export async function derivePassphraseKey(options: { kdf: TKdfParams; passphrase?: string }): Promise<Uint8Array> {
  const { salt } = assertKdfParams(options.kdf);
  if (options.kdf.alg === "none") return new Uint8Array(0);
  const passphrase = options.passphrase ?? "";
  if (passphrase === "") throw new CryptoError("passphrase_required", "this envelope needs a passphrase");
  const { N, r, p } = options.kdf;
  const password = new TextEncoder().encode(passphrase.normalize("NFKC"));
  // noble counts its scratch block too: 128 * r * (N + p + 1) bytes; set it explicitly so a
  // change of library default can never reject N = 2^20.
  const maxmem = 128 * r * (N + p + 1);
  try {
    return await scryptAsync(password, salt, { N, r, p, dkLen: DERIVED_KEY_BYTES, maxmem });
  } finally {
    password.fill(0);
  }
}

/**
 * K_enc and K_auth = HKDF-SHA256(ikm = K_link || K_pw, salt = empty, info = H + "/enc" or
 * H + "/auth", 32). The header H in info binds every envelope parameter into both keys.
 */
export function deriveEnvelopeKeys(options: { linkKey: Uint8Array; passphraseKey: Uint8Array; header: string }): TEnvelopeKeys {
  if (options.linkKey.length !== LINK_KEY_BYTES) throw new CryptoError("bad_link_key", "link key must be 32 bytes");
  const ikm = new Uint8Array(options.linkKey.length + options.passphraseKey.length);
  ikm.set(options.linkKey, 0);
  ikm.set(options.passphraseKey, options.linkKey.length);
  const encoder = new TextEncoder();
  try {
    return {
      encryptionKey: hkdf(sha256, ikm, EMPTY_BYTES, encoder.encode(`${options.header}/enc`), DERIVED_KEY_BYTES),
      authKey: hkdf(sha256, ikm, EMPTY_BYTES, encoder.encode(`${options.header}/auth`), DERIVED_KEY_BYTES),
    };
  } finally {
    ikm.fill(0);
  }
}

/** Runs the whole derivation from link key bytes, KDF parameters and passphrase. */
export async function deriveKeysFromLinkKey(options: {
  linkKey: Uint8Array;
  kdf: TKdfParams;
  passphrase?: string;
}): Promise<TEnvelopeKeys> {
  const header = headerFor(options.kdf);
  if (options.linkKey.length !== LINK_KEY_BYTES) throw new CryptoError("bad_link_key", "link key must be 32 bytes");
  const passphraseKey = await derivePassphraseKey({ kdf: options.kdf, passphrase: options.passphrase });
  try {
    return deriveEnvelopeKeys({ linkKey: options.linkKey, passphraseKey, header });
  } finally {
    passphraseKey.fill(0);
  }
}

/**
 * Derives what a viewer needs to reveal a secret: the proof to send and the key to open
 * the envelope the server returns. Runs scrypt once so the viewer waits only once.
 * The passphrase is ignored for kdf "none". Throws CryptoError with "bad_link_key" for a
 * link key that is not canonical base64url of 32 bytes, "bad_envelope" for KDF parameters
 * v1 does not allow (checked before scrypt runs), "passphrase_required" when kdf is
 * scrypt and the passphrase is missing or empty.
 */
export async function deriveRevealKeys(options: { linkKey: string; kdf: TKdfParams; passphrase?: string }): Promise<TRevealKeys> {
  const linkKey = decodeBase64UrlOfLength({ text: options.linkKey, length: LINK_KEY_BYTES });
  if (linkKey === null) throw new CryptoError("bad_link_key", "link key must be 32 bytes of canonical base64url");
  const keys = await deriveKeysFromLinkKey({ linkKey, kdf: options.kdf, passphrase: options.passphrase });
  const proof = encodeBase64Url(keys.authKey);
  keys.authKey.fill(0);
  return { proof, encryptionKey: keys.encryptionKey };
}
