// The two API calls the reveal page makes, with hand-written response checks instead of the
// zod schemas lib/client uses: zod alone would be four times the page's whole script. The
// envelope is checked field by field by lib/crypto before anything is decrypted.
import type { TEnvelopeV1, TKdfParams } from "@/lib/crypto";
import { ApiError, isServerErrorCode } from "@/lib/client/api-error";
import { readResponseJson } from "@/lib/client/read-response-json";
import { ATTEMPTS_LEFT_HEADER, parseNonNegativeInt, parseRetryAfterSeconds } from "@/lib/client/response-headers";

export type TFetch = typeof fetch;

/** What GET /api/v1/secrets/:id says about a link (DESIGN.md section 2). */
export type TLinkMeta = { expiresAt: string; viewsLeft: number; kdf: TKdfParams; restrictedToTeam: boolean };

export const describePath = (id: string) => `/api/v1/secrets/${id}`;
export const revealPath = (id: string) => `/api/v1/secrets/${id}/reveal`;

/** The init of the describe request; the page's early fetch in <head> uses the same. */
export const DESCRIBE_INIT: RequestInit = { method: "GET", headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0;

const unexpected = (status: number) => new ApiError({ code: "unexpected_response", status, message: "The server answered in an unexpected format." });

async function toApiError(response: Response): Promise<ApiError> {
  const body = await readResponseJson(response);
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const rawCode = typeof error?.code === "string" ? error.code : "";
  const code = isServerErrorCode(rawCode) ? rawCode : "unexpected_response";
  const attemptsLeft = code === "wrong_proof" ? parseNonNegativeInt(response.headers.get(ATTEMPTS_LEFT_HEADER)) : undefined;
  const retryAfterSeconds = response.status === 429 ? parseRetryAfterSeconds(response.headers.get("Retry-After")) : undefined;
  return new ApiError({
    code,
    status: response.status,
    message: typeof error?.message === "string" ? error.message : `Unexpected response (HTTP ${response.status}).`,
    ...(attemptsLeft !== undefined ? { attemptsLeft } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
}

function parseKdf(value: unknown): TKdfParams | null {
  if (!isRecord(value)) return null;
  if (value.alg === "none") return { alg: "none" };
  if (value.alg === "scrypt" && isCount(value.N) && isCount(value.r) && isCount(value.p) && typeof value.salt === "string") {
    return { alg: "scrypt", N: value.N, r: value.r, p: value.p, salt: value.salt };
  }
  return null;
}

/** A network failure as the API client reports it; an abort stays an abort. */
export function networkError(error: unknown): unknown {
  if (error instanceof DOMException && error.name === "AbortError") return error;
  return new ApiError({ code: "network_error", status: 0, message: "Could not reach the server." });
}

/** Reads a describe answer (from `fetchDescribe` or the page's early fetch). Throws ApiError. */
export async function readDescribeResponse(response: Response): Promise<TLinkMeta> {
  if (response.status !== 200) throw await toApiError(response);
  const body = await readResponseJson(response);
  if (!isRecord(body)) throw unexpected(response.status);
  const kdf = parseKdf(body.kdf);
  if (typeof body.expiresAt !== "string" || Number.isNaN(Date.parse(body.expiresAt)) || !isCount(body.viewsLeft) || !kdf) {
    throw unexpected(response.status);
  }
  return { expiresAt: body.expiresAt, viewsLeft: body.viewsLeft, kdf, restrictedToTeam: body.restrictedToTeam === true };
}

export async function fetchDescribe(options: { id: string; fetch: TFetch }): Promise<Response> {
  try {
    return await options.fetch(describePath(options.id), DESCRIBE_INIT);
  } catch (error) {
    throw networkError(error);
  }
}

/** POST /api/v1/secrets/:id/reveal: trades the proof for the envelope; consumes one view. Throws ApiError. */
export async function postReveal(options: { id: string; proof: string; fetch: TFetch }): Promise<{ envelope: TEnvelopeV1; viewsLeft: number }> {
  let response: Response;
  try {
    response = await options.fetch(revealPath(options.id), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ proof: options.proof }),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (error) {
    throw networkError(error);
  }
  if (response.status !== 200) throw await toApiError(response);
  const body = await readResponseJson(response);
  if (!isRecord(body) || !isRecord(body.envelope) || !isCount(body.viewsLeft)) throw unexpected(response.status);
  // lib/crypto's openEnvelope checks every envelope field before it decrypts.
  return { envelope: body.envelope as unknown as TEnvelopeV1, viewsLeft: body.viewsLeft };
}
