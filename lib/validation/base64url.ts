import { z } from "zod";

const BASE64URL_TEXT = /^[A-Za-z0-9_-]*$/;
const BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * The byte length `text` decodes to if it is canonical base64url without padding, else
 * null; accepts exactly what lib/crypto's decodeBase64Url accepts, without decoding (this
 * runs on every ciphertext a create sends).
 */
export function canonicalBase64UrlByteLength(text: string): number | null {
  const rest = text.length % 4;
  if (rest === 1 || !BASE64URL_TEXT.test(text)) return null;
  // The last character's unused low bits must be zero, or two spellings would decode alike.
  if (rest !== 0) {
    const last = BASE64URL_ALPHABET.indexOf(text[text.length - 1]!);
    if ((rest === 2 && (last & 15) !== 0) || (rest === 3 && (last & 3) !== 0)) return null;
  }
  return Math.floor(text.length / 4) * 3 + (rest === 0 ? 0 : rest - 1);
}

/**
 * A canonical base64url string (no padding) whose decoded length satisfies `isValidLength`.
 * Canonical matters: two spellings of one value would let a client slip past equality checks.
 */
export function zBase64UrlBytes(options: { description: string; isValidLength: (byteLength: number) => boolean }) {
  return z.string().refine(
    (text) => {
      const byteLength = canonicalBase64UrlByteLength(text);
      return byteLength !== null && options.isValidLength(byteLength);
    },
    { message: `must be ${options.description}, base64url without padding` },
  );
}

export function zBase64UrlOfLength(byteLength: number) {
  return zBase64UrlBytes({ description: `exactly ${byteLength} bytes`, isValidLength: (length) => length === byteLength });
}
