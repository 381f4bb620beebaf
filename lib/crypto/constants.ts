/** Work factor used when the creator sets a passphrase and picks no other cost (2^17). */
export const DEFAULT_SCRYPT_N = 131072;

/**
 * Bounds on scrypt N. The lower bound keeps passphrase guessing expensive; the upper bound
 * stops a hostile server from making a viewer's browser allocate gigabytes (2^20 with r=8
 * already needs 1 GiB).
 */
export const MIN_SCRYPT_N = 32768;
export const MAX_SCRYPT_N = 1048576;
export const SCRYPT_R = 8;
export const SCRYPT_P = 1;

export const LINK_KEY_BYTES = 32;
export const SALT_BYTES = 16;
export const NONCE_BYTES = 24;
export const DERIVED_KEY_BYTES = 32;
export const PROOF_BYTES = 32;
export const VERIFIER_BYTES = 32;

/** Poly1305 tag that secretbox prepends to the ciphertext. */
export const MAC_BYTES = 16;
export const LENGTH_PREFIX_BYTES = 4;
export const PAD_BLOCK_BYTES = 256;
export const MIN_CIPHERTEXT_BYTES = MAC_BYTES + PAD_BLOCK_BYTES;

export const ENVELOPE_VERSION = 1;
export const ENVELOPE_ALG = "xsalsa20poly1305";
export const HEADER_PREFIX = "hushlink/v1/xsalsa20poly1305";
