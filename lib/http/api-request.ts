import { AppError } from "@/lib/app-error";

/** Reads one request header by (case-insensitive) name; a Web `Headers` is one. */
export type THeaderReader = { get(name: string): string | null };

/**
 * What the API handler needs of a request, and no more: the lean server builds it straight
 * from Node's IncomingMessage, Next route handlers from a Web Request.
 */
export type TApiRequest = {
  method: string;
  /** Path and query string as sent, e.g. "/api/v1/dashboard/secrets?limit=10". */
  path: string;
  headers: THeaderReader;
  /**
   * The whole body. Past `maxBytes` it refuses with payload_too_large and reads no more of
   * it (nothing beyond the limit is ever held in memory); a body the client abandons midway
   * is invalid_request.
   */
  readBody(maxBytes: number): Promise<Uint8Array>;
};

/** What a handler answers; headers as written, body as text or as bytes already encoded as its headers say (Content-Encoding). */
export type TApiResponse = { status: number; headers: Readonly<Record<string, string>>; body: string | Uint8Array | null };

/** The part of a path before its query string, normalised like a URL's pathname when it needs to be. */
export function pathnameOf(path: string): string {
  const queryAt = path.indexOf("?");
  const pathname = queryAt < 0 ? path : path.slice(0, queryAt);
  // Dots, percent-escapes and backslashes are what URL parsing would rewrite.
  return /^\/[\w\-/]*$/.test(pathname) ? pathname : new URL(pathname, "http://localhost").pathname;
}

export function searchParamsOf(path: string): URLSearchParams {
  const queryAt = path.indexOf("?");
  return new URLSearchParams(queryAt < 0 ? "" : path.slice(queryAt + 1));
}

/** A Web Request as the API handler sees it. */
export function fromWebRequest(request: Request): TApiRequest {
  const url = new URL(request.url);
  return {
    method: request.method,
    path: url.pathname + url.search,
    headers: request.headers,
    readBody: (maxBytes) => readWebBody(request, maxBytes),
  };
}

/** The API handler's answer as a Web Response. */
export function toWebResponse(response: TApiResponse): Response {
  return new Response(response.body as BodyInit | null, { status: response.status, headers: response.headers });
}

async function readWebBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let receivedBytes = 0;
  for (;;) {
    // A client that aborts mid-body is a bad request, not a server fault.
    const { done, value } = await reader.read().catch(() => {
      throw new AppError("invalid_request", { detail: "The request body could not be read." });
    });
    if (done) break;
    receivedBytes += value.byteLength;
    if (receivedBytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  const body = new Uint8Array(receivedBytes);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
