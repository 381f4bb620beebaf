import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { TApiRequest, TApiResponse } from "@/lib/http/api-request";
import { preferredEncoding, type TContentEncoding } from "@/lib/http/content-encoding";
import { SECURITY_HEADERS } from "@/lib/http/security-headers";

/** The hashed file names scripts/build-reveal-page.mjs wrote. */
export type TRevealAssets = { script: string; stylesheet: string };

export const REVEAL_ASSETS_PATH = "/reveal-assets";
const ASSET_NAME = /^reveal-page\.[0-9a-f]{16}\.(js|css)$/;
const CONTENT_TYPES: Record<string, string> = { js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" };
const IMMUTABLE = "public, max-age=31536000, immutable";
const ENCODED_SUFFIX: Record<TContentEncoding, string> = { br: "br", gzip: "gz" };

const assetsDir = () => path.join(process.cwd(), ".next", "hushlink-reveal");
const isDevelopment = () => process.env.NODE_ENV === "development";

let manifest: Promise<TRevealAssets> | undefined;
const files = new Map<string, Promise<Buffer>>();

/**
 * The current asset names. Read once in production; in development on every call, so a
 * rebuild (`node scripts/build-reveal-page.mjs`) shows without a restart.
 */
export function revealAssets(): Promise<TRevealAssets> {
  if (!manifest || isDevelopment()) {
    const reading = readFile(path.join(assetsDir(), "manifest.json"), "utf8").then((text) => JSON.parse(text) as TRevealAssets);
    // A missing build is not cached: the next request looks again.
    reading.catch(() => (manifest = undefined));
    manifest = reading;
  }
  return manifest;
}

function readAsset(name: string): Promise<Buffer> {
  let body = files.get(name);
  if (!body) {
    body = readFile(path.join(assetsDir(), name));
    body.catch(() => files.delete(name));
    files.set(name, body);
  }
  return body;
}

/**
 * The stylesheet's text, for inlining: a recipient usually opens a link once, so a separate
 * request (which would also hold back the script) costs more than the 5 kB it could cache.
 */
export async function revealStylesheetText(): Promise<string> {
  return (await readAsset((await revealAssets()).stylesheet)).toString("utf8");
}

/**
 * GET /reveal-assets/<name>: only the files the manifest names, from memory after the first
 * read, in the encoding the browser prefers (compressed at build time). Names carry a
 * content hash, so browsers may keep them for a year.
 */
export async function revealAssetResponse(options: { request: TApiRequest; name: string }): Promise<TApiResponse> {
  const { name } = options;
  const assets = await revealAssets().catch(() => null);
  const match = ASSET_NAME.exec(name);
  if (!assets || !match || (name !== assets.script && name !== assets.stylesheet)) {
    return { status: 404, headers: { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }, body: "Not found" };
  }
  const encoding = preferredEncoding(options.request.headers.get("accept-encoding"));
  const bytes = await readAsset(encoding ? `${name}.${ENCODED_SUFFIX[encoding]}` : name);
  return {
    status: 200,
    headers: {
      ...SECURITY_HEADERS,
      "Content-Type": CONTENT_TYPES[match[1] ?? ""] ?? "application/octet-stream",
      "Cache-Control": IMMUTABLE,
      Vary: "Accept-Encoding",
      ...(encoding ? { "Content-Encoding": encoding } : {}),
    },
    body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}
