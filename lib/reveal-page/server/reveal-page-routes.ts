import "server-only";
import { pathnameOf, type TApiRequest, type TApiResponse } from "@/lib/http/api-request";
import { revealAssetResponse } from "./reveal-assets";
import { revealPageResponse } from "./reveal-page-response";

/**
 * What the lean server takes off Next.js: GET and HEAD of /s/<anything, no trailing slash>
 * and /reveal-assets/<one name>. Everything else on those paths (other methods, the
 * trailing-slash redirect) stays with Next.js, which answers it as it always has.
 */
const REVEAL_PAGE_PATH = /^\/(s\/[^?]*[^/?]|reveal-assets\/[^/?]+)(\?|$)/;

export function isRevealPageRequest(method: string | undefined, path: string): boolean {
  return (method === "GET" || method === "HEAD") && REVEAL_PAGE_PATH.test(path);
}

/** The id in /s/<id>: one decoded segment; anything else is no id (the "damaged link" page). */
export function secretIdFromSegments(segments: string[]): string {
  return segments.length === 1 ? (segments[0] ?? "") : "";
}

function decodedSegments(rest: string): string[] {
  try {
    return rest.split("/").map((segment) => decodeURIComponent(segment));
  } catch {
    return [];
  }
}

/**
 * For the Next.js route files: Next.js compresses what a route handler returns even when it
 * is already encoded, so these handlers must not encode there. Hiding Accept-Encoding makes
 * them answer identity and leaves compression (gzip) to Next.js.
 */
export function leavingCompressionToNext(request: TApiRequest): TApiRequest {
  return { ...request, headers: { get: (name) => (name.toLowerCase() === "accept-encoding" ? null : request.headers.get(name)) } };
}

/** The lean server's entry for the paths isRevealPageRequest accepts. */
export function handleRevealPageRequest(request: TApiRequest): Promise<TApiResponse> {
  const pathname = pathnameOf(request.path);
  if (pathname.startsWith("/reveal-assets/")) return revealAssetResponse({ request, name: pathname.slice("/reveal-assets/".length) });
  return revealPageResponse({ request, id: secretIdFromSegments(decodedSegments(pathname.slice("/s/".length))) });
}
