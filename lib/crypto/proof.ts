import { sha256 } from "@noble/hashes/sha2.js";
import { decodeBase64UrlOfLength, encodeBase64Url } from "./base64url";
import { PROOF_BYTES, VERIFIER_BYTES } from "./constants";
import { constantTimeEqual } from "./constant-time-equal";

/**
 * verifier = base64url(SHA-256(proof bytes)). The server stores only this, so a database
 * thief learns nothing that opens a secret or passes the reveal check. Returns null when
 * the proof is not canonical base64url of exactly 32 bytes.
 */
export function verifierForProof(proof: string): string | null {
  const proofBytes = decodeBase64UrlOfLength({ text: proof, length: PROOF_BYTES });
  if (proofBytes === null) return null;
  return encodeBase64Url(sha256(proofBytes));
}

/**
 * True when SHA-256(proof) equals the stored verifier, compared in constant time over the
 * bytes so response timing does not help a guesser. False for any malformed input.
 */
export function proofMatchesVerifier(options: { proof: string; verifier: string }): boolean {
  const proofBytes = decodeBase64UrlOfLength({ text: options.proof, length: PROOF_BYTES });
  const verifierBytes = decodeBase64UrlOfLength({ text: options.verifier, length: VERIFIER_BYTES });
  if (proofBytes === null || verifierBytes === null) return false;
  return constantTimeEqual(sha256(proofBytes), verifierBytes);
}
