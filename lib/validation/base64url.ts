import { z } from "zod";
import { decodeBase64Url } from "@/lib/crypto";

/**
 * A canonical base64url string (no padding) whose decoded length satisfies `isValidLength`.
 * Canonical matters: two spellings of one value would let a client slip past equality checks.
 */
export function zBase64UrlBytes(options: { description: string; isValidLength: (byteLength: number) => boolean }) {
  return z.string().refine(
    (text) => {
      const bytes = decodeBase64Url(text);
      return bytes !== null && options.isValidLength(bytes.length);
    },
    { message: `must be ${options.description}, base64url without padding` },
  );
}

export function zBase64UrlOfLength(byteLength: number) {
  return zBase64UrlBytes({ description: `exactly ${byteLength} bytes`, isValidLength: (length) => length === byteLength });
}
