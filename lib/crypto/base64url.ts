const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const DECODE_TABLE: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let index = 0; index < ALPHABET.length; index += 1) table[ALPHABET.charCodeAt(index)] = index;
  return table;
})();

function sextetAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 128) return -1;
  return DECODE_TABLE[code] ?? -1;
}

/**
 * Encodes bytes as base64url without padding (RFC 4648 section 5), the only binary
 * encoding envelope v1 uses.
 */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = "";
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const chunk = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    out += ALPHABET.charAt((chunk >> 18) & 63) + ALPHABET.charAt((chunk >> 12) & 63) + ALPHABET.charAt((chunk >> 6) & 63) + ALPHABET.charAt(chunk & 63);
  }
  const rest = bytes.length - index;
  if (rest === 1) {
    const chunk = (bytes[index] ?? 0) << 16;
    out += ALPHABET.charAt((chunk >> 18) & 63) + ALPHABET.charAt((chunk >> 12) & 63);
  } else if (rest === 2) {
    const chunk = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8);
    out += ALPHABET.charAt((chunk >> 18) & 63) + ALPHABET.charAt((chunk >> 12) & 63) + ALPHABET.charAt((chunk >> 6) & 63);
  }
  return out;
}

/**
 * Decodes canonical base64url without padding; returns null for anything else: `=`,
 * whitespace, `+` or `/`, an impossible length, or non-zero unused trailing bits. Being
 * strict means every byte string has exactly one accepted spelling, so a key, proof or
 * id can be compared as text and cannot be smuggled past a check in a second form.
 */
export function decodeBase64Url(text: string): Uint8Array | null {
  const rest = text.length % 4;
  if (rest === 1) return null;
  const out = new Uint8Array(Math.floor(text.length / 4) * 3 + (rest === 0 ? 0 : rest - 1));
  let outIndex = 0;
  let index = 0;
  for (; index + 3 < text.length; index += 4) {
    const a = sextetAt(text, index);
    const b = sextetAt(text, index + 1);
    const c = sextetAt(text, index + 2);
    const d = sextetAt(text, index + 3);
    if (a < 0 || b < 0 || c < 0 || d < 0) return null;
    const chunk = (a << 18) | (b << 12) | (c << 6) | d;
    out[outIndex++] = (chunk >> 16) & 255;
    out[outIndex++] = (chunk >> 8) & 255;
    out[outIndex++] = chunk & 255;
  }
  if (rest === 2) {
    const a = sextetAt(text, index);
    const b = sextetAt(text, index + 1);
    if (a < 0 || b < 0 || (b & 15) !== 0) return null;
    out[outIndex] = ((a << 2) | (b >> 4)) & 255;
  } else if (rest === 3) {
    const a = sextetAt(text, index);
    const b = sextetAt(text, index + 1);
    const c = sextetAt(text, index + 2);
    if (a < 0 || b < 0 || c < 0 || (c & 3) !== 0) return null;
    const chunk = (a << 12) | (b << 6) | c;
    out[outIndex++] = (chunk >> 10) & 255;
    out[outIndex] = (chunk >> 2) & 255;
  }
  return out;
}

/** Decodes canonical base64url and requires an exact byte length; null otherwise. */
export function decodeBase64UrlOfLength(options: { text: string; length: number }): Uint8Array | null {
  if (typeof options.text !== "string") return null;
  const bytes = decodeBase64Url(options.text);
  if (bytes === null || bytes.length !== options.length) return null;
  return bytes;
}
