import { describe, expect, it } from "vitest";
import { sealSecret } from "@/lib/crypto";
import { CryptoError } from "@/lib/crypto/errors";
import { framedLengthFor, padPayload, unpadPayload } from "@/lib/crypto/padding";
import { mustDecode, payloadLengthOf } from "./helpers";

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  return undefined;
}

async function ciphertextLengthFor(text: string): Promise<number> {
  const { envelope } = await sealSecret({ payload: { type: "text", text } });
  return mustDecode(envelope.ct).length;
}

describe("padding", () => {
  it("frames a payload as uint32_be length, payload, zeros to a multiple of 256", () => {
    const framed = padPayload(new Uint8Array([1, 2, 3]));
    expect(framed.length).toBe(256);
    expect(Array.from(framed.slice(0, 7))).toEqual([0, 0, 0, 3, 1, 2, 3]);
    expect(framed.slice(7).every((byte) => byte === 0)).toBe(true);
    expect(Array.from(unpadPayload(framed))).toEqual([1, 2, 3]);
  });

  it("fits 252 payload bytes in one block and needs two for 253", () => {
    expect(framedLengthFor(0)).toBe(256);
    expect(framedLengthFor(252)).toBe(256);
    expect(framedLengthFor(253)).toBe(512);
    expect(framedLengthFor(508)).toBe(512);
    expect(framedLengthFor(509)).toBe(768);
  });

  it("gives ciphertexts of 16 + 256k bytes, at least 272", async () => {
    const text252 = "x".repeat(252 - payloadLengthOf(""));
    const text253 = "x".repeat(253 - payloadLengthOf(""));
    expect(payloadLengthOf(text252)).toBe(252);
    expect(payloadLengthOf(text253)).toBe(253);
    expect(await ciphertextLengthFor("")).toBe(272);
    expect(await ciphertextLengthFor("a")).toBe(272);
    expect(await ciphertextLengthFor(text252)).toBe(272);
    expect(await ciphertextLengthFor(text253)).toBe(528);
    expect(await ciphertextLengthFor("y".repeat(10_000))).toBe(16 + 256 * Math.ceil((4 + payloadLengthOf("y".repeat(10_000))) / 256));
    // Multi-byte characters count in UTF-8 bytes, not UTF-16 units: 84 * 3 + 25 = 277 > 252.
    expect(await ciphertextLengthFor("€".repeat(84))).toBe(528);
  });

  it("refuses a length field larger than the buffer", () => {
    const framed = padPayload(new Uint8Array([7]));
    new DataView(framed.buffer).setUint32(0, 253, false);
    expect(codeOf(() => unpadPayload(framed))).toBe("bad_payload");
    new DataView(framed.buffer).setUint32(0, 0xffffffff, false);
    expect(codeOf(() => unpadPayload(framed))).toBe("bad_payload");
  });

  it("refuses more padding than the minimum", () => {
    const framed = new Uint8Array(512);
    new DataView(framed.buffer).setUint32(0, 10, false);
    expect(codeOf(() => unpadPayload(framed))).toBe("bad_payload");
  });

  it("refuses non-zero padding bytes", () => {
    const framed = padPayload(new Uint8Array([7]));
    framed[255] = 1;
    expect(codeOf(() => unpadPayload(framed))).toBe("bad_payload");
  });

  it("refuses a buffer that is not a whole number of blocks", () => {
    expect(codeOf(() => unpadPayload(new Uint8Array(3)))).toBe("bad_payload");
    expect(codeOf(() => unpadPayload(new Uint8Array(255)))).toBe("bad_payload");
  });
});
