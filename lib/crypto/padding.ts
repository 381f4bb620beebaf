import { LENGTH_PREFIX_BYTES, PAD_BLOCK_BYTES } from "./constants";
import { CryptoError } from "./errors";

/** Size of the framed plaintext for a payload of `payloadLength` bytes. */
export function framedLengthFor(payloadLength: number): number {
  return Math.ceil((LENGTH_PREFIX_BYTES + payloadLength) / PAD_BLOCK_BYTES) * PAD_BLOCK_BYTES;
}

/**
 * Frames a payload as uint32_be(length) || payload || zeros up to the next multiple of
 * 256, so the ciphertext length reveals only the size bucket, not the exact secret length.
 */
export function padPayload(payload: Uint8Array): Uint8Array {
  if (payload.length > 0xffffffff - LENGTH_PREFIX_BYTES) throw new CryptoError("bad_payload", "payload too large");
  const framed = new Uint8Array(framedLengthFor(payload.length));
  new DataView(framed.buffer).setUint32(0, payload.length, false);
  framed.set(payload, LENGTH_PREFIX_BYTES);
  return framed;
}

/**
 * Undoes padPayload. Accepts only the one canonical framing (length fits, padding is the
 * minimum that reaches a multiple of 256, every pad byte is zero) so that each payload has
 * exactly one valid framed form and a buggy client is caught by the first test vector.
 * Throws CryptoError("bad_payload") otherwise.
 */
export function unpadPayload(framed: Uint8Array): Uint8Array {
  if (framed.length < LENGTH_PREFIX_BYTES) throw new CryptoError("bad_payload", "framed plaintext too short");
  const payloadLength = new DataView(framed.buffer, framed.byteOffset, framed.byteLength).getUint32(0, false);
  if (payloadLength > framed.length - LENGTH_PREFIX_BYTES) throw new CryptoError("bad_payload", "length field exceeds the buffer");
  if (framedLengthFor(payloadLength) !== framed.length) throw new CryptoError("bad_payload", "padding is not the canonical length");
  const end = LENGTH_PREFIX_BYTES + payloadLength;
  let padding = 0;
  for (let index = end; index < framed.length; index += 1) padding |= framed[index] ?? 0;
  if (padding !== 0) throw new CryptoError("bad_payload", "padding bytes are not zero");
  return framed.slice(LENGTH_PREFIX_BYTES, end);
}
