import { beforeAll, describe, expect, it } from "vitest";
import { deriveRevealKeys, encodeBase64Url, headerFor, openEnvelope, proofMatchesVerifier, sealSecret } from "@/lib/crypto";
import type { TEnvelopeV1, TKdfParams, TRevealKeys } from "@/lib/crypto";
import { deriveEnvelopeKeys } from "@/lib/crypto/derive-keys";
import { flipByte, mustDecode, TEST_SCRYPT_N } from "./helpers";

type TSealed = { envelope: TEnvelopeV1; verifier: string; linkKey: string };

const PASSPHRASE = "open sesame";
const TEXT = "the launch codes";

function openFails(envelope: TEnvelopeV1, keys: TRevealKeys): string | undefined {
  try {
    openEnvelope({ envelope, encryptionKey: keys.encryptionKey });
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

/** What a viewer holding the right link key and passphrase gets for a server-altered kdf. */
async function revealWithKdf(sealed: TSealed, kdf: TKdfParams): Promise<{ proofMatches: boolean; openError: string | undefined }> {
  const keys = await deriveRevealKeys({ linkKey: sealed.linkKey, kdf, passphrase: PASSPHRASE });
  return {
    proofMatches: proofMatchesVerifier({ proof: keys.proof, verifier: sealed.verifier }),
    openError: openFails({ ...sealed.envelope, kdf }, keys),
  };
}

describe("tamper detection", () => {
  let withPassphrase: TSealed;
  let withoutPassphrase: TSealed;
  let keysWith: TRevealKeys;
  let keysWithout: TRevealKeys;

  beforeAll(async () => {
    withPassphrase = await sealSecret({ payload: { type: "text", text: TEXT }, passphrase: PASSPHRASE, scryptN: TEST_SCRYPT_N });
    withoutPassphrase = await sealSecret({ payload: { type: "text", text: TEXT } });
    keysWith = await deriveRevealKeys({ linkKey: withPassphrase.linkKey, kdf: withPassphrase.envelope.kdf, passphrase: PASSPHRASE });
    keysWithout = await deriveRevealKeys({ linkKey: withoutPassphrase.linkKey, kdf: withoutPassphrase.envelope.kdf });
  });

  it("opens the untouched envelopes (control)", () => {
    expect(openEnvelope({ envelope: withPassphrase.envelope, encryptionKey: keysWith.encryptionKey }).text).toBe(TEXT);
    expect(openEnvelope({ envelope: withoutPassphrase.envelope, encryptionKey: keysWithout.encryptionKey }).text).toBe(TEXT);
  });

  it("refuses to open after any single byte of the nonce is flipped", () => {
    const { envelope } = withPassphrase;
    for (let index = 0; index < 24; index += 1) {
      for (const mask of [0x01, 0x80]) {
        const nonce = flipByte({ text: envelope.nonce, index, mask });
        expect(openFails({ ...envelope, nonce }, keysWith)).toBe("decrypt_failed");
      }
    }
  });

  it("refuses to open after any single byte of the ciphertext is flipped", () => {
    const { envelope } = withoutPassphrase;
    const length = mustDecode(envelope.ct).length;
    expect(length).toBe(272);
    for (let index = 0; index < length; index += 1) {
      const ct = flipByte({ text: envelope.ct, index, mask: 1 << index % 8 });
      expect(openFails({ ...envelope, ct }, keysWithout)).toBe("decrypt_failed");
    }
  });

  it("refuses a ciphertext cut or extended by a whole block", () => {
    const { envelope } = withoutPassphrase;
    const ct = mustDecode(envelope.ct);
    const longer = new Uint8Array(ct.length + 256);
    longer.set(ct);
    expect(openFails({ ...envelope, ct: encodeBase64Url(longer) }, keysWithout)).toBe("decrypt_failed");
    expect(openFails({ ...envelope, ct: encodeBase64Url(ct.slice(0, 16)) }, keysWithout)).toBe("bad_envelope");
  });

  it("fails both proof and decryption when scrypt N is changed", async () => {
    const kdf = withPassphrase.envelope.kdf;
    if (kdf.alg !== "scrypt") throw new Error("expected scrypt");
    expect(await revealWithKdf(withPassphrase, { ...kdf, N: TEST_SCRYPT_N * 2 })).toEqual({ proofMatches: false, openError: "decrypt_failed" });
  });

  it("fails both proof and decryption when one salt byte is changed", async () => {
    const kdf = withPassphrase.envelope.kdf;
    if (kdf.alg !== "scrypt") throw new Error("expected scrypt");
    for (const index of [0, 15]) {
      const salt = flipByte({ text: kdf.salt, index });
      expect(await revealWithKdf(withPassphrase, { ...kdf, salt })).toEqual({ proofMatches: false, openError: "decrypt_failed" });
    }
  });

  it("fails both proof and decryption when scrypt is downgraded to none", async () => {
    expect(await revealWithKdf(withPassphrase, { alg: "none" })).toEqual({ proofMatches: false, openError: "decrypt_failed" });
  });

  it("fails both proof and decryption when none is upgraded to scrypt", async () => {
    const kdf: TKdfParams = { alg: "scrypt", N: TEST_SCRYPT_N, r: 8, p: 1, salt: encodeBase64Url(new Uint8Array(16)) };
    expect(await revealWithKdf(withoutPassphrase, kdf)).toEqual({ proofMatches: false, openError: "decrypt_failed" });
  });

  it("refuses r, p, version or cipher values that v1 does not define", async () => {
    const kdf = withPassphrase.envelope.kdf;
    if (kdf.alg !== "scrypt") throw new Error("expected scrypt");
    await expect(revealWithKdf(withPassphrase, { ...kdf, r: 16 })).rejects.toMatchObject({ code: "bad_envelope" });
    await expect(revealWithKdf(withPassphrase, { ...kdf, p: 2 })).rejects.toMatchObject({ code: "bad_envelope" });
    const wrongVersion = { ...withPassphrase.envelope, v: 2 } as unknown as TEnvelopeV1;
    const wrongCipher = { ...withPassphrase.envelope, alg: "xchacha20poly1305" } as unknown as TEnvelopeV1;
    expect(openFails(wrongVersion, keysWith)).toBe("bad_envelope");
    expect(openFails(wrongCipher, keysWith)).toBe("bad_envelope");
  });

  it("binds the header into both keys: same key material, different header, different keys", () => {
    const linkKey = new Uint8Array(32).fill(9);
    const passphraseKey = new Uint8Array(32).fill(7);
    const salt = encodeBase64Url(new Uint8Array(16));
    const headers = [
      headerFor({ alg: "none" }),
      headerFor({ alg: "scrypt", N: 32768, r: 8, p: 1, salt }),
      headerFor({ alg: "scrypt", N: 65536, r: 8, p: 1, salt }),
    ];
    const derived = headers.map((header) => deriveEnvelopeKeys({ linkKey, passphraseKey, header }));
    const encryptionKeys = new Set(derived.map((keys) => encodeBase64Url(keys.encryptionKey)));
    const authKeys = new Set(derived.map((keys) => encodeBase64Url(keys.authKey)));
    expect(encryptionKeys.size).toBe(3);
    expect(authKeys.size).toBe(3);
    for (const keys of derived) expect(encodeBase64Url(keys.encryptionKey)).not.toBe(encodeBase64Url(keys.authKey));
  });

  it("fails proof and decryption with a wrong passphrase", async () => {
    const keys = await deriveRevealKeys({ linkKey: withPassphrase.linkKey, kdf: withPassphrase.envelope.kdf, passphrase: "open sesame!" });
    expect(proofMatchesVerifier({ proof: keys.proof, verifier: withPassphrase.verifier })).toBe(false);
    expect(openFails(withPassphrase.envelope, keys)).toBe("decrypt_failed");
  });

  it("fails proof and decryption with a wrong link key", async () => {
    const linkKey = flipByte({ text: withoutPassphrase.linkKey, index: 31 });
    const keys = await deriveRevealKeys({ linkKey, kdf: withoutPassphrase.envelope.kdf });
    expect(proofMatchesVerifier({ proof: keys.proof, verifier: withoutPassphrase.verifier })).toBe(false);
    expect(openFails(withoutPassphrase.envelope, keys)).toBe("decrypt_failed");
  });

  it("fails proof and decryption with the right passphrase but another envelope's link key", async () => {
    const keys = await deriveRevealKeys({ linkKey: withoutPassphrase.linkKey, kdf: withPassphrase.envelope.kdf, passphrase: PASSPHRASE });
    expect(proofMatchesVerifier({ proof: keys.proof, verifier: withPassphrase.verifier })).toBe(false);
    expect(openFails(withPassphrase.envelope, keys)).toBe("decrypt_failed");
  });

  it("keeps the two keys apart: the proof does not decrypt and is not the encryption key", () => {
    expect(encodeBase64Url(keysWith.encryptionKey)).not.toBe(keysWith.proof);
    expect(openFails(withPassphrase.envelope, { proof: keysWith.proof, encryptionKey: mustDecode(keysWith.proof) })).toBe("decrypt_failed");
  });
});
