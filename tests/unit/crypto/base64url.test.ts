import { describe, expect, it } from "vitest";
import { decodeBase64Url, encodeBase64Url } from "@/lib/crypto";

describe("base64url", () => {
  it("encodes the RFC 4648 test strings without padding", () => {
    const cases: Array<[string, string]> = [
      ["", ""],
      ["f", "Zg"],
      ["fo", "Zm8"],
      ["foo", "Zm9v"],
      ["foob", "Zm9vYg"],
      ["fooba", "Zm9vYmE"],
      ["foobar", "Zm9vYmFy"],
    ];
    for (const [plain, encoded] of cases) {
      expect(encodeBase64Url(new TextEncoder().encode(plain))).toBe(encoded);
      expect(new TextDecoder().decode(decodeBase64Url(encoded) ?? new Uint8Array([0xff]))).toBe(plain);
    }
  });

  it("uses - and _ where standard base64 uses + and /", () => {
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe("-_-_");
    expect(Array.from(decodeBase64Url("-_-_") ?? [])).toEqual([0xfb, 0xff, 0xbf]);
  });

  it("round-trips every length from 0 to 100 and every byte value", () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index);
    for (let length = 0; length <= 100; length += 1) {
      const bytes = all.slice(length, length * 2);
      expect(Array.from(decodeBase64Url(encodeBase64Url(bytes)) ?? [-1])).toEqual(Array.from(bytes));
    }
    expect(Array.from(decodeBase64Url(encodeBase64Url(all)) ?? [])).toEqual(Array.from(all));
  });

  it("agrees with Node's base64url encoder", () => {
    for (let length = 0; length < 70; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 97 + length * 31) & 255);
      expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString("base64url"));
    }
  });

  it("refuses padding", () => {
    expect(decodeBase64Url("Zg==")).toBeNull();
    expect(decodeBase64Url("Zm8=")).toBeNull();
    expect(decodeBase64Url("Zg=")).toBeNull();
  });

  it("refuses characters outside the url-safe alphabet", () => {
    for (const text of ["Zm9v+A", "Zm9v/A", "Zm 9v", "Zm9v\n", " Zm9v", "Zm9v.", "Zm9vé", "Zm9v\u0000", "Zm%3D"]) {
      expect(decodeBase64Url(text)).toBeNull();
    }
  });

  it("refuses lengths that no byte string encodes to", () => {
    expect(decodeBase64Url("Z")).toBeNull();
    expect(decodeBase64Url("Zm9vY")).toBeNull();
  });

  it("refuses non-zero unused trailing bits so each byte string has one spelling", () => {
    // "Zg" is 0x66; "Zh".."Zv" carry the same byte with stray low bits set.
    expect(decodeBase64Url("Zg")).not.toBeNull();
    for (const text of ["Zh", "Zi", "Zv"]) expect(decodeBase64Url(text)).toBeNull();
    // "Zm8" is "fo"; "Zm9" and "Zm-" set the two unused bits.
    expect(decodeBase64Url("Zm8")).not.toBeNull();
    for (const text of ["Zm9", "Zm-", "Zm_"]) expect(decodeBase64Url(text)).toBeNull();
    // A 32-byte key's last char may only be one of A, E, I, ..., 4, 8 (low 2 bits zero).
    const key = encodeBase64Url(new Uint8Array(32));
    expect(key.endsWith("A")).toBe(true);
    expect(decodeBase64Url(`${key.slice(0, -1)}B`)).toBeNull();
  });
});
