import { decodeBase64Url, encodeBase64Url } from "@/lib/crypto";
import type { TRandomBytes } from "@/lib/crypto";

/** scrypt cost used throughout the unit tests: the v1 minimum, so the suite stays fast. */
export const TEST_SCRYPT_N = 32768;

/** Decodes base64url that the test itself knows to be valid. */
export function mustDecode(text: string): Uint8Array {
  const bytes = decodeBase64Url(text);
  if (bytes === null) throw new Error(`not canonical base64url: ${text}`);
  return bytes;
}

/** Returns `text` with byte `index` XOR `mask`, re-encoded. */
export function flipByte(options: { text: string; index: number; mask?: number }): string {
  const bytes = mustDecode(options.text);
  bytes[options.index] = (bytes[options.index] ?? 0) ^ (options.mask ?? 0x01);
  return encodeBase64Url(bytes);
}

/** A randomBytes that hands out the given buffers in order and fails on any surprise. */
export function queuedRandomBytes(queue: Uint8Array[]): TRandomBytes {
  const pending = queue.map((bytes) => bytes.slice());
  return (length) => {
    const next = pending.shift();
    if (next === undefined || next.length !== length) throw new Error(`unexpected randomBytes(${length})`);
    return next;
  };
}

/** Payload JSON length for a text: `{"type":"text","text":"` + text + `"}` in UTF-8. */
export function payloadLengthOf(text: string): number {
  return new TextEncoder().encode(JSON.stringify({ type: "text", text })).length;
}
