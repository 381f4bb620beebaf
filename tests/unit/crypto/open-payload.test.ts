import nacl from "tweetnacl";
import { describe, expect, it } from "vitest";
import { deriveRevealKeys, encodeBase64Url, openEnvelope, sealSecret } from "@/lib/crypto";
import type { TEnvelopeV1 } from "@/lib/crypto";

/** An envelope whose plaintext is `framed`, authenticated with the right key. */
async function envelopeAround(framed: Uint8Array): Promise<{ envelope: TEnvelopeV1; encryptionKey: Uint8Array }> {
  const sealed = await sealSecret({ payload: { type: "text", text: "placeholder" } });
  const { encryptionKey } = await deriveRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf });
  const nonce = new Uint8Array(24).fill(5);
  const ct = nacl.secretbox(framed, nonce, encryptionKey);
  return { envelope: { ...sealed.envelope, nonce: encodeBase64Url(nonce), ct: encodeBase64Url(ct) }, encryptionKey };
}

function frame(payload: Uint8Array, blocks = 1): Uint8Array {
  const framed = new Uint8Array(256 * blocks);
  new DataView(framed.buffer).setUint32(0, payload.length, false);
  framed.set(payload, 4);
  return framed;
}

async function openCode(framed: Uint8Array): Promise<string | undefined> {
  const { envelope, encryptionKey } = await envelopeAround(framed);
  try {
    openEnvelope({ envelope, encryptionKey });
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("openEnvelope on authenticated but malformed plaintext", () => {
  it("opens a hand-framed payload (control)", async () => {
    const { envelope, encryptionKey } = await envelopeAround(frame(utf8('{"text":"hi","type":"text"}')));
    expect(openEnvelope({ envelope, encryptionKey })).toEqual({ type: "text", text: "hi" });
  });

  it("reports bad_payload for a length field past the end of the buffer", async () => {
    const framed = frame(utf8('{"type":"text","text":"hi"}'));
    new DataView(framed.buffer).setUint32(0, 300, false);
    expect(await openCode(framed)).toBe("bad_payload");
  });

  it("reports bad_payload for more padding than needed", async () => {
    expect(await openCode(frame(utf8('{"type":"text","text":"hi"}'), 2))).toBe("bad_payload");
  });

  it("reports bad_payload for non-zero padding", async () => {
    const framed = frame(utf8('{"type":"text","text":"hi"}'));
    framed[200] = 0x20;
    expect(await openCode(framed)).toBe("bad_payload");
  });

  it("reports bad_payload for text that is not JSON, not UTF-8, or not a v1 payload", async () => {
    const bad = [
      utf8("hi"),
      new Uint8Array([0x7b, 0xff, 0x7d]),
      utf8("\ufeff{\"type\":\"text\",\"text\":\"hi\"}"),
      utf8('{"type":"file","text":"hi"}'),
      utf8('{"type":"text","text":1}'),
      utf8('{"type":"text"}'),
      utf8('{"type":"text","text":"hi","extra":true}'),
      utf8('["text","hi"]'),
      utf8("null"),
      new Uint8Array(0),
    ];
    for (const payload of bad) expect(await openCode(frame(payload))).toBe("bad_payload");
  });
});
