import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { encodeBase64Url, sealSecret, type TEnvelopeV1 } from "@/lib/crypto";
import {
  ZApiErrorBody,
  ZCreateSecretRequest,
  ZCreateSecretResponse,
  ZDescribeSecretResponse,
  ZEnvelopeV1,
  ZKdfParams,
  ZRevealSecretRequest,
  ZRevealSecretResponse,
  ZSecretId,
} from "@/lib/validation";

const TEST_SCRYPT_N = 32768;

/** `length` bytes of `fill`, canonical base64url. */
const bytes = (length: number, fill = 0x5a) => encodeBase64Url(new Uint8Array(length).fill(fill));

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

/**
 * Spellings of `length` bytes that a lenient decoder would take but canonical base64url
 * without padding must refuse. When `length` is not a multiple of 3 the last character has
 * unused low bits, and setting one of them gives the same bytes in a second spelling.
 */
function nonCanonicalSpellings(length: number): Array<[string, string]> {
  const canonical = bytes(length, 0xfb);
  const withPlusSlash = canonical.replace(/-/g, "+").replace(/_/g, "/");
  if (withPlusSlash === canonical) throw new Error("fixture must contain '-' or '_'");
  const lastIndex = canonical.length - 1;
  const spellings: Array<[string, string]> = [
    ["'=' padding", `${canonical}${"=".repeat((4 - (canonical.length % 4)) % 4 || 1)}`],
    ["standard base64 '+' and '/'", withPlusSlash],
    ["a trailing space", `${canonical} `],
    ["a leading space", ` ${canonical}`],
    ["a trailing newline", `${canonical}\n`],
    ["an inner line break", `${canonical.slice(0, 8)}\n${canonical.slice(8)}`],
    ["a character outside the alphabet", `${canonical.slice(0, lastIndex)}!`],
    ["a full-width lookalike", `${canonical.slice(0, lastIndex)}\uff21`],
    ["one character too many", `${canonical}A`],
    ["one character too few", canonical.slice(0, lastIndex)],
  ];
  if (length % 3 !== 0) {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const lastSextet = alphabet.indexOf(canonical.charAt(lastIndex));
    if ((lastSextet & 1) !== 0) throw new Error("fixture's last sextet must have a clear low bit");
    spellings.push(["non-zero unused trailing bits", canonical.slice(0, lastIndex) + alphabet.charAt(lastSextet | 1)]);
  }
  return spellings;
}

describe("ZSecretId", () => {
  it("accepts 16 bytes as exactly 22 canonical characters", () => {
    const id = bytes(16, 0x11);
    expect(id).toHaveLength(22);
    expect(accepts(ZSecretId, id)).toBe(true);
    expect(accepts(ZSecretId, "AAAAAAAAAAAAAAAAAAAAAA")).toBe(true);
    expect(accepts(ZSecretId, "______________________".slice(0, 21) + "w")).toBe(true);
  });

  it("refuses 21 and 23 characters, 15 and 17 bytes, and the empty string", () => {
    expect(accepts(ZSecretId, "A".repeat(21))).toBe(false);
    expect(accepts(ZSecretId, "A".repeat(23))).toBe(false);
    expect(accepts(ZSecretId, bytes(15))).toBe(false);
    expect(accepts(ZSecretId, bytes(17))).toBe(false);
    expect(accepts(ZSecretId, "")).toBe(false);
  });

  it("refuses a 22-character id whose last character sets unused bits", () => {
    // 16 bytes leave 4 unused bits in the last character: only A, Q, g, w are canonical there.
    for (const last of ["B", "P", "R", "h", "x", "_"]) expect(accepts(ZSecretId, `${"A".repeat(21)}${last}`)).toBe(false);
    for (const last of ["A", "Q", "g", "w"]) expect(accepts(ZSecretId, `${"A".repeat(21)}${last}`)).toBe(true);
  });

  for (const [label, text] of nonCanonicalSpellings(16)) {
    it(`refuses an id with ${label}`, () => {
      expect(accepts(ZSecretId, text)).toBe(false);
    });
  }

  it("refuses non-strings", () => {
    for (const value of [undefined, null, 16, ["A".repeat(22)], { id: "A".repeat(22) }]) expect(accepts(ZSecretId, value)).toBe(false);
  });
});

describe("ZKdfParams", () => {
  const salt = bytes(16, 0xab);
  const scrypt = (overrides: Record<string, unknown> = {}) => ({ alg: "scrypt", N: 131072, r: 8, p: 1, salt, ...overrides });

  it("accepts kdf none with nothing else", () => {
    expect(accepts(ZKdfParams, { alg: "none" })).toBe(true);
  });

  it("accepts every power of two N from 2^15 to 2^20", () => {
    for (let exponent = 15; exponent <= 20; exponent += 1) expect(accepts(ZKdfParams, scrypt({ N: 2 ** exponent }))).toBe(true);
  });

  it("refuses N of 2^14, 2^21, non-powers of two, fractions, strings and non-finite numbers", () => {
    for (const N of [2 ** 14, 2 ** 21, 2 ** 15 - 1, 2 ** 15 + 1, 100_000, 3 * 2 ** 15, 32768.5, "32768", Number.NaN, Number.POSITIVE_INFINITY, -32768, 0, null]) {
      expect(accepts(ZKdfParams, scrypt({ N })), `N=${String(N)}`).toBe(false);
    }
  });

  it("refuses r other than 8 and p other than 1", () => {
    for (const r of [1, 4, 7, 9, 16, "8"]) expect(accepts(ZKdfParams, scrypt({ r })), `r=${String(r)}`).toBe(false);
    for (const p of [0, 2, "1", 1.5]) expect(accepts(ZKdfParams, scrypt({ p })), `p=${String(p)}`).toBe(false);
  });

  it("requires a salt of exactly 16 bytes", () => {
    for (const length of [0, 15, 17, 32]) expect(accepts(ZKdfParams, scrypt({ salt: bytes(length) })), `salt ${length}`).toBe(false);
  });

  for (const [label, text] of nonCanonicalSpellings(16)) {
    it(`refuses a salt with ${label}`, () => {
      expect(accepts(ZKdfParams, scrypt({ salt: text }))).toBe(false);
    });
  }

  it("refuses missing scrypt fields", () => {
    for (const key of ["N", "r", "p", "salt"] as const) {
      const { [key]: _dropped, ...rest } = scrypt();
      expect(accepts(ZKdfParams, rest), `without ${key}`).toBe(false);
    }
  });

  it("refuses unknown fields on both kdf kinds and unknown algorithms", () => {
    expect(accepts(ZKdfParams, { alg: "none", salt })).toBe(false);
    expect(accepts(ZKdfParams, { alg: "none", N: 32768 })).toBe(false);
    expect(accepts(ZKdfParams, scrypt({ dkLen: 32 }))).toBe(false);
    for (const alg of ["argon2id", "pbkdf2", "SCRYPT", "None", ""]) expect(accepts(ZKdfParams, { alg })).toBe(false);
    expect(accepts(ZKdfParams, {})).toBe(false);
    expect(accepts(ZKdfParams, null)).toBe(false);
  });
});

describe("ZEnvelopeV1", () => {
  let plain: TEnvelopeV1;
  let withPassphrase: TEnvelopeV1;
  let twoBlocks: TEnvelopeV1;

  beforeAll(async () => {
    plain = (await sealSecret({ payload: { type: "text", text: "hunter2" } })).envelope;
    withPassphrase = (await sealSecret({ payload: { type: "text", text: "hunter2" }, passphrase: "correct horse", scryptN: TEST_SCRYPT_N })).envelope;
    twoBlocks = (await sealSecret({ payload: { type: "text", text: "x".repeat(300) } })).envelope;
  });

  it("accepts real envelopes from sealSecret, with and without a passphrase, one and two blocks", () => {
    expect(accepts(ZEnvelopeV1, plain)).toBe(true);
    expect(accepts(ZEnvelopeV1, withPassphrase)).toBe(true);
    expect(withPassphrase.kdf).toMatchObject({ alg: "scrypt", N: TEST_SCRYPT_N });
    expect(accepts(ZEnvelopeV1, twoBlocks)).toBe(true);
  });

  it("returns exactly the envelope it was given", () => {
    expect(ZEnvelopeV1.parse(withPassphrase)).toEqual(withPassphrase);
  });

  it("refuses any version but 1 and any cipher but xsalsa20poly1305", () => {
    for (const v of [0, 2, "1", 1.0000001, null]) expect(accepts(ZEnvelopeV1, { ...plain, v }), `v=${String(v)}`).toBe(false);
    for (const alg of ["aes-256-gcm", "XSALSA20POLY1305", "xchacha20poly1305", ""]) expect(accepts(ZEnvelopeV1, { ...plain, alg })).toBe(false);
  });

  it("requires a nonce of exactly 24 bytes", () => {
    expect(accepts(ZEnvelopeV1, { ...plain, nonce: bytes(24) })).toBe(true);
    for (const length of [0, 16, 23, 25, 32]) expect(accepts(ZEnvelopeV1, { ...plain, nonce: bytes(length) }), `nonce ${length}`).toBe(false);
  });

  // 24 bytes are a multiple of 3: no trailing bits, so the ct and id cases cover those.
  for (const [label, text] of nonCanonicalSpellings(24)) {
    it(`refuses a nonce with ${label}`, () => {
      expect(accepts(ZEnvelopeV1, { ...plain, nonce: bytes(24, 0xfb) })).toBe(true);
      expect(accepts(ZEnvelopeV1, { ...plain, nonce: text })).toBe(false);
    });
  }

  it("accepts ct lengths of 16 + 256k for k >= 1", () => {
    for (const length of [272, 528, 784, 16 + 256 * 40]) expect(accepts(ZEnvelopeV1, { ...plain, ct: bytes(length) }), `ct ${length}`).toBe(true);
  });

  it("refuses ct lengths padding cannot produce", () => {
    for (const length of [0, 16, 256, 271, 273, 512, 527, 529, 1024]) {
      expect(accepts(ZEnvelopeV1, { ...plain, ct: bytes(length) }), `ct ${length}`).toBe(false);
    }
  });

  // 272 bytes leave 4 unused trailing bits, like an id.
  for (const [label, text] of nonCanonicalSpellings(272)) {
    it(`refuses a ct with ${label}`, () => {
      expect(accepts(ZEnvelopeV1, { ...plain, ct: text })).toBe(false);
    });
  }

  it("refuses unknown fields on the envelope and inside its kdf", () => {
    expect(accepts(ZEnvelopeV1, { ...plain, extra: 1 })).toBe(false);
    expect(accepts(ZEnvelopeV1, { ...plain, tag: bytes(16) })).toBe(false);
    expect(accepts(ZEnvelopeV1, { ...withPassphrase, kdf: { ...withPassphrase.kdf, extra: true } })).toBe(false);
    expect(accepts(ZEnvelopeV1, { ...plain, kdf: { alg: "none", extra: true } })).toBe(false);
  });

  it("refuses missing fields", () => {
    for (const key of ["v", "alg", "kdf", "nonce", "ct"] as const) {
      const { [key]: _dropped, ...rest } = plain;
      expect(accepts(ZEnvelopeV1, rest), `without ${key}`).toBe(false);
    }
  });

  it("refuses a bad kdf inside an otherwise valid envelope", () => {
    expect(accepts(ZEnvelopeV1, { ...withPassphrase, kdf: { ...withPassphrase.kdf, N: 2 ** 14 } })).toBe(false);
    expect(accepts(ZEnvelopeV1, { ...withPassphrase, kdf: { ...withPassphrase.kdf, salt: bytes(15) } })).toBe(false);
  });
});

describe("ZCreateSecretRequest", () => {
  let valid: { envelope: TEnvelopeV1; verifier: string; expiresIn: number; maxViews: number };
  let validWithPassphrase: typeof valid;

  beforeAll(async () => {
    const sealed = await sealSecret({ payload: { type: "text", text: "api key" } });
    valid = { envelope: sealed.envelope, verifier: sealed.verifier, expiresIn: 3600, maxViews: 1 };
    const sealedWithPassphrase = await sealSecret({ payload: { type: "text", text: "api key" }, passphrase: "pw", scryptN: TEST_SCRYPT_N });
    validWithPassphrase = { envelope: sealedWithPassphrase.envelope, verifier: sealedWithPassphrase.verifier, expiresIn: 3600, maxViews: 1 };
  });

  it("accepts what sealSecret produces, with and without a passphrase", () => {
    expect(ZCreateSecretRequest.parse(valid)).toEqual(valid);
    expect(ZCreateSecretRequest.parse(validWithPassphrase)).toEqual(validWithPassphrase);
  });

  it("accepts expiresIn from 300 to 2,592,000 seconds inclusive", () => {
    for (const expiresIn of [300, 301, 3600, 86_400, 2_591_999, 2_592_000]) {
      expect(accepts(ZCreateSecretRequest, { ...valid, expiresIn }), `expiresIn=${expiresIn}`).toBe(true);
    }
  });

  it("refuses expiresIn outside the range, fractional, non-finite or not a number", () => {
    for (const expiresIn of [299, 2_592_001, 0, -300, 300.5, 3600.5, 2_591_999.9, Number.NaN, Number.POSITIVE_INFINITY, "3600", "300", null, true, [3600], undefined]) {
      expect(accepts(ZCreateSecretRequest, { ...valid, expiresIn }), `expiresIn=${String(expiresIn)}`).toBe(false);
    }
  });

  it("accepts maxViews from 1 to 100 inclusive", () => {
    for (const maxViews of [1, 2, 50, 99, 100]) expect(accepts(ZCreateSecretRequest, { ...valid, maxViews }), `maxViews=${maxViews}`).toBe(true);
  });

  it("refuses maxViews outside 1..100, fractional or not a number", () => {
    for (const maxViews of [0, -1, 101, 1000, 1.5, "1", null, Number.NaN, undefined]) {
      expect(accepts(ZCreateSecretRequest, { ...valid, maxViews }), `maxViews=${String(maxViews)}`).toBe(false);
    }
  });

  it("requires a verifier of exactly 32 bytes", () => {
    for (const length of [0, 16, 31, 33, 64]) expect(accepts(ZCreateSecretRequest, { ...valid, verifier: bytes(length) }), `verifier ${length}`).toBe(false);
    expect(accepts(ZCreateSecretRequest, { ...valid, verifier: bytes(32) })).toBe(true);
  });

  for (const [label, text] of nonCanonicalSpellings(32)) {
    it(`refuses a verifier with ${label}`, () => {
      expect(accepts(ZCreateSecretRequest, { ...valid, verifier: text })).toBe(false);
    });
  }

  it("refuses unknown fields at the top level, in the envelope and in the kdf", () => {
    expect(accepts(ZCreateSecretRequest, { ...valid, extra: 1 })).toBe(false);
    expect(accepts(ZCreateSecretRequest, { ...valid, linkKey: bytes(32) })).toBe(false);
    expect(accepts(ZCreateSecretRequest, { ...valid, envelope: { ...valid.envelope, extra: 1 } })).toBe(false);
    expect(accepts(ZCreateSecretRequest, { ...valid, envelope: { ...valid.envelope, kdf: { alg: "none", extra: 1 } } })).toBe(false);
    expect(
      accepts(ZCreateSecretRequest, { ...validWithPassphrase, envelope: { ...validWithPassphrase.envelope, kdf: { ...validWithPassphrase.envelope.kdf, extra: 1 } } }),
    ).toBe(false);
  });

  it("refuses a __proto__ key smuggled in through JSON.parse", () => {
    const body = JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(valid).slice(1)}`) as unknown;
    expect(Object.keys(body as object)).toContain("__proto__");
    expect(accepts(ZCreateSecretRequest, body)).toBe(false);
  });

  it("refuses missing fields", () => {
    for (const key of ["envelope", "verifier", "expiresIn", "maxViews"] as const) {
      const { [key]: _dropped, ...rest } = valid;
      expect(accepts(ZCreateSecretRequest, rest), `without ${key}`).toBe(false);
    }
  });

  it("refuses non-object bodies", () => {
    for (const body of [null, [], "{}", 1, true]) expect(accepts(ZCreateSecretRequest, body)).toBe(false);
  });
});

describe("ZRevealSecretRequest", () => {
  it("accepts exactly one 32-byte proof", () => {
    expect(accepts(ZRevealSecretRequest, { proof: bytes(32) })).toBe(true);
  });

  it("refuses proofs that are not 32 bytes", () => {
    for (const length of [0, 31, 33]) expect(accepts(ZRevealSecretRequest, { proof: bytes(length) })).toBe(false);
  });

  for (const [label, text] of nonCanonicalSpellings(32)) {
    it(`refuses a proof with ${label}`, () => {
      expect(accepts(ZRevealSecretRequest, { proof: text })).toBe(false);
    });
  }

  it("refuses unknown fields, a missing proof and non-string proofs", () => {
    expect(accepts(ZRevealSecretRequest, { proof: bytes(32), passphrase: "pw" })).toBe(false);
    expect(accepts(ZRevealSecretRequest, { proof: bytes(32), linkKey: bytes(32) })).toBe(false);
    expect(accepts(ZRevealSecretRequest, {})).toBe(false);
    expect(accepts(ZRevealSecretRequest, { proof: null })).toBe(false);
    expect(accepts(ZRevealSecretRequest, { proof: Array.from(new Uint8Array(32)) })).toBe(false);
  });
});

describe("response schemas", () => {
  const id = bytes(16, 0x42);
  const expiresAt = "2030-01-01T00:00:00.000Z";

  it("ZDescribeSecretResponse accepts the documented shape and refuses extras", () => {
    const valid = { id, expiresAt, viewsLeft: 1, kdf: { alg: "none" } };
    expect(accepts(ZDescribeSecretResponse, valid)).toBe(true);
    expect(accepts(ZDescribeSecretResponse, { ...valid, kdf: { alg: "scrypt", N: 131072, r: 8, p: 1, salt: bytes(16) } })).toBe(true);
    expect(accepts(ZDescribeSecretResponse, { ...valid, envelope: {} })).toBe(false);
    expect(accepts(ZDescribeSecretResponse, { ...valid, ct: bytes(272) })).toBe(false);
    expect(accepts(ZDescribeSecretResponse, { ...valid, viewsLeft: 0 })).toBe(false);
    expect(accepts(ZDescribeSecretResponse, { ...valid, id: "A".repeat(21) })).toBe(false);
    expect(accepts(ZDescribeSecretResponse, { ...valid, expiresAt: "tomorrow" })).toBe(false);
    expect(accepts(ZDescribeSecretResponse, { ...valid, kdf: { alg: "scrypt", N: 2 ** 21, r: 8, p: 1, salt: bytes(16) } })).toBe(false);
  });

  it("ZCreateSecretResponse accepts the documented shape and refuses extras", () => {
    const valid = { id, expiresAt, maxViews: 3, manageToken: "m".repeat(43) };
    expect(accepts(ZCreateSecretResponse, valid)).toBe(true);
    expect(accepts(ZCreateSecretResponse, { ...valid, verifier: bytes(32) })).toBe(false);
    expect(accepts(ZCreateSecretResponse, { ...valid, manageToken: "" })).toBe(false);
  });

  it("ZRevealSecretResponse accepts an envelope with viewsLeft 0 and refuses extras", async () => {
    const { envelope } = await sealSecret({ payload: { type: "text", text: "x" } });
    expect(accepts(ZRevealSecretResponse, { envelope, viewsLeft: 0 })).toBe(true);
    expect(accepts(ZRevealSecretResponse, { envelope, viewsLeft: -1 })).toBe(false);
    expect(accepts(ZRevealSecretResponse, { envelope, viewsLeft: 0, verifier: bytes(32) })).toBe(false);
    expect(accepts(ZRevealSecretResponse, { envelope: { ...envelope, extra: 1 }, viewsLeft: 0 })).toBe(false);
  });

  it("ZApiErrorBody is exactly {error:{code,message}}", () => {
    expect(accepts(ZApiErrorBody, { error: { code: "not_found", message: "gone" } })).toBe(true);
    expect(accepts(ZApiErrorBody, { error: { code: "not_found", message: "gone", stack: "..." } })).toBe(false);
    expect(accepts(ZApiErrorBody, { error: { code: "not_found", message: "gone" }, detail: "x" })).toBe(false);
    expect(accepts(ZApiErrorBody, { error: { code: "not_found" } })).toBe(false);
  });
});
