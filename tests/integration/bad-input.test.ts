import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeBase64Url } from "@/lib/crypto";
import { ZApiErrorBody } from "@/lib/validation";
import { testDatabaseKinds } from "../helpers/test-databases";
import { createSecretVia, proofFor, revealVia, sealForTest, startTestApi, type TTestApi } from "../helpers/test-api";

const kinds = await testDatabaseKinds();
const bytes = (length: number, fill = 7) => encodeBase64Url(new Uint8Array(length).fill(fill));

async function expectApiError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = ZApiErrorBody.parse(await response.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

describe.each(kinds)("bad input on %s", (kind) => {
  let api: TTestApi;
  let valid: Awaited<ReturnType<typeof sealForTest>>;
  const validBody = () => ({ envelope: structuredClone(valid.envelope), verifier: valid.verifier, expiresIn: 3600, maxViews: 1 });
  const countRows = () => api.context.db.prisma.secret.count();

  beforeAll(async () => {
    api = await startTestApi({ kind });
    valid = await sealForTest({ text: "valid" });
  });
  afterAll(async () => api?.close());

  const invalidCreateBodies: Array<[string, (body: ReturnType<typeof validBody>) => unknown]> = [
    ["an unknown top-level field", (body) => ({ ...body, extra: 1 })],
    ["an unknown envelope field", (body) => ({ ...body, envelope: { ...body.envelope, extra: "x" } })],
    ["a missing verifier", ({ verifier: _verifier, ...rest }) => rest],
    ["envelope version 2", (body) => ({ ...body, envelope: { ...body.envelope, v: 2 } })],
    ["another cipher", (body) => ({ ...body, envelope: { ...body.envelope, alg: "aes-256-gcm" } })],
    ["a 23-byte nonce", (body) => ({ ...body, envelope: { ...body.envelope, nonce: bytes(23) } })],
    ["a 25-byte nonce", (body) => ({ ...body, envelope: { ...body.envelope, nonce: bytes(25) } })],
    ["a padded base64 nonce", (body) => ({ ...body, envelope: { ...body.envelope, nonce: `${bytes(24)}=` } })],
    ["a standard-base64 ciphertext", (body) => ({ ...body, envelope: { ...body.envelope, ct: body.envelope.ct.replace(/-/g, "+").replace(/_/g, "/") + "+" } })],
    ["a 271-byte ciphertext", (body) => ({ ...body, envelope: { ...body.envelope, ct: bytes(271) } })],
    ["a 273-byte ciphertext", (body) => ({ ...body, envelope: { ...body.envelope, ct: bytes(273) } })],
    ["a 256-byte ciphertext", (body) => ({ ...body, envelope: { ...body.envelope, ct: bytes(256) } })],
    ["a 31-byte verifier", (body) => ({ ...body, verifier: bytes(31) })],
    ["a non-canonical verifier", (body) => ({ ...body, verifier: `${bytes(32).slice(0, 42)}B` })],
    ["expiresIn below 5 minutes", (body) => ({ ...body, expiresIn: 299 })],
    ["expiresIn above 30 days", (body) => ({ ...body, expiresIn: 2_592_001 })],
    ["a fractional expiresIn", (body) => ({ ...body, expiresIn: 3600.5 })],
    ["expiresIn as a string", (body) => ({ ...body, expiresIn: "3600" })],
    ["zero views", (body) => ({ ...body, maxViews: 0 })],
    ["101 views", (body) => ({ ...body, maxViews: 101 })],
    ["views as null", (body) => ({ ...body, maxViews: null })],
    ["scrypt with N = 2^14", (body) => ({ ...body, envelope: { ...body.envelope, kdf: { alg: "scrypt", N: 2 ** 14, r: 8, p: 1, salt: bytes(16) } } })],
    ["scrypt with N = 2^21", (body) => ({ ...body, envelope: { ...body.envelope, kdf: { alg: "scrypt", N: 2 ** 21, r: 8, p: 1, salt: bytes(16) } } })],
    ["scrypt with N not a power of two", (body) => ({ ...body, envelope: { ...body.envelope, kdf: { alg: "scrypt", N: 100_000, r: 8, p: 1, salt: bytes(16) } } })],
    ["scrypt with r = 4", (body) => ({ ...body, envelope: { ...body.envelope, kdf: { alg: "scrypt", N: 2 ** 17, r: 4, p: 1, salt: bytes(16) } } })],
    ["scrypt with p = 2", (body) => ({ ...body, envelope: { ...body.envelope, kdf: { alg: "scrypt", N: 2 ** 17, r: 8, p: 2, salt: bytes(16) } } })],
    ["scrypt with a 15-byte salt", (body) => ({ ...body, envelope: { ...body.envelope, kdf: { alg: "scrypt", N: 2 ** 17, r: 8, p: 1, salt: bytes(15) } } })],
    ["kdf none with extra fields", (body) => ({ ...body, envelope: { ...body.envelope, kdf: { alg: "none", salt: bytes(16) } } })],
    ["an unknown kdf", (body) => ({ ...body, envelope: { ...body.envelope, kdf: { alg: "argon2id" } } })],
    ["an array", () => [1, 2, 3]],
    ["null", () => null],
    ["a string", () => "hello"],
  ];

  it.each(invalidCreateBodies)("refuses a create with %s (400, nothing stored)", async (_name, mutate) => {
    const before = await countRows();
    const response = await api.postJson("/api/v1/secrets", mutate(validBody()));
    await expectApiError(response, 400, "invalid_request");
    expect(await countRows()).toBe(before);
  });

  it("accepts the boundaries DESIGN.md allows", async () => {
    for (const [expiresIn, maxViews] of [[300, 1], [2_592_000, 100]] as const) {
      const response = await api.postJson("/api/v1/secrets", { ...validBody(), expiresIn, maxViews });
      expect(response.status).toBe(201);
    }
    for (const N of [2 ** 15, 2 ** 20]) {
      const envelope = { ...valid.envelope, kdf: { alg: "scrypt", N, r: 8, p: 1, salt: bytes(16) } };
      const response = await api.postJson("/api/v1/secrets", { ...validBody(), envelope });
      expect(response.status).toBe(201);
    }
  });

  it("refuses bodies that are not JSON, or not declared as JSON", async () => {
    const post = (body: string, contentType?: string) =>
      api.call("/api/v1/secrets", { method: "POST", body, headers: contentType ? { "Content-Type": contentType } : {} });
    await expectApiError(await post(JSON.stringify(validBody())), 415, "unsupported_media_type");
    await expectApiError(await post(JSON.stringify(validBody()), "text/plain"), 415, "unsupported_media_type");
    await expectApiError(await post(JSON.stringify(validBody()), "application/x-www-form-urlencoded"), 415, "unsupported_media_type");
    await expectApiError(await post("{not json", "application/json"), 400, "invalid_json");
    await expectApiError(await post("", "application/json"), 400, "invalid_json");
    const accepted = await post(JSON.stringify(validBody()), "application/json; charset=utf-8");
    expect(accepted.status).toBe(201);
  });

  it("refuses bodies over 1 MiB with 413, declared or streamed", async () => {
    const before = await countRows();
    const huge = JSON.stringify({ ...validBody(), padding: "x".repeat(1_100_000) });
    await expectApiError(await api.postJson("/api/v1/secrets", JSON.parse(huge)), 413, "payload_too_large");

    let sentChunks = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sentChunks++;
        if (sentChunks > 200) controller.close();
        else controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const streamed = await api.call("/api/v1/secrets", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    await expectApiError(streamed, 413, "payload_too_large");
    // Reading stops at the limit: far fewer than the 200 chunks offered were pulled.
    expect(sentChunks).toBeLessThan(40);
    expect(await countRows()).toBe(before);
  });

  it("answers 404 for ids that are not 22 canonical base64url characters", async () => {
    for (const id of ["short", "A".repeat(21), "A".repeat(23), `${"A".repeat(21)}B`, "%2e%2e", "A".repeat(21) + "!", "A".repeat(22)]) {
      await expectApiError(await api.call(`/api/v1/secrets/${id}`), 404, "not_found");
      await expectApiError(await api.postJson(`/api/v1/secrets/${id}/reveal`, { proof: bytes(32) }), 404, "not_found");
    }
  });

  it("validates reveal bodies and consumes nothing on a refused one", async () => {
    const created = await createSecretVia(api, { text: "keep me" });
    await expectApiError(await api.postJson(`/api/v1/secrets/${created.id}/reveal`, { proof: bytes(31) }), 400, "invalid_request");
    await expectApiError(await api.postJson(`/api/v1/secrets/${created.id}/reveal`, { proof: bytes(32), extra: true }), 400, "invalid_request");
    await expectApiError(await api.postJson(`/api/v1/secrets/${created.id}/reveal`, {}), 400, "invalid_request");
    await expectApiError(
      await api.call(`/api/v1/secrets/${created.id}/reveal`, { method: "POST", body: JSON.stringify({ proof: bytes(32) }) }),
      415,
      "unsupported_media_type",
    );
    const { proof } = await proofFor(created);
    expect((await revealVia(api, { id: created.id, proof })).status).toBe(200);
  });

  it("answers unknown routes with 404 and wrong methods with 405, as JSON", async () => {
    await expectApiError(await api.call("/api/v1/nothing"), 404, "not_found");
    const wrongMethod = await api.call("/api/v1/secrets", { method: "GET" });
    await expectApiError(wrongMethod, 405, "method_not_allowed");
    expect(wrongMethod.headers.get("allow")).toBe("POST");
    await expectApiError(await api.call(`/api/v1/secrets/${"A".repeat(22)}/reveal`, { method: "GET" }), 405, "method_not_allowed");
  });

  it("sets the security headers on every API answer", async () => {
    const response = await api.call("/api/health");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe.each(kinds)("rate limits on %s", (kind) => {
  let api: TTestApi;
  beforeAll(async () => {
    api = await startTestApi({ kind, env: { RATE_LIMIT_CREATES_PER_MINUTE: "3", RATE_LIMIT_REVEALS_PER_MINUTE: "4" } });
  });
  afterAll(async () => api?.close());

  it("answers creates past the per-IP limit with 429 and Retry-After, other IPs unaffected", async () => {
    const sealed = await sealForTest({ text: "limited" });
    const body = { envelope: sealed.envelope, verifier: sealed.verifier, expiresIn: 600, maxViews: 1 };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.postJson("/api/v1/secrets", body, { socketIp: "192.0.2.1" })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await api.postJson("/api/v1/secrets", body, { socketIp: "192.0.2.1" });
    await expectApiError(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await api.postJson("/api/v1/secrets", body, { socketIp: "192.0.2.2" })).status).toBe(201);
  });

  it("ignores X-Forwarded-For unless a trusted proxy is configured", async () => {
    const sealed = await sealForTest({ text: "spoof" });
    const body = { envelope: sealed.envelope, verifier: sealed.verifier, expiresIn: 600, maxViews: 1 };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const headers = { "X-Forwarded-For": `198.51.100.${i}` };
      statuses.push((await api.postJson("/api/v1/secrets", body, { socketIp: "192.0.2.9", headers })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it("answers reveal attempts past the per-IP limit with 429 too_many_attempts", async () => {
    const created = await createSecretVia(api, { text: "guarded", maxViews: 10 }).catch(async () => {
      throw new Error("setup create was rate limited");
    });
    const { proof } = await proofFor(created);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await revealVia(api, { id: created.id, proof, socketIp: "203.0.113.5" })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    await expectApiError(await revealVia(api, { id: created.id, proof, socketIp: "203.0.113.5" }), 429, "too_many_attempts");
  });
});
