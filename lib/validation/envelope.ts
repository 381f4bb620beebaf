import { z } from "zod";
import { zBase64UrlBytes, zBase64UrlOfLength } from "./base64url";
import {
  MAX_SCRYPT_LOG2_N,
  MIN_CIPHERTEXT_BYTES,
  MIN_SCRYPT_LOG2_N,
  NONCE_BYTES,
  PADDING_BLOCK_BYTES,
  SALT_BYTES,
  SECRETBOX_TAG_BYTES,
} from "./limits";

const isAllowedScryptN = (n: number) =>
  Number.isInteger(n) && n >= 2 ** MIN_SCRYPT_LOG2_N && n <= 2 ** MAX_SCRYPT_LOG2_N && (n & (n - 1)) === 0;

export const ZKdfNone = z.strictObject({ alg: z.literal("none") });
export const ZKdfScrypt = z.strictObject({
  alg: z.literal("scrypt"),
  N: z.number().refine(isAllowedScryptN, { message: "N must be a power of two from 2^15 to 2^20" }),
  r: z.literal(8),
  p: z.literal(1),
  salt: zBase64UrlOfLength(SALT_BYTES),
});
export const ZKdfParams = z.discriminatedUnion("alg", [ZKdfNone, ZKdfScrypt]);

// Padding makes every ciphertext 16 (tag) + a whole number of 256-byte blocks long.
const isPaddedCiphertextLength = (length: number) =>
  length >= MIN_CIPHERTEXT_BYTES && (length - SECRETBOX_TAG_BYTES) % PADDING_BLOCK_BYTES === 0;

export const ZEnvelopeV1 = z.strictObject({
  v: z.literal(1),
  alg: z.literal("xsalsa20poly1305"),
  kdf: ZKdfParams,
  nonce: zBase64UrlOfLength(NONCE_BYTES),
  ct: zBase64UrlBytes({ description: "16 + a multiple of 256 bytes (at least 272)", isValidLength: isPaddedCiphertextLength }),
});

export type TKdfParamsInput = z.infer<typeof ZKdfParams>;
export type TEnvelopeV1Input = z.infer<typeof ZEnvelopeV1>;
