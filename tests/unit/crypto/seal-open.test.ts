import { describe, expect, it } from "vitest";
import { CryptoError, deriveRevealKeys, openEnvelope, proofMatchesVerifier, sealSecret } from "@/lib/crypto";
import type { TSecretPayload } from "@/lib/crypto";
import { mustDecode, queuedRandomBytes, TEST_SCRYPT_N } from "./helpers";

async function roundTrip(options: { text: string; sealPassphrase?: string; openPassphrase?: string }): Promise<TSecretPayload> {
  const sealed = await sealSecret({
    payload: { type: "text", text: options.text },
    passphrase: options.sealPassphrase,
    scryptN: TEST_SCRYPT_N,
  });
  const keys = await deriveRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf, passphrase: options.openPassphrase });
  expect(proofMatchesVerifier({ proof: keys.proof, verifier: sealed.verifier })).toBe(true);
  return openEnvelope({ envelope: sealed.envelope, encryptionKey: keys.encryptionKey });
}

const texts: Array<[string, string]> = [
  ["an empty text", ""],
  ["a single space", " "],
  ["a short password", "hunter2"],
  ["a multiline PEM-like block", "-----BEGIN KEY-----\nMIIB\r\nabc\n-----END KEY-----\n"],
  ["unicode from several planes", "pässwörd 密码 🔑 \u0000 \u2028 \ud83c\udff3\ufe0f\u200d\ud83c\udf08"],
  ["JSON-looking text with quotes and backslashes", '{"type":"text","text":"\\"nested\\""}'],
  ["a long text of 100 kB", "0123456789abcdef".repeat(6400)],
];

describe("sealSecret and openEnvelope", () => {
  for (const [label, text] of texts) {
    it(`round-trips ${label} without a passphrase`, async () => {
      expect(await roundTrip({ text })).toEqual({ type: "text", text });
    });
  }

  it("round-trips unicode and multiline text with a passphrase", async () => {
    const text = "línea 1\nлиния 2\n第三行 🔐";
    expect(await roundTrip({ text, sealPassphrase: "Tr0ub4dor&3", openPassphrase: "Tr0ub4dor&3" })).toEqual({ type: "text", text });
  });

  it("treats a passphrase and its NFKC form as the same ('ﬁ' opens what 'fi' sealed)", async () => {
    expect("\ufb01".normalize("NFKC")).toBe("fi");
    expect(await roundTrip({ text: "ligature", sealPassphrase: "fi", openPassphrase: "\ufb01" })).toEqual({ type: "text", text: "ligature" });
    expect(await roundTrip({ text: "composed", sealPassphrase: "Cafe\u0301", openPassphrase: "Caf\u00e9" })).toEqual({
      type: "text",
      text: "composed",
    });
  });

  it("treats an empty passphrase as none", async () => {
    const sealed = await sealSecret({ payload: { type: "text", text: "x" }, passphrase: "" });
    expect(sealed.envelope.kdf).toEqual({ alg: "none" });
  });

  it("records scrypt parameters and a fresh 16-byte salt when a passphrase is set", async () => {
    const first = await sealSecret({ payload: { type: "text", text: "x" }, passphrase: "pw", scryptN: TEST_SCRYPT_N });
    const second = await sealSecret({ payload: { type: "text", text: "x" }, passphrase: "pw", scryptN: TEST_SCRYPT_N });
    if (first.envelope.kdf.alg !== "scrypt" || second.envelope.kdf.alg !== "scrypt") throw new Error("expected scrypt");
    expect(first.envelope.kdf).toMatchObject({ N: TEST_SCRYPT_N, r: 8, p: 1 });
    expect(mustDecode(first.envelope.kdf.salt)).toHaveLength(16);
    expect(first.envelope.kdf.salt).not.toBe(second.envelope.kdf.salt);
  });

  it("returns a 32-byte link key, a 24-byte nonce and a 32-byte verifier, all fresh per seal", async () => {
    const first = await sealSecret({ payload: { type: "text", text: "same" } });
    const second = await sealSecret({ payload: { type: "text", text: "same" } });
    expect(mustDecode(first.linkKey)).toHaveLength(32);
    expect(mustDecode(first.envelope.nonce)).toHaveLength(24);
    expect(mustDecode(first.verifier)).toHaveLength(32);
    expect(first.linkKey).not.toBe(second.linkKey);
    expect(first.envelope.nonce).not.toBe(second.envelope.nonce);
    expect(first.envelope.ct).not.toBe(second.envelope.ct);
    expect(first.verifier).not.toBe(second.verifier);
  });

  it("produces an envelope with exactly the v1 fields", async () => {
    const { envelope } = await sealSecret({ payload: { type: "text", text: "x" } });
    expect(Object.keys(envelope).sort()).toEqual(["alg", "ct", "kdf", "nonce", "v"]);
    expect(envelope.v).toBe(1);
    expect(envelope.alg).toBe("xsalsa20poly1305");
  });

  it("is deterministic given the same random bytes", async () => {
    const randomness = [new Uint8Array(32).fill(1), new Uint8Array(16).fill(2), new Uint8Array(24).fill(3)];
    const seal = () =>
      sealSecret({ payload: { type: "text", text: "t" }, passphrase: "p", scryptN: TEST_SCRYPT_N, randomBytes: queuedRandomBytes(randomness) });
    expect(await seal()).toEqual(await seal());
  });

  it("refuses a payload that is not a text payload", async () => {
    const notText = { type: "file", text: "x" } as unknown as TSecretPayload;
    const notString = { type: "text", text: 42 } as unknown as TSecretPayload;
    await expect(sealSecret({ payload: notText })).rejects.toMatchObject({ code: "bad_payload" });
    await expect(sealSecret({ payload: notString })).rejects.toMatchObject({ code: "bad_payload" });
  });

  it("refuses a randomBytes source that returns the wrong length", async () => {
    await expect(sealSecret({ payload: { type: "text", text: "x" }, randomBytes: (length) => new Uint8Array(length - 1) })).rejects.toThrow(
      /randomBytes/,
    );
  });

  it("requires the passphrase before running scrypt when the envelope has one", async () => {
    const sealed = await sealSecret({ payload: { type: "text", text: "x" }, passphrase: "pw", scryptN: TEST_SCRYPT_N });
    for (const passphrase of [undefined, ""]) {
      const attempt = deriveRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf, passphrase });
      await expect(attempt).rejects.toBeInstanceOf(CryptoError);
      await expect(attempt).rejects.toMatchObject({ code: "passphrase_required" });
    }
  });

  it("ignores a passphrase offered for an envelope sealed without one", async () => {
    const sealed = await sealSecret({ payload: { type: "text", text: "x" } });
    const keys = await deriveRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf, passphrase: "unused" });
    expect(proofMatchesVerifier({ proof: keys.proof, verifier: sealed.verifier })).toBe(true);
  });
});
