import { CryptoError } from "./errors";
import type { TSecretPayload } from "./types";

function isSecretPayload(value: unknown): value is TSecretPayload {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return record.type === "text" && typeof record.text === "string";
}

// Decrypted payloads must have exactly these keys: v1 has no extensions to tolerate.
function isExactSecretPayload(value: unknown): value is TSecretPayload {
  return isSecretPayload(value) && Object.keys(value).length === 2;
}

/**
 * Serialises a payload as compact UTF-8 JSON with keys in the order type, text (what
 * JSON.stringify produces for this object). Readers accept any valid JSON spelling; the
 * fixed order only matters for reproducing test vectors byte for byte.
 */
export function encodePayload(payload: TSecretPayload): Uint8Array {
  if (!isSecretPayload(payload)) throw new CryptoError("bad_payload", "payload must be {type:\"text\", text: string}");
  return new TextEncoder().encode(JSON.stringify({ type: payload.type, text: payload.text }));
}

/** Parses decrypted payload bytes; throws CryptoError("bad_payload") unless strict UTF-8 JSON of a v1 payload. */
export function decodePayload(bytes: Uint8Array): TSecretPayload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    throw new CryptoError("bad_payload", "payload is not UTF-8 JSON");
  }
  if (!isExactSecretPayload(parsed)) throw new CryptoError("bad_payload", "payload is not a v1 text payload");
  return { type: parsed.type, text: parsed.text };
}
