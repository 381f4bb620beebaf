import type { z } from "zod";
import type { TEnvelopeV1 } from "@/lib/crypto";
import { readResponseJson } from "./read-response-json";
import {
  MAX_BODY_BYTES,
  ZApiErrorBody,
  ZCreateSecretRequest,
  ZCreateSecretResponse,
  ZDescribeSecretResponse,
  ZRevealSecretRequest,
  ZRevealSecretResponse,
  ZSecretId,
  type TCreateSecretRequest,
  type TCreateSecretResponse,
  type TDescribeSecretResponse,
  type TRevealSecretResponse,
} from "@/lib/validation";
import { ApiError, isServerErrorCode } from "./api-error";
import { ATTEMPTS_LEFT_HEADER, parseNonNegativeInt, parseRetryAfterSeconds } from "./response-headers";

export { parseRetryAfterSeconds };

/** Where and how to send requests. Defaults suit the browser: same origin, global fetch. */
export type TApiClientOptions = {
  /** Absolute origin for non-browser callers (tests); empty means same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
};

/**
 * What the form hands over: the envelope as lib/crypto types it (r and p are plain numbers
 * there); the shared schema narrows and checks it before anything is sent.
 */
export type TCreateSecretInput = Omit<TCreateSecretRequest, "envelope"> & { envelope: TEnvelopeV1 };

const API_PREFIX = "/api/v1/secrets";

function secretUrl(options: TApiClientOptions, id?: string, suffix = ""): string {
  const base = options.baseUrl?.replace(/\/+$/, "") ?? "";
  if (id === undefined) return `${base}${API_PREFIX}`;
  // The id comes from the address bar; refusing anything but 22 base64url characters keeps
  // it from reshaping the path ("../", "?", "#").
  if (!ZSecretId.safeParse(id).success) {
    throw new ApiError({ code: "not_found", status: 404, message: "This secret does not exist." });
  }
  return `${base}${API_PREFIX}/${id}${suffix}`;
}

async function send(url: string, init: RequestInit, options: TApiClientOptions): Promise<Response> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  try {
    return await fetchImpl(url, {
      ...init,
      cache: "no-store",
      credentials: "same-origin",
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({ code: "network_error", status: 0, message: "Could not reach the server." });
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const parsed = ZApiErrorBody.safeParse(await readResponseJson(response));
  const code = parsed.success && isServerErrorCode(parsed.data.error.code) ? parsed.data.error.code : "unexpected_response";
  const message = parsed.success ? parsed.data.error.message : `Unexpected response (HTTP ${response.status}).`;
  const attemptsLeft = code === "wrong_proof" ? parseNonNegativeInt(response.headers.get(ATTEMPTS_LEFT_HEADER)) : undefined;
  const retryAfterSeconds = response.status === 429 ? parseRetryAfterSeconds(response.headers.get("Retry-After")) : undefined;
  return new ApiError({
    code,
    status: response.status,
    message,
    ...(attemptsLeft !== undefined ? { attemptsLeft } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
}

async function parseSuccess<TSchema extends z.ZodType>(response: Response, schema: TSchema): Promise<z.infer<TSchema>> {
  const parsed = schema.safeParse(await readResponseJson(response));
  if (!parsed.success) {
    throw new ApiError({ code: "unexpected_response", status: response.status, message: "The server answered in an unexpected format." });
  }
  return parsed.data;
}

function jsonInit(method: "POST", body: unknown): RequestInit {
  return { method, headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body) };
}

/** POST /api/v1/secrets: stores an envelope the browser sealed. The body is checked before it is sent. */
export async function createSecret(
  options: TApiClientOptions & { request: TCreateSecretInput },
): Promise<TCreateSecretResponse> {
  const request = ZCreateSecretRequest.safeParse(options.request);
  if (!request.success) {
    throw new ApiError({ code: "invalid_request", status: 0, message: "The secret could not be prepared for sending." });
  }
  const init = jsonInit("POST", request.data);
  // Checked here too so a huge paste gets a clear answer without uploading a megabyte first.
  if (new TextEncoder().encode(String(init.body)).length > MAX_BODY_BYTES) {
    throw new ApiError({ code: "payload_too_large", status: 0, message: "The secret is too large." });
  }
  const response = await send(secretUrl(options), init, options);
  if (response.status !== 201 && response.status !== 200) throw await toApiError(response);
  return parseSuccess(response, ZCreateSecretResponse);
}

/** GET /api/v1/secrets/:id: expiry, views left and KDF parameters. Never consumes a view. */
export async function describeSecret(options: TApiClientOptions & { id: string }): Promise<TDescribeSecretResponse> {
  const response = await send(secretUrl(options, options.id), { method: "GET", headers: { Accept: "application/json" } }, options);
  if (response.status !== 200) throw await toApiError(response);
  return parseSuccess(response, ZDescribeSecretResponse);
}

/** POST /api/v1/secrets/:id/reveal: trades the proof for the envelope; consumes one view. */
export async function revealSecret(
  options: TApiClientOptions & { id: string; proof: string },
): Promise<TRevealSecretResponse> {
  const request = ZRevealSecretRequest.safeParse({ proof: options.proof });
  if (!request.success) {
    throw new ApiError({ code: "invalid_request", status: 0, message: "The reveal request could not be prepared." });
  }
  const response = await send(secretUrl(options, options.id, "/reveal"), jsonInit("POST", request.data), options);
  if (response.status !== 200) throw await toApiError(response);
  return parseSuccess(response, ZRevealSecretResponse);
}

/** DELETE /api/v1/secrets/:id with the manage token: destroys the secret now. */
export async function burnSecret(options: TApiClientOptions & { id: string; manageToken: string }): Promise<void> {
  const response = await send(
    secretUrl(options, options.id),
    { method: "DELETE", headers: { Authorization: `Bearer ${options.manageToken}`, Accept: "application/json" } },
    options,
  );
  if (response.status !== 204 && response.status !== 200) throw await toApiError(response);
}
