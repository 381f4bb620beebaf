import { ApiError, isServerErrorCode } from "./api-error";

/**
 * A same-origin API call with the session cookie, turning error bodies into ApiError and
 * parsing success bodies with the caller's schema. Used by the signed-in pages.
 */
export async function sessionFetch<T>(path: string, init: RequestInit = {}, parse?: (value: unknown) => T): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin", cache: "no-store", ...init, headers: { Accept: "application/json", ...init.headers } });
  } catch {
    throw new ApiError({ code: "network_error", status: 0, message: "Could not reach the server." });
  }
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  if (!response.ok) {
    const code = body?.error?.code && isServerErrorCode(body.error.code) ? body.error.code : "unexpected_response";
    throw new ApiError({ code, status: response.status, message: body?.error?.message ?? `HTTP ${response.status}` });
  }
  return parse ? parse(body) : (undefined as T);
}

export const jsonRequest = (method: "POST" | "PUT", value: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(value),
});
