// Request bodies and table rows for the bench.
//
// Load tests use shape-valid random envelopes: the server never decrypts, it checks sizes
// (nonce 24 bytes, ct 16 + 256 bytes, verifier 32 bytes). The browser measurements need
// envelopes a real page can open, sealed exactly per DESIGN.md section 1 (the same steps as
// tests/helpers/design-md-client.ts: node:crypto for HKDF, scrypt and SHA-256, tweetnacl for
// secretbox).
import { createHash, hkdfSync, randomBytes, scryptSync } from "node:crypto";
import nacl from "tweetnacl";

const NONCE_BYTES = 24;
const CT_BYTES = 16 + 256;
const PROOF_BYTES = 32;
const ID_BYTES = 16;
const LINK_KEY_BYTES = 32;
const SALT_BYTES = 16;
const DERIVED_KEY_BYTES = 32;
const PAD_BLOCK_BYTES = 256;
const SCRYPT_N = 2 ** 17;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const ONE_HOUR_SECONDS = 3_600;

const b64u = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
const sha256 = (bytes) => createHash("sha256").update(bytes).digest();

/** A random but shape-valid envelope v1 without passphrase, as JSON text. */
function randomEnvelopeJson(random) {
  const nonce = b64u(random.subarray(0, NONCE_BYTES));
  const ct = b64u(random.subarray(NONCE_BYTES, NONCE_BYTES + CT_BYTES));
  return `{"v":1,"alg":"xsalsa20poly1305","kdf":{"alg":"none"},"nonce":"${nonce}","ct":"${ct}"}`;
}

/** A POST /api/v1/secrets body: random envelope, verifier = base64url(sha256(proof)), 1 view, 1 hour. */
export function randomCreateBody() {
  const random = randomBytes(NONCE_BYTES + CT_BYTES + PROOF_BYTES);
  const proof = random.subarray(NONCE_BYTES + CT_BYTES);
  return `{"envelope":${randomEnvelopeJson(random)},"verifier":"${b64u(sha256(proof))}","expiresIn":${ONE_HOUR_SECONDS},"maxViews":1}`;
}

/**
 * One row of the `secrets` table as Hushlink would store a new 1-view secret, plus the proof
 * that reveals it.
 * @param {number} nowMs
 * @param {{ expiresAtMs?: number }} [options]
 */
export function randomSecretRow(nowMs, options = {}) {
  const random = randomBytes(ID_BYTES + PROOF_BYTES + 32 + NONCE_BYTES + CT_BYTES);
  const id = random.subarray(0, ID_BYTES);
  const proof = random.subarray(ID_BYTES, ID_BYTES + PROOF_BYTES);
  const manageToken = random.subarray(ID_BYTES + PROOF_BYTES, ID_BYTES + PROOF_BYTES + 32);
  return {
    id: b64u(id),
    proof: b64u(proof),
    envelope: randomEnvelopeJson(random.subarray(ID_BYTES + PROOF_BYTES + 32)),
    verifier: b64u(sha256(proof)),
    manageTokenHash: b64u(sha256(Buffer.from(b64u(manageToken), "utf8"))),
    createdAtMs: nowMs,
    expiresAtMs: options.expiresAtMs ?? nowMs + ONE_HOUR_SECONDS * 1000,
    maxViews: 1,
  };
}

/**
 * A real envelope v1 (DESIGN.md section 1) around `text`, optionally with a passphrase
 * (scrypt N=2^17, r=8, p=1), and the link key for the URL fragment.
 * @param {{ text: string, passphrase?: string }} options
 */
export function sealRealSecret({ text, passphrase }) {
  const linkKey = randomBytes(LINK_KEY_BYTES);
  let kdf = /** @type {Record<string, unknown>} */ ({ alg: "none" });
  let header = "hushlink/v1/xsalsa20poly1305/none";
  let passphraseKey = Buffer.alloc(0);
  if (passphrase) {
    const salt = randomBytes(SALT_BYTES);
    kdf = { alg: "scrypt", N: SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P, salt: b64u(salt) };
    header = `hushlink/v1/xsalsa20poly1305/scrypt/${SCRYPT_N}/${SCRYPT_R}/${SCRYPT_P}/${b64u(salt)}`;
    // Node's default maxmem (32 MiB) is below the 128 MiB scrypt needs at N=2^17, r=8.
    const maxmem = 2 * 128 * SCRYPT_R * (SCRYPT_N + SCRYPT_P + 2);
    passphraseKey = scryptSync(Buffer.from(passphrase.normalize("NFKC"), "utf8"), salt, DERIVED_KEY_BYTES, { N: SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P, maxmem });
  }
  const ikm = Buffer.concat([linkKey, passphraseKey]);
  const encryptionKey = new Uint8Array(hkdfSync("sha256", ikm, Buffer.alloc(0), Buffer.from(`${header}/enc`), DERIVED_KEY_BYTES));
  const authKey = new Uint8Array(hkdfSync("sha256", ikm, Buffer.alloc(0), Buffer.from(`${header}/auth`), DERIVED_KEY_BYTES));
  const payload = Buffer.from(JSON.stringify({ type: "text", text }), "utf8");
  const framed = Buffer.alloc(Math.ceil((4 + payload.length) / PAD_BLOCK_BYTES) * PAD_BLOCK_BYTES);
  framed.writeUInt32BE(payload.length, 0);
  payload.copy(framed, 4);
  const nonce = new Uint8Array(randomBytes(NONCE_BYTES));
  const ct = nacl.secretbox(new Uint8Array(framed), nonce, encryptionKey);
  return {
    linkKey: b64u(linkKey),
    body: {
      envelope: { v: 1, alg: "xsalsa20poly1305", kdf, nonce: b64u(nonce), ct: b64u(ct) },
      verifier: b64u(sha256(authKey)),
      expiresIn: ONE_HOUR_SECONDS,
      maxViews: 1,
    },
  };
}
