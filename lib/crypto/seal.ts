import { sha256 } from "@noble/hashes/sha2.js";
import nacl from "tweetnacl";
import { encodeBase64Url } from "./base64url";
import { DEFAULT_SCRYPT_N, LINK_KEY_BYTES, NONCE_BYTES, SALT_BYTES, SCRYPT_P, SCRYPT_R } from "./constants";
import { deriveKeysFromLinkKey } from "./derive-keys";
import { CryptoError } from "./errors";
import { isAllowedScryptN } from "./kdf-params";
import { padPayload } from "./padding";
import { encodePayload } from "./payload";
import { defaultRandomBytes, drawRandomBytes } from "./random";
import type { TEnvelopeV1, TKdfParams, TRandomBytes, TSecretPayload } from "./types";

/**
 * Encrypts a secret into an envelope v1 (DESIGN.md section 1).
 *
 * Returns the envelope and verifier for the server and the link key for the URL fragment
 * only; the link key must never be sent to the server or logged. A passphrase of "" or
 * undefined means none. Random bytes are drawn in a fixed order (link key 32, then salt
 * 16 if there is a passphrase, then nonce 24) so an injected `randomBytes` reproduces the
 * committed test vectors. Throws CryptoError("bad_envelope") for an N outside 2^15..2^20
 * or not a power of two, and ("bad_payload") for a payload that is not {type:"text"}.
 */
export async function sealSecret(options: {
  payload: TSecretPayload;
  passphrase?: string;
  scryptN?: number;
  randomBytes?: TRandomBytes;
}): Promise<{ envelope: TEnvelopeV1; verifier: string; linkKey: string }> {
  const randomBytes = options.randomBytes ?? defaultRandomBytes;
  const scryptN = options.scryptN ?? DEFAULT_SCRYPT_N;
  if (!isAllowedScryptN(scryptN)) throw new CryptoError("bad_envelope", "scrypt N must be a power of two from 2^15 to 2^20");
  const framed = padPayload(encodePayload(options.payload));
  const hasPassphrase = options.passphrase !== undefined && options.passphrase !== "";

  const linkKey = drawRandomBytes({ randomBytes, length: LINK_KEY_BYTES });
  const kdf: TKdfParams = hasPassphrase
    ? { alg: "scrypt", N: scryptN, r: SCRYPT_R, p: SCRYPT_P, salt: encodeBase64Url(drawRandomBytes({ randomBytes, length: SALT_BYTES })) }
    : { alg: "none" };
  const nonce = drawRandomBytes({ randomBytes, length: NONCE_BYTES });

  const keys = await deriveKeysFromLinkKey({ linkKey, kdf, passphrase: options.passphrase });
  try {
    const ciphertext = nacl.secretbox(framed, nonce, keys.encryptionKey);
    return {
      envelope: { v: 1, alg: "xsalsa20poly1305", kdf, nonce: encodeBase64Url(nonce), ct: encodeBase64Url(ciphertext) },
      verifier: encodeBase64Url(sha256(keys.authKey)),
      linkKey: encodeBase64Url(linkKey),
    };
  } finally {
    keys.encryptionKey.fill(0);
    keys.authKey.fill(0);
    linkKey.fill(0);
    framed.fill(0);
  }
}
