import { describe, expect, it } from "vitest";
import { DEFAULT_SCRYPT_N, deriveRevealKeys, openEnvelope, proofMatchesVerifier, sealSecret } from "@/lib/crypto";

describe("default scrypt cost", () => {
  it("seals with N = 2^17 by default and opens with the same passphrase", async () => {
    expect(DEFAULT_SCRYPT_N).toBe(2 ** 17);
    const sealStartedMs = performance.now();
    const sealed = await sealSecret({ payload: { type: "text", text: "default cost" }, passphrase: "pw" });
    const sealMs = performance.now() - sealStartedMs;
    expect(sealed.envelope.kdf).toMatchObject({ alg: "scrypt", N: 131072, r: 8, p: 1 });

    const deriveStartedMs = performance.now();
    const keys = await deriveRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf, passphrase: "pw" });
    const deriveMs = performance.now() - deriveStartedMs;
    expect(proofMatchesVerifier({ proof: keys.proof, verifier: sealed.verifier })).toBe(true);
    expect(openEnvelope({ envelope: sealed.envelope, encryptionKey: keys.encryptionKey }).text).toBe("default cost");
    console.info(`scrypt N=2^17 in Node: seal ${sealMs.toFixed(0)} ms, deriveRevealKeys ${deriveMs.toFixed(0)} ms`);
  });
});
