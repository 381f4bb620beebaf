import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./security-headers";

/** A JSON response with the headers every API answer must carry (no-store above all). */
export function jsonResponse(body: unknown, options: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status: options.status ?? 200,
    headers: apiHeaders({ ...(body === undefined ? {} : { "Content-Type": "application/json; charset=utf-8" }), ...options.headers }),
  });
}

/** A non-JSON API answer (CSV exports) with the same protective headers. */
export function textResponse(body: string, options: { contentType: string; headers?: Record<string, string> }): Response {
  return new Response(body, { status: 200, headers: apiHeaders({ "Content-Type": options.contentType, ...options.headers }) });
}

export function emptyResponse(options: { status: number }): Response {
  return new Response(null, { status: options.status, headers: apiHeaders({}) });
}

function apiHeaders(extra: Record<string, string>): Headers {
  // Applied last so no caller can loosen them.
  return new Headers({
    ...extra,
    ...SECURITY_HEADERS,
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    "Cache-Control": "no-store",
  });
}
