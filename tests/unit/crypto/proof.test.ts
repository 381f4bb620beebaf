import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeBase64Url, proofMatchesVerifier, verifierForProof } from "@/lib/crypto";
import { flipByte } from "./helpers";

// Starts with 0xfb 0xff 0xbf so base64url ("-_-_") and standard base64 ("+/+/") differ.
const proofBytes = Uint8Array.from({ length: 32 }, (_, index) => [0xfb, 0xff, 0xbf][index] ?? index * 7);
const proof = encodeBase64Url(proofBytes);
const verifier = createHash("sha256").update(proofBytes).digest("base64url");

describe("verifierForProof", () => {
  it("is base64url of SHA-256 over the decoded proof bytes", () => {
    expect(verifierForProof(proof)).toBe(verifier);
  });

  it("returns null unless the proof is canonical base64url of exactly 32 bytes", () => {
    const bad = [
      "",
      encodeBase64Url(new Uint8Array(31)),
      encodeBase64Url(new Uint8Array(33)),
      `${proof}=`,
      Buffer.from(proofBytes).toString("base64"),
      Buffer.from(proofBytes).toString("base64").replace(/=+$/, ""),
      ` ${proof}`,
      `${proof.slice(0, -1)}B`,
    ];
    for (const candidate of bad) expect(verifierForProof(candidate)).toBeNull();
  });
});

describe("proofMatchesVerifier", () => {
  it("accepts the matching proof", () => {
    expect(proofMatchesVerifier({ proof, verifier })).toBe(true);
  });

  it("refuses a proof or verifier that differs in any single byte", () => {
    for (let index = 0; index < 32; index += 1) {
      expect(proofMatchesVerifier({ proof: flipByte({ text: proof, index }), verifier })).toBe(false);
      expect(proofMatchesVerifier({ proof, verifier: flipByte({ text: verifier, index, mask: 0x80 }) })).toBe(false);
    }
  });

  it("refuses the verifier itself offered as the proof (a stolen database is not a key)", () => {
    expect(proofMatchesVerifier({ proof: verifier, verifier })).toBe(false);
  });

  it("returns false, never throws, for malformed input", () => {
    expect(proofMatchesVerifier({ proof: "", verifier })).toBe(false);
    expect(proofMatchesVerifier({ proof, verifier: "" })).toBe(false);
    expect(proofMatchesVerifier({ proof: `${proof}==`, verifier })).toBe(false);
    expect(proofMatchesVerifier({ proof, verifier: verifier.slice(0, -2) })).toBe(false);
    expect(proofMatchesVerifier({ proof: 42 as unknown as string, verifier })).toBe(false);
  });
});
