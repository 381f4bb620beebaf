// A Hushlink client written only from /work/shared/DESIGN.md, sections 1 and 2. It imports
// nothing from lib/ on purpose: if lib/crypto or lib/validation drift from the contract,
// tests that pit this client against the real server (or against lib/crypto) fail, where
// tests that use lib/ on both sides would agree with themselves.
//
// Primitives: node:crypto for randomness, scrypt, HKDF-SHA256 and SHA-256; tweetnacl only
// for secretbox (XSalsa20-Poly1305), which node:crypto lacks; Buffer for base64url.
import { createHash, hkdfSync, randomBytes, scryptSync } from "node:crypto";
import nacl from "tweetnacl";

// ---- DESIGN.md section 1 constants --------------------------------------------------

export const DESIGN_HEADER_PREFIX = "hushlink/v1/xsalsa20poly1305";
const LINK_KEY_BYTES = 32;
const SALT_BYTES = 16;
const NONCE_BYTES = 24;
const DERIVED_KEY_BYTES = 32;
const PAD_BLOCK_BYTES = 256;
const LENGTH_PREFIX_BYTES = 4;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
/** DESIGN.md: "N=2^17" by default; section 2 allows powers of two from 2^15 to 2^20. */
export const DESIGN_DEFAULT_SCRYPT_N = 2 ** 17;
const MIN_SCRYPT_N = 2 ** 15;
const MAX_SCRYPT_N = 2 ** 20;

// ---- Types, spelled from the JSON in DESIGN.md section 2 -----------------------------

export type TDesignKdf = { alg: "none" } | { alg: "scrypt"; N: number; r: number; p: number; salt: string };
export type TDesignEnvelope = { v: 1; alg: "xsalsa20poly1305"; kdf: TDesignKdf; nonce: string; ct: string };

/** The fixed inputs of one seal: what the random source and the user supply. */
export type TDesignSealInput = {
  text: string;
  linkKey: Uint8Array;
  nonce: Uint8Array;
  passphrase?: { value: string; salt: Uint8Array; N: number };
};

/** Every intermediate value of a seal, named as in tests/vectors/README.md. */
export type TDesignSealed = {
  envelope: TDesignEnvelope;
  verifier: string;
  linkKey: string;
  header: string;
  kPw: string;
  kEnc: string;
  kAuth: string;
  payload: string;
  framedLength: number;
};

// ---- base64url (RFC 4648 section 5, no padding, canonical) ---------------------------

export function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}

/**
 * Buffer's decoder is lenient (it skips junk and takes padding), so a value is accepted
 * only if re-encoding gives back the exact text: that is what "canonical" means.
 */
export function fromBase64Url(text: string, expectedBytes?: number): Uint8Array {
  if (typeof text !== "string" || !/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const bytes = new Uint8Array(Buffer.from(text, "base64url"));
  if (toBase64Url(bytes) !== text) throw new Error("not canonical base64url");
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) throw new Error(`expected ${expectedBytes} bytes, got ${bytes.length}`);
  return bytes;
}

// ---- Keys --------------------------------------------------------------------------

/** H: "hushlink/v1/xsalsa20poly1305/none" or ".../scrypt/<N>/<r>/<p>/<base64url(salt)>". */
export function designHeader(kdf: TDesignKdf): string {
  if (kdf.alg === "none") return `${DESIGN_HEADER_PREFIX}/none`;
  return `${DESIGN_HEADER_PREFIX}/scrypt/${kdf.N}/${kdf.r}/${kdf.p}/${kdf.salt}`;
}

/** Refuses KDF parameters outside DESIGN.md section 2 before doing any scrypt work. */
function checkKdf(kdf: TDesignKdf): Uint8Array {
  if (kdf.alg === "none") return new Uint8Array(0);
  if (kdf.alg !== "scrypt") throw new Error("unknown kdf");
  const { N } = kdf;
  if (!Number.isInteger(N) || N < MIN_SCRYPT_N || N > MAX_SCRYPT_N || (N & (N - 1)) !== 0) throw new Error("scrypt N out of range");
  if (kdf.r !== SCRYPT_R || kdf.p !== SCRYPT_P) throw new Error("scrypt r must be 8 and p must be 1");
  return fromBase64Url(kdf.salt, SALT_BYTES);
}

/** K_pw = scrypt(NFKC(passphrase), salt, N, r=8, p=1, dkLen=32); empty without a passphrase. */
export function designPassphraseKey(kdf: TDesignKdf, passphrase: string | undefined): Uint8Array {
  const salt = checkKdf(kdf);
  if (kdf.alg === "none") return new Uint8Array(0);
  if (!passphrase) throw new Error("this envelope needs a passphrase");
  // Node's default maxmem (32 MiB) is exactly 128*N*r for N = 2^15 and refuses anything
  // larger; scrypt needs about 128*r*(N + p + 2) bytes, so allow twice that.
  const maxmem = 2 * 128 * kdf.r * (kdf.N + kdf.p + 2);
  const password = Buffer.from(passphrase.normalize("NFKC"), "utf8");
  return new Uint8Array(scryptSync(password, salt, DERIVED_KEY_BYTES, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }));
}

/** K_enc and K_auth: HKDF-SHA256(ikm = K_link || K_pw, salt = empty, info = H + "/enc" | "/auth", L = 32). */
export function designEnvelopeKeys(options: { linkKey: Uint8Array; passphraseKey: Uint8Array; header: string }): { kEnc: Uint8Array; kAuth: Uint8Array } {
  if (options.linkKey.length !== LINK_KEY_BYTES) throw new Error("link key must be 32 bytes");
  const ikm = Buffer.concat([options.linkKey, options.passphraseKey]);
  const salt = Buffer.alloc(0);
  const kEnc = new Uint8Array(hkdfSync("sha256", ikm, salt, Buffer.from(`${options.header}/enc`, "utf8"), DERIVED_KEY_BYTES));
  const kAuth = new Uint8Array(hkdfSync("sha256", ikm, salt, Buffer.from(`${options.header}/auth`, "utf8"), DERIVED_KEY_BYTES));
  return { kEnc, kAuth };
}

/** verifier = SHA-256(K_auth). */
export function designVerifier(kAuth: Uint8Array): Uint8Array {
  return new Uint8Array(createHash("sha256").update(kAuth).digest());
}

// ---- Framing -------------------------------------------------------------------------

/** framed = uint32_be(len(payload)) || payload || zero bytes up to a multiple of 256. */
export function designFrame(payload: Uint8Array): Uint8Array {
  const framedLength = Math.ceil((LENGTH_PREFIX_BYTES + payload.length) / PAD_BLOCK_BYTES) * PAD_BLOCK_BYTES;
  const framed = Buffer.alloc(framedLength);
  framed.writeUInt32BE(payload.length, 0);
  Buffer.from(payload).copy(framed, LENGTH_PREFIX_BYTES);
  return new Uint8Array(framed);
}

/** Undoes designFrame; refuses a length past the end, extra whole blocks or non-zero padding. */
export function designUnframe(framed: Uint8Array): Uint8Array {
  if (framed.length < PAD_BLOCK_BYTES || framed.length % PAD_BLOCK_BYTES !== 0) throw new Error("framed length is not a multiple of 256");
  const payloadLength = Buffer.from(framed.buffer, framed.byteOffset, framed.byteLength).readUInt32BE(0);
  const end = LENGTH_PREFIX_BYTES + payloadLength;
  if (end > framed.length) throw new Error("length field past the end");
  if (framed.length - end >= PAD_BLOCK_BYTES) throw new Error("more padding than a multiple of 256 needs");
  if (framed.subarray(end).some((byte) => byte !== 0)) throw new Error("non-zero padding");
  return framed.slice(LENGTH_PREFIX_BYTES, end);
}

// ---- Seal and reveal -------------------------------------------------------------------

/** Seals with fixed inputs, so the result can be compared with test vectors byte for byte. */
export function designSealWith(input: TDesignSealInput): TDesignSealed {
  if (input.nonce.length !== NONCE_BYTES) throw new Error("nonce must be 24 bytes");
  const kdf: TDesignKdf = input.passphrase
    ? { alg: "scrypt", N: input.passphrase.N, r: SCRYPT_R, p: SCRYPT_P, salt: toBase64Url(input.passphrase.salt) }
    : { alg: "none" };
  const header = designHeader(kdf);
  const passphraseKey = designPassphraseKey(kdf, input.passphrase?.value);
  const { kEnc, kAuth } = designEnvelopeKeys({ linkKey: input.linkKey, passphraseKey, header });
  const payload = JSON.stringify({ type: "text", text: input.text });
  const framed = designFrame(new Uint8Array(Buffer.from(payload, "utf8")));
  const ct = nacl.secretbox(framed, input.nonce, kEnc);
  return {
    envelope: { v: 1, alg: "xsalsa20poly1305", kdf, nonce: toBase64Url(input.nonce), ct: toBase64Url(ct) },
    verifier: toBase64Url(designVerifier(kAuth)),
    linkKey: toBase64Url(input.linkKey),
    header,
    kPw: toBase64Url(passphraseKey),
    kEnc: toBase64Url(kEnc),
    kAuth: toBase64Url(kAuth),
    payload,
    framedLength: framed.length,
  };
}

/** Seals `text` with fresh random K_link, salt and nonce, as a browser would. */
export function designSeal(options: { text: string; passphrase?: string; scryptN?: number }): { envelope: TDesignEnvelope; verifier: string; linkKey: string } {
  const sealed = designSealWith({
    text: options.text,
    linkKey: new Uint8Array(randomBytes(LINK_KEY_BYTES)),
    ...(options.passphrase
      ? { passphrase: { value: options.passphrase, salt: new Uint8Array(randomBytes(SALT_BYTES)), N: options.scryptN ?? DESIGN_DEFAULT_SCRYPT_N } }
      : {}),
    nonce: new Uint8Array(randomBytes(NONCE_BYTES)),
  });
  return { envelope: sealed.envelope, verifier: sealed.verifier, linkKey: sealed.linkKey };
}

/** What a viewer derives from the link key (and passphrase): proof = K_auth, plus K_enc. */
export function designRevealKeys(options: { linkKey: string; kdf: TDesignKdf; passphrase?: string }): { proof: string; kEnc: Uint8Array } {
  const linkKey = fromBase64Url(options.linkKey, LINK_KEY_BYTES);
  const passphraseKey = designPassphraseKey(options.kdf, options.passphrase);
  const { kEnc, kAuth } = designEnvelopeKeys({ linkKey, passphraseKey, header: designHeader(options.kdf) });
  return { proof: toBase64Url(kAuth), kEnc };
}

/** Opens an envelope and returns the text; throws if the MAC, framing or payload is wrong. */
export function designOpen(options: { envelope: TDesignEnvelope; kEnc: Uint8Array }): string {
  const { envelope } = options;
  if (envelope.v !== 1 || envelope.alg !== "xsalsa20poly1305") throw new Error("not an envelope v1");
  checkKdf(envelope.kdf);
  const nonce = fromBase64Url(envelope.nonce, NONCE_BYTES);
  const ct = fromBase64Url(envelope.ct);
  const framed = nacl.secretbox.open(ct, nonce, options.kEnc);
  if (framed === null) throw new Error("decryption failed");
  const payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(designUnframe(framed))) as unknown;
  if (typeof payload !== "object" || payload === null) throw new Error("payload is not an object");
  const { type, text, ...rest } = payload as Record<string, unknown>;
  if (type !== "text" || typeof text !== "string" || Object.keys(rest).length > 0) throw new Error("payload is not {type:'text', text}");
  return text;
}

// ---- HTTP API v1 (DESIGN.md section 2), over fetch ------------------------------------------

export type TDesignCreated = { id: string; expiresAt: string; maxViews: number; manageToken: string };
export type TDesignDescribed = { id: string; expiresAt: string; viewsLeft: number; kdf: TDesignKdf };
export type TDesignRevealed = { envelope: TDesignEnvelope; viewsLeft: number };
export type TDesignError = { error: { code: string; message: string } };

/** A thin fetch wrapper: one method per row of the API table, returning status, headers and body. */
export function designApi(baseUrl: string) {
  const send = async <T>(path: string, init: RequestInit = {}) => {
    const response = await fetch(`${baseUrl}${path}`, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text === "" ? undefined : JSON.parse(text)) as T };
  };
  const json = (body: unknown): RequestInit => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return {
    create: (body: { envelope: TDesignEnvelope; verifier: string; expiresIn: number; maxViews: number }) =>
      send<TDesignCreated | TDesignError>("/api/v1/secrets", json(body)),
    describe: (id: string) => send<TDesignDescribed | TDesignError>(`/api/v1/secrets/${id}`),
    reveal: (id: string, proof: string) => send<TDesignRevealed | TDesignError>(`/api/v1/secrets/${id}/reveal`, json({ proof })),
    burn: (id: string, manageToken: string) =>
      send<undefined | TDesignError>(`/api/v1/secrets/${id}`, { method: "DELETE", headers: { Authorization: `Bearer ${manageToken}` } }),
  };
}
