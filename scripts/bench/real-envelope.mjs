import { createHash, hkdfSync, randomBytes, scryptSync } from "node:crypto";
import nacl from "tweetnacl";

const b64u = (bytes) => Buffer.from(bytes).toString("base64url");

/**
 * Envelope v1 sealed exactly as DESIGN.md section 1 says, with Node's crypto and tweetnacl:
 * the browser page must be able to decrypt it, so the bench uses real secrets here.
 */
export function sealForBench({ text, passphrase }) {
  const linkKey = randomBytes(32);
  let header = "hushlink/v1/xsalsa20poly1305/none";
  let kdf = { alg: "none" };
  let passwordKey = Buffer.alloc(0);
  if (passphrase) {
    const salt = randomBytes(16);
    const N = 131072;
    passwordKey = scryptSync(Buffer.from(passphrase.normalize("NFKC"), "utf8"), salt, 32, { N, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
    header = `hushlink/v1/xsalsa20poly1305/scrypt/${N}/8/1/${b64u(salt)}`;
    kdf = { alg: "scrypt", N, r: 8, p: 1, salt: b64u(salt) };
  }
  const ikm = Buffer.concat([linkKey, passwordKey]);
  const encryptionKey = Buffer.from(hkdfSync("sha256", ikm, Buffer.alloc(0), `${header}/enc`, 32));
  const authKey = Buffer.from(hkdfSync("sha256", ikm, Buffer.alloc(0), `${header}/auth`, 32));
  const payload = Buffer.from(JSON.stringify({ type: "text", text }), "utf8");
  const framed = Buffer.alloc(Math.ceil((4 + payload.length) / 256) * 256);
  framed.writeUInt32BE(payload.length, 0);
  payload.copy(framed, 4);
  const nonce = randomBytes(24);
  const ct = nacl.secretbox(new Uint8Array(framed), new Uint8Array(nonce), new Uint8Array(encryptionKey));
  return {
    linkKey: b64u(linkKey),
    body: { envelope: { v: 1, alg: "xsalsa20poly1305", kdf, nonce: b64u(nonce), ct: b64u(ct) }, verifier: b64u(createHash("sha256").update(authKey).digest()), expiresIn: 3600, maxViews: 1 },
  };
}
