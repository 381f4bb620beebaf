import { createHash, hkdfSync, scryptSync } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import nacl from "tweetnacl";
import { describe, expect, it } from "vitest";
import { deriveRevealKeys, headerFor, openEnvelope, parseLinkKey, proofMatchesVerifier, sealSecret, verifierForProof } from "@/lib/crypto";
import type { TEnvelopeV1 } from "@/lib/crypto";
import { queuedRandomBytes } from "./helpers";

type TVector = {
  name: string;
  description: string;
  input: {
    linkKey: string;
    passphrase: string | null;
    salt: string | null;
    N: number | null;
    r: number | null;
    p: number | null;
    nonce: string;
    text: string;
  };
  output: {
    passphraseNfkc: string | null;
    kPw: string;
    header: string;
    kEnc: string;
    kAuth: string;
    proof: string;
    verifier: string;
    payload: string;
    payloadLength: number;
    framedLength: number;
    ctLength: number;
    nonce: string;
    ct: string;
    envelope: TEnvelopeV1;
    linkKey: string;
  };
};

const vectorsPath = path.resolve(import.meta.dirname, "../../vectors/envelope-v1.json");
const vectors = JSON.parse(readFileSync(vectorsPath, "utf8")) as TVector[];

// Decoding here uses Node's Buffer, not lib/crypto, so the check is independent.
const bytes = (text: string): Buffer => Buffer.from(text, "base64url");
const b64u = (data: Uint8Array): string => Buffer.from(data).toString("base64url");
const SCRYPT_TEST_MAXMEM_BYTES = 256 * 1024 * 1024;

describe("envelope v1 test vectors", () => {
  it("cover no passphrase, scrypt N=2^15, unicode with NFKC, and one- and two-block padding", () => {
    const names = vectors.map((vector) => vector.name);
    expect(names).toEqual(expect.arrayContaining(["no-passphrase-short", "passphrase-n32768", "unicode-multiline-nfkc", "exactly-one-block", "two-blocks"]));
    const unicode = vectors.find((vector) => vector.name === "unicode-multiline-nfkc");
    expect(unicode?.input.passphrase).not.toBe(unicode?.output.passphraseNfkc);
    expect(unicode?.input.text).toMatch(/\n/);
    expect(vectors.map((vector) => vector.output.framedLength)).toEqual(expect.arrayContaining([256, 512]));
  });

  for (const vector of vectors) {
    describe(vector.name, () => {
      const { input, output } = vector;

      it("matches an independent computation with node:crypto and tweetnacl", () => {
        const expectedHeader =
          input.passphrase === null
            ? "hushlink/v1/xsalsa20poly1305/none"
            : `hushlink/v1/xsalsa20poly1305/scrypt/${input.N}/${input.r}/${input.p}/${input.salt}`;
        expect(output.header).toBe(expectedHeader);

        let kPw = Buffer.alloc(0);
        if (input.passphrase !== null) {
          if (input.salt === null || input.N === null || input.r === null || input.p === null) throw new Error("scrypt inputs missing");
          expect(output.passphraseNfkc).toBe(input.passphrase.normalize("NFKC"));
          kPw = scryptSync(Buffer.from(input.passphrase.normalize("NFKC"), "utf8"), bytes(input.salt), 32, {
            N: input.N,
            r: input.r,
            p: input.p,
            maxmem: SCRYPT_TEST_MAXMEM_BYTES,
          });
        }
        expect(b64u(kPw)).toBe(output.kPw);

        const ikm = Buffer.concat([bytes(input.linkKey), kPw]);
        const kEnc = Buffer.from(hkdfSync("sha256", ikm, Buffer.alloc(0), Buffer.from(`${expectedHeader}/enc`, "utf8"), 32));
        const kAuth = Buffer.from(hkdfSync("sha256", ikm, Buffer.alloc(0), Buffer.from(`${expectedHeader}/auth`, "utf8"), 32));
        expect(b64u(kEnc)).toBe(output.kEnc);
        expect(b64u(kAuth)).toBe(output.kAuth);
        expect(output.proof).toBe(output.kAuth);
        expect(createHash("sha256").update(kAuth).digest("base64url")).toBe(output.verifier);

        const payload = Buffer.from(JSON.stringify({ type: "text", text: input.text }), "utf8");
        expect(payload.toString("utf8")).toBe(output.payload);
        expect(payload.length).toBe(output.payloadLength);
        const framed = Buffer.alloc(Math.ceil((4 + payload.length) / 256) * 256);
        framed.writeUInt32BE(payload.length, 0);
        payload.copy(framed, 4);
        expect(framed.length).toBe(output.framedLength);

        expect(output.nonce).toBe(input.nonce);
        const ct = nacl.secretbox(framed, bytes(input.nonce), kEnc);
        expect(b64u(ct)).toBe(output.ct);
        expect(ct.length).toBe(output.ctLength);
        expect(output.ctLength).toBe(output.framedLength + 16);
        expect(output.envelope).toEqual({
          v: 1,
          alg: "xsalsa20poly1305",
          kdf: input.passphrase === null ? { alg: "none" } : { alg: "scrypt", N: input.N, r: input.r, p: input.p, salt: input.salt },
          nonce: input.nonce,
          ct: output.ct,
        });
        expect(output.linkKey).toBe(input.linkKey);
      });

      it("is reproduced exactly by sealSecret with the same random bytes", async () => {
        const randomness = [bytes(input.linkKey), ...(input.salt === null ? [] : [bytes(input.salt)]), bytes(input.nonce)];
        const sealed = await sealSecret({
          payload: { type: "text", text: input.text },
          passphrase: input.passphrase ?? undefined,
          scryptN: input.N ?? undefined,
          randomBytes: queuedRandomBytes(randomness.map((buffer) => new Uint8Array(buffer))),
        });
        expect(sealed.envelope).toEqual(output.envelope);
        expect(sealed.verifier).toBe(output.verifier);
        expect(sealed.linkKey).toBe(output.linkKey);
        expect(headerFor(sealed.envelope.kdf)).toBe(output.header);
      });

      it("opens with deriveRevealKeys and openEnvelope, and the proof passes the server check", async () => {
        const linkKey = parseLinkKey(`#${input.linkKey}`);
        if (linkKey === null) throw new Error("vector link key does not parse");
        const keys = await deriveRevealKeys({ linkKey, kdf: output.envelope.kdf, passphrase: input.passphrase ?? undefined });
        expect(keys.proof).toBe(output.proof);
        expect(b64u(keys.encryptionKey)).toBe(output.kEnc);
        expect(verifierForProof(keys.proof)).toBe(output.verifier);
        expect(proofMatchesVerifier({ proof: keys.proof, verifier: output.verifier })).toBe(true);
        expect(openEnvelope({ envelope: output.envelope, encryptionKey: keys.encryptionKey })).toEqual({ type: "text", text: input.text });
      });
    });
  }
});
