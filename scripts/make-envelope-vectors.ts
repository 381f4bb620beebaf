// Regenerates tests/vectors/envelope-v1.json from lib/crypto with fixed "random" bytes.
// Run: npx jiti scripts/make-envelope-vectors.ts
// Only regenerate on purpose (a format change is a new envelope version); the unit test
// tests/unit/crypto/vectors.test.ts checks the committed file against the implementation
// and against node:crypto, so a silent change in either shows up there.
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { decodeBase64Url, encodeBase64Url } from "../lib/crypto/base64url";
import { deriveKeysFromLinkKey, derivePassphraseKey } from "../lib/crypto/derive-keys";
import { headerFor } from "../lib/crypto/header";
import { openEnvelope } from "../lib/crypto/open";
import { framedLengthFor } from "../lib/crypto/padding";
import { sealSecret } from "../lib/crypto/seal";
import type { TRandomBytes } from "../lib/crypto/types";

type TVectorInput = { name: string; description: string; passphrase: string | null; N: number | null; text: string };

// Fixed bytes that look random: SHA-256 of a label, truncated.
function fixedBytes(label: string, length: number): Uint8Array {
  return new Uint8Array(createHash("sha256").update(`hushlink envelope-v1 vector ${label}`).digest()).slice(0, length);
}

function queuedRandomBytes(queue: Uint8Array[]): TRandomBytes {
  return (length) => {
    const next = queue.shift();
    if (next === undefined || next.length !== length) throw new Error(`unexpected randomBytes(${length})`);
    return next;
  };
}

const inputs: TVectorInput[] = [
  { name: "no-passphrase-short", description: "No passphrase, short ASCII text, one padding block.", passphrase: null, N: null, text: "hunter2" },
  {
    name: "passphrase-n32768",
    description: "Passphrase with scrypt N=2^15, r=8, p=1.",
    passphrase: "correct horse battery staple",
    N: 32768,
    text: "api token: example-not-a-real-token-0123456789",
  },
  {
    name: "unicode-multiline-nfkc",
    description: "Multiline non-ASCII text (escapes, emoji, CJK) and a passphrase that NFKC changes: U+FB01 'ﬁ' becomes 'fi', 'Å' (A + U+030A) composes.",
    passphrase: "\ufb01le-A\u030A-Stra\u00dfe",
    N: 32768,
    text: "Zugangsdaten f\u00fcr Prod:\n  user: \"ops\"\n  pass: p\u00e4ssw\u00f6rd \u5bc6\u7801 \ud83d\udd11\r\n\tend\\",
  },
  {
    name: "exactly-one-block",
    description: "Payload of 252 bytes: 4 + 252 = 256 fills one block exactly (ct 272 bytes).",
    passphrase: null,
    N: null,
    text: "a".repeat(252 - 25),
  },
  {
    name: "two-blocks",
    description: "Payload of 253 bytes: 4 + 253 = 257 needs a second block (ct 528 bytes).",
    passphrase: "two blocks",
    N: 32768,
    text: "b".repeat(253 - 25),
  },
];

async function buildCase(input: TVectorInput) {
  const linkKey = fixedBytes(`${input.name} linkKey`, 32);
  const salt = input.passphrase === null ? null : fixedBytes(`${input.name} salt`, 16);
  const nonce = fixedBytes(`${input.name} nonce`, 24);
  const pending = (salt === null ? [linkKey, nonce] : [linkKey, salt, nonce]).map((bytes) => bytes.slice());
  const sealed = await sealSecret({
    payload: { type: "text", text: input.text },
    passphrase: input.passphrase ?? undefined,
    scryptN: input.N ?? undefined,
    randomBytes: queuedRandomBytes(pending),
  });
  if (pending.length !== 0) throw new Error(`${input.name}: sealSecret drew fewer random values than expected`);
  const kdf = sealed.envelope.kdf;
  const keys = await deriveKeysFromLinkKey({ linkKey, kdf, passphrase: input.passphrase ?? undefined });
  const passphraseKey = await derivePassphraseKey({ kdf, passphrase: input.passphrase ?? undefined });
  const payload = JSON.stringify({ type: "text", text: input.text });
  const payloadLength = new TextEncoder().encode(payload).length;
  const opened = openEnvelope({ envelope: sealed.envelope, encryptionKey: keys.encryptionKey });
  if (opened.text !== input.text) throw new Error(`${input.name} does not round-trip`);
  const ctLength = decodeBase64Url(sealed.envelope.ct)?.length ?? -1;
  return {
    name: input.name,
    description: input.description,
    input: {
      linkKey: encodeBase64Url(linkKey),
      passphrase: input.passphrase,
      salt: salt === null ? null : encodeBase64Url(salt),
      N: input.N,
      r: input.N === null ? null : 8,
      p: input.N === null ? null : 1,
      nonce: encodeBase64Url(nonce),
      text: input.text,
    },
    output: {
      passphraseNfkc: input.passphrase === null ? null : input.passphrase.normalize("NFKC"),
      kPw: encodeBase64Url(passphraseKey),
      header: headerFor(kdf),
      kEnc: encodeBase64Url(keys.encryptionKey),
      kAuth: encodeBase64Url(keys.authKey),
      proof: encodeBase64Url(keys.authKey),
      verifier: sealed.verifier,
      payload,
      payloadLength,
      framedLength: framedLengthFor(payloadLength),
      ctLength,
      nonce: sealed.envelope.nonce,
      ct: sealed.envelope.ct,
      envelope: sealed.envelope,
      linkKey: sealed.linkKey,
    },
  };
}

async function main(): Promise<void> {
  const cases = [];
  for (const input of inputs) cases.push(await buildCase(input));
  const target = path.resolve(import.meta.dirname, "../tests/vectors/envelope-v1.json");
  writeFileSync(target, `${JSON.stringify(cases, null, 2)}\n`);
  console.log(`wrote ${cases.length} cases to ${path.relative(process.cwd(), target)}`);
}

await main();
