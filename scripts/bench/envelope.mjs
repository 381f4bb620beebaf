import { createHash, randomBytes } from "node:crypto";

/** Shape-valid API bodies: the server never decrypts, so random bytes of the right sizes do. */
export function randomCreateBody() {
  const proof = randomBytes(32);
  return {
    proof: proof.toString("base64url"),
    body: JSON.stringify({
      envelope: { v: 1, alg: "xsalsa20poly1305", kdf: { alg: "none" }, nonce: randomBytes(24).toString("base64url"), ct: randomBytes(272).toString("base64url") },
      verifier: createHash("sha256").update(proof).digest("base64url"),
      expiresIn: 3600,
      maxViews: 1,
    }),
  };
}

/** A row for direct insertion: what the API would store for one 1-view secret. */
export function randomSecretRow(nowMs, options = {}) {
  const proof = randomBytes(32);
  return {
    id: randomBytes(16).toString("base64url"),
    proof: proof.toString("base64url"),
    envelope: JSON.stringify({ v: 1, alg: "xsalsa20poly1305", kdf: { alg: "none" }, nonce: randomBytes(24).toString("base64url"), ct: randomBytes(272).toString("base64url") }),
    verifier: createHash("sha256").update(proof).digest("base64url"),
    manageTokenHash: randomBytes(32).toString("base64url"),
    createdAtMs: nowMs,
    expiresAtMs: options.expiresAtMs ?? nowMs + 3_600_000,
    maxViews: 1,
  };
}
