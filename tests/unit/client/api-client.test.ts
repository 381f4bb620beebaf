import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { ApiError, burnSecret, createSecret, describeSecret, parseRetryAfterSeconds, revealSecret } from "@/lib/client";
import type { TCreateSecretRequest } from "@/lib/validation";

const b64 = (byteLength: number) => randomBytes(byteLength).toString("base64url");
const BASE_URL = "http://hushlink.test";

function validCreateRequest(): TCreateSecretRequest {
  return {
    envelope: { v: 1, alg: "xsalsa20poly1305", kdf: { alg: "none" }, nonce: b64(24), ct: b64(272) },
    verifier: b64(32),
    expiresIn: 86_400,
    maxViews: 1,
  };
}

type TCall = { url: string; init: RequestInit };

function fakeFetch(respond: (call: TCall) => Response | Promise<Response>) {
  const calls: TCall[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return respond(call);
  });
  return { fetch: fetchImpl as unknown as typeof fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
const errorBody = (code: string, message = "nope") => ({ error: { code, message } });

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("createSecret", () => {
  it("POSTs the request as JSON and returns the parsed 201 body", async () => {
    const id = b64(16);
    const created = { id, expiresAt: "2030-01-01T00:00:00.000Z", maxViews: 1, manageToken: "mt_abc" };
    const { fetch, calls } = fakeFetch(() => json(201, created));
    const request = validCreateRequest();

    await expect(createSecret({ baseUrl: BASE_URL, fetch, request })).resolves.toEqual(created);

    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`${BASE_URL}/api/v1/secrets`);
    expect(calls[0]?.init.method).toBe("POST");
    expect(new Headers(calls[0]?.init.headers).get("Content-Type")).toBe("application/json");
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(request);
    expect(calls[0]?.init.cache).toBe("no-store");
  });

  it("refuses a request that breaks the shared schema without sending anything", async () => {
    const { fetch, calls } = fakeFetch(() => json(201, {}));
    const error = await caught(createSecret({ fetch, request: { ...validCreateRequest(), maxViews: 101 } }));
    expect(error.code).toBe("invalid_request");
    expect(calls).toHaveLength(0);
  });

  it("refuses a body over the 1 MiB limit before uploading it", async () => {
    const { fetch, calls } = fakeFetch(() => json(201, {}));
    const request = validCreateRequest();
    request.envelope.ct = b64(16 + 256 * 4_200);
    expect(await caught(createSecret({ fetch, request }))).toMatchObject({ code: "payload_too_large", status: 0 });
    expect(calls).toHaveLength(0);
  });

  it("turns 413 into payload_too_large and 429 into rate_limited with Retry-After", async () => {
    const tooLarge = fakeFetch(() => json(413, errorBody("payload_too_large")));
    expect((await caught(createSecret({ fetch: tooLarge.fetch, request: validCreateRequest() }))).code).toBe("payload_too_large");

    const limited = fakeFetch(() => json(429, errorBody("rate_limited", "slow down"), { "Retry-After": "30" }));
    const error = await caught(createSecret({ fetch: limited.fetch, request: validCreateRequest() }));
    expect(error).toMatchObject({ code: "rate_limited", status: 429, message: "slow down", retryAfterSeconds: 30 });
  });

  it("reports a success body that does not match the contract as unexpected_response", async () => {
    const { fetch } = fakeFetch(() => json(201, { id: "short", expiresAt: "soon" }));
    expect((await caught(createSecret({ fetch, request: validCreateRequest() }))).code).toBe("unexpected_response");
  });
});

describe("describeSecret", () => {
  it("GETs the metadata and parses it", async () => {
    const id = b64(16);
    const body = { id, expiresAt: "2030-01-01T00:00:00.000Z", viewsLeft: 3, kdf: { alg: "scrypt", N: 131_072, r: 8, p: 1, salt: b64(16) } };
    const { fetch, calls } = fakeFetch(() => json(200, body));
    await expect(describeSecret({ fetch, id })).resolves.toEqual(body);
    expect(calls[0]?.url).toBe(`/api/v1/secrets/${id}`);
    expect(calls[0]?.init.method).toBe("GET");
  });

  it("turns 404 into not_found", async () => {
    const { fetch } = fakeFetch(() => json(404, errorBody("not_found")));
    expect(await caught(describeSecret({ fetch, id: b64(16) }))).toMatchObject({ code: "not_found", status: 404 });
  });

  it("answers not_found for a malformed id without sending it anywhere", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    for (const id of ["", "abc", "../../api/health", `${b64(16)}?x=1`, `${b64(16)}A`]) {
      expect((await caught(describeSecret({ fetch, id }))).code).toBe("not_found");
    }
    expect(calls).toHaveLength(0);
  });

  it("maps a network failure to network_error and a non-JSON error page to unexpected_response", async () => {
    const offline = fakeFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(await caught(describeSecret({ fetch: offline.fetch, id: b64(16) }))).toMatchObject({ code: "network_error", status: 0 });

    const proxyError = fakeFetch(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(await caught(describeSecret({ fetch: proxyError.fetch, id: b64(16) }))).toMatchObject({ code: "unexpected_response", status: 502 });
  });

  it("maps an unknown error code to unexpected_response", async () => {
    const { fetch } = fakeFetch(() => json(500, errorBody("teapot_overflow")));
    expect((await caught(describeSecret({ fetch, id: b64(16) }))).code).toBe("unexpected_response");
  });

  it("passes database_unavailable through", async () => {
    const { fetch } = fakeFetch(() => json(503, errorBody("database_unavailable")));
    expect((await caught(describeSecret({ fetch, id: b64(16) }))).code).toBe("database_unavailable");
  });
});

describe("revealSecret", () => {
  it("POSTs the proof and returns the envelope", async () => {
    const id = b64(16);
    const proof = b64(32);
    const body = { envelope: validCreateRequest().envelope, viewsLeft: 0 };
    const { fetch, calls } = fakeFetch(() => json(200, body));
    await expect(revealSecret({ fetch, id, proof })).resolves.toEqual(body);
    expect(calls[0]?.url).toBe(`/api/v1/secrets/${id}/reveal`);
    expect(calls[0]?.init.method).toBe("POST");
    expect(new Headers(calls[0]?.init.headers).get("Content-Type")).toBe("application/json");
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ proof });
  });

  it("reads the attempts left from the header on wrong_proof", async () => {
    const { fetch } = fakeFetch(() => json(403, errorBody("wrong_proof"), { "Hushlink-Attempts-Left": "7" }));
    expect(await caught(revealSecret({ fetch, id: b64(16), proof: b64(32) }))).toMatchObject({
      code: "wrong_proof",
      status: 403,
      attemptsLeft: 7,
    });
  });

  it("leaves attemptsLeft undefined when the header is missing or garbled", async () => {
    const { fetch } = fakeFetch(() => json(403, errorBody("wrong_proof"), { "Hushlink-Attempts-Left": "many" }));
    expect((await caught(revealSecret({ fetch, id: b64(16), proof: b64(32) }))).attemptsLeft).toBeUndefined();
  });

  it("turns 429 too_many_attempts into a typed error with the wait from an HTTP-date Retry-After", async () => {
    const retryAt = new Date(Date.now() + 120_000).toUTCString();
    const { fetch } = fakeFetch(() => json(429, errorBody("too_many_attempts"), { "Retry-After": retryAt }));
    const error = await caught(revealSecret({ fetch, id: b64(16), proof: b64(32) }));
    expect(error.code).toBe("too_many_attempts");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(118);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it("refuses a proof of the wrong length without sending it", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    expect((await caught(revealSecret({ fetch, id: b64(16), proof: b64(31) }))).code).toBe("invalid_request");
    expect(calls).toHaveLength(0);
  });
});

describe("burnSecret", () => {
  it("sends DELETE with the manage token as a Bearer token and accepts 204", async () => {
    const id = b64(16);
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }));
    await expect(burnSecret({ fetch, id, manageToken: "mt_secret" })).resolves.toBeUndefined();
    expect(calls[0]?.url).toBe(`/api/v1/secrets/${id}`);
    expect(calls[0]?.init.method).toBe("DELETE");
    expect(new Headers(calls[0]?.init.headers).get("Authorization")).toBe("Bearer mt_secret");
  });

  it("turns 404 into not_found", async () => {
    const { fetch } = fakeFetch(() => json(404, errorBody("not_found")));
    expect((await caught(burnSecret({ fetch, id: b64(16), manageToken: "x" }))).code).toBe("not_found");
  });
});

describe("parseRetryAfterSeconds", () => {
  it("reads delta-seconds, HTTP dates and rejects garbage", () => {
    const nowMs = Date.parse("2030-01-01T00:00:00Z");
    expect(parseRetryAfterSeconds("12", nowMs)).toBe(12);
    expect(parseRetryAfterSeconds("Tue, 01 Jan 2030 00:01:00 GMT", nowMs)).toBe(60);
    expect(parseRetryAfterSeconds("Mon, 31 Dec 2029 00:00:00 GMT", nowMs)).toBe(0);
    expect(parseRetryAfterSeconds("-5", nowMs)).toBeUndefined();
    expect(parseRetryAfterSeconds("soon", nowMs)).toBeUndefined();
    expect(parseRetryAfterSeconds(null, nowMs)).toBeUndefined();
  });
});

describe("user messages", () => {
  it("tells how long to wait when rate limited and never repeats the server's words", async () => {
    const { messageForCreateError, messageForTransientError } = await import("@/lib/client");
    const limited = new ApiError({ code: "rate_limited", status: 429, message: "internal detail", retryAfterSeconds: 30 });
    expect(messageForCreateError(limited)).toBe("Too many links were created from your network. Try again in 30 seconds.");
    expect(messageForCreateError(limited)).not.toContain("internal detail");
    const attempts = new ApiError({ code: "too_many_attempts", status: 429, message: "x", retryAfterSeconds: 600 });
    expect(messageForTransientError(attempts)).toBe("Too many attempts. Wait and try again in about 10 minutes.");
  });
});
