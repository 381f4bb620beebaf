import "server-only";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";

/** The encodings Hushlink sends, best first. */
export type TContentEncoding = "br" | "gzip";
const PREFERENCE: readonly TContentEncoding[] = ["br", "gzip"];

/**
 * The best encoding an Accept-Encoding header allows, or null for identity. A coding is
 * allowed when named (or covered by "*") with q > 0; "q=0" refuses it (RFC 9110 12.5.3).
 */
export function preferredEncoding(acceptEncoding: string | null): TContentEncoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [coding = "", ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (coding === "") continue;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(coding, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get("*") ?? 0;
  let best: TContentEncoding | null = null;
  for (const coding of PREFERENCE) {
    if (weightOf(coding) > 0 && (best === null || weightOf(coding) > weightOf(best))) best = coding;
  }
  return best;
}

/**
 * Compresses a per-request body (a page with its own nonce): fast settings, since this runs
 * on every request; the hashed assets are compressed once, at build time, at the highest.
 */
export function compressDynamic(body: string, encoding: TContentEncoding): Uint8Array {
  return encoding === "br"
    ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT } })
    : gzipSync(body, { level: 6 });
}
