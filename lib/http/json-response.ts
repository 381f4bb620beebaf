import type { TApiResponse } from "./api-request";
import { toWebResponse } from "./api-request";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./security-headers";

const PROTECTIVE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...SECURITY_HEADERS,
  "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
  "Cache-Control": "no-store",
});
const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
/** The headers of nearly every answer, built once. */
const PLAIN_JSON_HEADERS = apiHeaders({ "Content-Type": JSON_CONTENT_TYPE });

type TResponseOptions = { status?: number; headers?: Record<string, string> };

/** A JSON answer with the headers every API answer must carry (no-store above all). */
export function apiJson(body: unknown, options: TResponseOptions = {}): TApiResponse {
  return apiJsonText(body === undefined ? null : JSON.stringify(body), options);
}

/** apiJson for a body that is JSON text already (stored as it was validated). */
export function apiJsonText(json: string | null, options: TResponseOptions = {}): TApiResponse {
  const headers =
    json === null ? apiHeaders({ ...options.headers }) : options.headers ? apiHeaders({ "Content-Type": JSON_CONTENT_TYPE, ...options.headers }) : PLAIN_JSON_HEADERS;
  return { status: options.status ?? 200, headers, body: json };
}

/** A non-JSON API answer (metrics, CSV exports) with the same protective headers. */
export function apiText(body: string, options: { contentType: string; headers?: Record<string, string> }): TApiResponse {
  return { status: 200, headers: apiHeaders({ "Content-Type": options.contentType, ...options.headers }), body };
}

export function apiEmpty(options: { status: number }): TApiResponse {
  return { status: options.status, headers: apiHeaders({}), body: null };
}

export function jsonResponse(body: unknown, options: TResponseOptions = {}): Response {
  return toWebResponse(apiJson(body, options));
}

export function textResponse(body: string, options: { contentType: string; headers?: Record<string, string> }): Response {
  return toWebResponse(apiText(body, options));
}

export function emptyResponse(options: { status: number }): Response {
  return toWebResponse(apiEmpty(options));
}

function apiHeaders(extra: Record<string, string>): Readonly<Record<string, string>> {
  // Applied last so no caller can loosen them.
  return Object.freeze({ ...extra, ...PROTECTIVE_HEADERS });
}
