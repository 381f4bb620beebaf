import nacl from "tweetnacl";
import type { TRandomBytes } from "./types";

/** nacl.randomBytes uses crypto.getRandomValues in browsers and crypto.randomBytes in Node. */
export const defaultRandomBytes: TRandomBytes = (length) => nacl.randomBytes(length);

/**
 * Draws `length` bytes and checks the source kept its promise: a short or reused buffer
 * from an injected source would silently weaken keys and nonces.
 */
export function drawRandomBytes(options: { randomBytes: TRandomBytes; length: number }): Uint8Array {
  const bytes = options.randomBytes(options.length);
  if (!(bytes instanceof Uint8Array) || bytes.length !== options.length) {
    throw new Error(`randomBytes returned the wrong number of bytes (wanted ${options.length})`);
  }
  return Uint8Array.from(bytes);
}
