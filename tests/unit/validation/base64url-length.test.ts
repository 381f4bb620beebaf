import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64Url, encodeBase64Url } from "@/lib/crypto";
import { canonicalBase64UrlByteLength } from "@/lib/validation/base64url";

const decodedLength = (text: string) => decodeBase64Url(text)?.length ?? null;

describe("canonicalBase64UrlByteLength", () => {
  it("accepts exactly what decodeBase64Url accepts, with the same length, for any text", () => {
    const alphabet = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=. é\u0000");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((characters) => characters.join("")), (text) => {
        expect(canonicalBase64UrlByteLength(text)).toBe(decodedLength(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it("measures every encoded byte string, and refuses it with a non-canonical last character", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(canonicalBase64UrlByteLength(text)).toBe(bytes.length);
        if (text.length % 4 !== 0) {
          const bent = text.slice(0, -1) + (text.endsWith("B") ? "C" : "B");
          expect(canonicalBase64UrlByteLength(bent)).toBe(decodedLength(bent));
        }
      }),
      { numRuns: 5_000 },
    );
  });
});
