import { describe, expect, it } from "vitest";
import { deriveRevealKeys, encodeBase64Url, headerFor, openEnvelope, sealSecret } from "@/lib/crypto";
import type { TEnvelopeV1, TKdfParams } from "@/lib/crypto";
import { TEST_SCRYPT_N } from "./helpers";

const salt = encodeBase64Url(new Uint8Array(16).fill(0xab));
const linkKey = encodeBase64Url(new Uint8Array(32).fill(1));
const scrypt = (overrides: Record<string, unknown>): TKdfParams => ({ alg: "scrypt", N: TEST_SCRYPT_N, r: 8, p: 1, salt, ...overrides }) as TKdfParams;

describe("headerFor", () => {
  it("spells the header for both kdf kinds", () => {
    expect(headerFor({ alg: "none" })).toBe("hushlink/v1/xsalsa20poly1305/none");
    expect(headerFor(scrypt({ N: 131072 }))).toBe(`hushlink/v1/xsalsa20poly1305/scrypt/131072/8/1/${salt}`);
  });
});

describe("KDF parameter checks (before any scrypt work)", () => {
  const badKdfs: Array<[string, TKdfParams]> = [
    ["N below 2^15", scrypt({ N: 16384 })],
    ["N above 2^20", scrypt({ N: 2097152 })],
    ["N not a power of two", scrypt({ N: 100000 })],
    ["N not an integer", scrypt({ N: 32768.5 })],
    ["N as a string", scrypt({ N: "32768" })],
    ["r other than 8", scrypt({ r: 1 })],
    ["p other than 1", scrypt({ p: 2 })],
    ["a 15-byte salt", scrypt({ salt: encodeBase64Url(new Uint8Array(15)) })],
    ["a 17-byte salt", scrypt({ salt: encodeBase64Url(new Uint8Array(17)) })],
    ["a padded salt", scrypt({ salt: `${salt}==` })],
    ["an unknown alg", { alg: "argon2id" } as unknown as TKdfParams],
    ["a missing kdf", null as unknown as TKdfParams],
  ];
  for (const [label, kdf] of badKdfs) {
    it(`refuses ${label} with bad_envelope`, async () => {
      expect(() => headerFor(kdf)).toThrow(expect.objectContaining({ code: "bad_envelope" }));
      await expect(deriveRevealKeys({ linkKey, kdf, passphrase: "pw" })).rejects.toMatchObject({ code: "bad_envelope" });
    });
  }

  it("accepts every power of two from 2^15 to 2^20 in the header", () => {
    for (let exponent = 15; exponent <= 20; exponent += 1) {
      expect(headerFor(scrypt({ N: 2 ** exponent }))).toContain(`/scrypt/${2 ** exponent}/8/1/`);
    }
  });

  it("refuses a scryptN outside the range when sealing", async () => {
    for (const scryptN of [16384, 2097152, 50000]) {
      await expect(sealSecret({ payload: { type: "text", text: "x" }, passphrase: "pw", scryptN })).rejects.toMatchObject({ code: "bad_envelope" });
    }
  });
});

describe("deriveRevealKeys link key checks", () => {
  it("refuses a link key that is not canonical base64url of 32 bytes", async () => {
    for (const candidate of ["", `#${linkKey}`, `${linkKey}=`, encodeBase64Url(new Uint8Array(16))]) {
      await expect(deriveRevealKeys({ linkKey: candidate, kdf: { alg: "none" } })).rejects.toMatchObject({ code: "bad_link_key" });
    }
  });
});

describe("openEnvelope envelope checks", () => {
  async function sealed(): Promise<{ envelope: TEnvelopeV1; encryptionKey: Uint8Array }> {
    const result = await sealSecret({ payload: { type: "text", text: "x" } });
    const { encryptionKey } = await deriveRevealKeys({ linkKey: result.linkKey, kdf: result.envelope.kdf });
    return { envelope: result.envelope, encryptionKey };
  }

  function codeOf(envelope: TEnvelopeV1, encryptionKey: Uint8Array): string | undefined {
    try {
      openEnvelope({ envelope, encryptionKey });
    } catch (error) {
      return (error as { code?: string }).code;
    }
    return undefined;
  }

  it("refuses nonces that are not 24 bytes", async () => {
    const { envelope, encryptionKey } = await sealed();
    for (const length of [0, 23, 25, 32]) {
      expect(codeOf({ ...envelope, nonce: encodeBase64Url(new Uint8Array(length)) }, encryptionKey)).toBe("bad_envelope");
    }
    expect(codeOf({ ...envelope, nonce: `${envelope.nonce}=` }, encryptionKey)).toBe("bad_envelope");
  });

  it("refuses ciphertext lengths padding cannot produce", async () => {
    const { envelope, encryptionKey } = await sealed();
    for (const length of [0, 16, 256, 271, 273, 400, 527]) {
      expect(codeOf({ ...envelope, ct: encodeBase64Url(new Uint8Array(length)) }, encryptionKey)).toBe("bad_envelope");
    }
    expect(codeOf({ ...envelope, ct: `${envelope.ct}!` }, encryptionKey)).toBe("bad_envelope");
  });

  it("refuses an encryption key that is not 32 bytes", async () => {
    const { envelope } = await sealed();
    expect(codeOf(envelope, new Uint8Array(31))).toBe("bad_link_key");
  });

  it("refuses a non-object envelope", async () => {
    const { encryptionKey } = await sealed();
    expect(codeOf(null as unknown as TEnvelopeV1, encryptionKey)).toBe("bad_envelope");
  });
});
