import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { designRevealKeys, designSeal } from "../helpers/design-md-client";
import { createSqliteTestDatabase, type TTestDatabase } from "../helpers/test-databases";
import { databaseUrlOf, startSystemServer, type TSystemServer } from "../helpers/system-server";

/** Set by the HTTP layer (or Next's), not by our handler: they may differ between the two paths. */
const TRANSPORT_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "vary"]);

type TAnswer = { status: number; headers: Record<string, string>; body: string };

async function send(baseUrl: string, path: string, init: RequestInit = {}): Promise<TAnswer> {
  // Next.js compresses on request and the lean server never does; ask both for plain bodies.
  const headers = new Headers(init.headers);
  headers.set("Accept-Encoding", "identity");
  const response = await fetch(`${baseUrl}${path}`, { ...init, headers, redirect: "manual" });
  const answerHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!TRANSPORT_HEADERS.has(name)) answerHeaders[name] = value;
  });
  return { status: response.status, headers: answerHeaders, body: await response.text() };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe("the lean server and the Next.js route handlers answer every API route alike", () => {
  let database: TTestDatabase;
  let lean: TSystemServer;
  let nextRoute: TSystemServer;
  const sealed = designSeal({ text: "parity" });
  const { proof: rightProof } = designRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf });
  const createBody = { envelope: sealed.envelope, verifier: sealed.verifier, expiresIn: 3600, maxViews: 2 };

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    const databaseUrl = databaseUrlOf(database.config);
    // Lean first: it migrates the file; Next.js then opens the migrated file.
    lean = await startSystemServer({ databaseUrl });
    nextRoute = await startSystemServer({ databaseUrl, mode: "next-route" });
  });
  afterAll(async () => {
    await Promise.all([lean?.kill("SIGTERM"), nextRoute?.kill("SIGTERM")]);
    await database?.drop();
  });

  /** Sends the same request to both and expects the same status, headers and body. */
  async function expectSameAnswer(path: string, init: () => RequestInit = () => ({})) {
    const [fromLean, fromNext] = [await send(lean.baseUrl, path, init()), await send(nextRoute.baseUrl, path, init())];
    expect(fromLean).toEqual(fromNext);
    expect(fromLean.headers["cache-control"]).toBe("no-store");
    expect(fromLean.headers["content-security-policy"]).toContain("default-src 'none'");
    return fromLean;
  }

  async function createSecret(): Promise<{ id: string; manageToken: string }> {
    const response = await send(lean.baseUrl, "/api/v1/secrets", json(createBody));
    expect(response.status).toBe(201);
    return JSON.parse(response.body) as { id: string; manageToken: string };
  }

  it("answers health, unknown paths and wrong methods alike", async () => {
    expect((await expectSameAnswer("/api/health")).status).toBe(200);
    expect((await expectSameAnswer("/api/v1/nothing-here")).status).toBe(404);
    expect((await expectSameAnswer("/api/v1/secrets", () => ({ method: "PUT" }))).headers.allow).toBeDefined();
    expect((await expectSameAnswer("/api/v1/me")).status).toBe(401);
  });

  it("answers creates alike, refusals included", async () => {
    const [fromLean, fromNext] = [await send(lean.baseUrl, "/api/v1/secrets", json(createBody)), await send(nextRoute.baseUrl, "/api/v1/secrets", json(createBody))];
    expect(fromLean.status).toBe(201);
    expect(fromLean.headers).toEqual(fromNext.headers);
    expect(Object.keys(JSON.parse(fromLean.body) as object)).toEqual(Object.keys(JSON.parse(fromNext.body) as object));

    expect((await expectSameAnswer("/api/v1/secrets", () => ({ ...json(createBody), headers: { "Content-Type": "text/plain" } }))).status).toBe(415);
    expect((await expectSameAnswer("/api/v1/secrets", () => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" }))).status).toBe(400);
    expect((await expectSameAnswer("/api/v1/secrets", () => json({ ...createBody, extra: true }))).status).toBe(400);
    expect((await expectSameAnswer("/api/v1/secrets", () => json({ ...createBody, maxViews: 0 }))).status).toBe(400);
    const oversized = () => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: `"${"x".repeat(1_100_000)}"` });
    expect((await expectSameAnswer("/api/v1/secrets", oversized)).status).toBe(413);
  });

  it("answers link opens alike, for live, unknown and malformed ids", async () => {
    const { id } = await createSecret();
    expect((await expectSameAnswer(`/api/v1/secrets/${id}`)).status).toBe(200);
    expect((await expectSameAnswer(`/api/v1/secrets/${id}`, () => ({ method: "HEAD" }))).body).toBe("");
    expect((await expectSameAnswer("/api/v1/secrets/AAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
    expect((await expectSameAnswer("/api/v1/secrets/not-an-id")).status).toBe(404);
  });

  it("answers reveals alike: the envelope as stored, wrong proofs, gone secrets", async () => {
    const [forLean, forNext] = [await createSecret(), await createSecret()];
    const wrongProof = json({ proof: "A".repeat(43) });
    const [wrongLean, wrongNext] = [await send(lean.baseUrl, `/api/v1/secrets/${forLean.id}/reveal`, wrongProof), await send(nextRoute.baseUrl, `/api/v1/secrets/${forNext.id}/reveal`, wrongProof)];
    expect(wrongLean.status).toBe(403);
    expect(wrongLean).toEqual(wrongNext);

    const proof = json({ proof: rightProof });
    const [revealedLean, revealedNext] = [await send(lean.baseUrl, `/api/v1/secrets/${forLean.id}/reveal`, proof), await send(nextRoute.baseUrl, `/api/v1/secrets/${forNext.id}/reveal`, proof)];
    expect(revealedLean.status).toBe(200);
    expect(revealedLean).toEqual(revealedNext);
    expect(JSON.parse(revealedLean.body)).toEqual({ envelope: sealed.envelope, viewsLeft: 1 });

    expect((await expectSameAnswer("/api/v1/secrets/AAAAAAAAAAAAAAAAAAAAAA/reveal", () => proof)).status).toBe(404);
    expect((await expectSameAnswer(`/api/v1/secrets/${forLean.id}/reveal`, () => json({ proof: "short" }))).status).toBe(400);
  });

  it("answers burns alike", async () => {
    const [forLean, forNext] = [await createSecret(), await createSecret()];
    expect((await expectSameAnswer(`/api/v1/secrets/${forLean.id}`, () => ({ method: "DELETE" }))).status).toBe(404);
    const burn = (secret: { id: string; manageToken: string }, baseUrl: string) =>
      send(baseUrl, `/api/v1/secrets/${secret.id}`, { method: "DELETE", headers: { Authorization: `Bearer ${secret.manageToken}` } });
    const [burnedLean, burnedNext] = [await burn(forLean, lean.baseUrl), await burn(forNext, nextRoute.baseUrl)];
    expect(burnedLean.status).toBe(204);
    expect(burnedLean).toEqual(burnedNext);
  });

  it("answers metrics with the same status and headers", async () => {
    const [fromLean, fromNext] = [await send(lean.baseUrl, "/api/metrics"), await send(nextRoute.baseUrl, "/api/metrics")];
    expect(fromLean.status).toBe(200);
    expect(fromLean.headers).toEqual(fromNext.headers);
  });

  /** A reveal page's answer with its per-request nonce blanked, so two answers compare. */
  const withoutNonce = (answer: TAnswer): TAnswer => {
    const blank = (text: string) => text.replace(/nonce-[A-Za-z0-9+/=]+/g, "nonce-*").replace(/nonce="[^"]*"/g, 'nonce="*"');
    return { ...answer, headers: Object.fromEntries(Object.entries(answer.headers).map(([name, value]) => [name, blank(value)])), body: blank(answer.body) };
  };

  it("serves the reveal page alike: its own nonce CSP, no-store, and the damaged-link page for any other path under /s/", async () => {
    const { id } = await createSecret();
    for (const [path, status] of [[`/s/${id}`, 200], [`/s/${id}?utm_source=chat`, 200], ["/s/not-an-id", 404], [`/s/${id}/extra`, 404]] as const) {
      const [fromLean, fromNext] = [await send(lean.baseUrl, path), await send(nextRoute.baseUrl, path)];
      expect(fromLean.status, path).toBe(status);
      expect(withoutNonce(fromLean), path).toEqual(withoutNonce(fromNext));
      expect(fromLean.headers["cache-control"]).toBe("no-store");
      expect(fromLean.headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
      expect(fromLean.headers["x-frame-options"]).toBe("DENY");
    }
    // A fresh nonce per answer.
    const [first, second] = [await send(lean.baseUrl, `/s/${id}`), await send(lean.baseUrl, `/s/${id}`)];
    expect(first.headers["content-security-policy"]).not.toBe(second.headers["content-security-policy"]);
  });

  it("serves the reveal page's hashed assets alike, compressed when asked, and nothing else under /reveal-assets/", async () => {
    const damaged = await send(lean.baseUrl, "/s/not-an-id");
    const script = /\/reveal-assets\/reveal-page\.[0-9a-f]{16}\.js/.exec(damaged.body)?.[0] ?? "";
    expect(script).not.toBe("");
    const [fromLean, fromNext] = [await send(lean.baseUrl, script), await send(nextRoute.baseUrl, script)];
    expect(fromLean.status).toBe(200);
    expect(fromLean).toEqual(fromNext);
    expect(fromLean.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    // The lean server sends what it compressed at build time, brotli first; Next.js
    // compresses on the fly (gzip). Either way the browser decodes the same bytes.
    for (const [accept, leanEncoding] of [["gzip, deflate", "gzip"], ["gzip, deflate, br, zstd", "br"], ["br;q=0, gzip", "gzip"]] as const) {
      for (const [baseUrl, encoding] of [[lean.baseUrl, leanEncoding], [nextRoute.baseUrl, "gzip"]] as const) {
        // fetch decodes the body it was sent; the header says what came over the wire.
        const response = await fetch(`${baseUrl}${script}`, { headers: { "Accept-Encoding": accept } });
        expect(response.headers.get("content-encoding"), `${baseUrl} ${accept}`).toBe(encoding);
        expect(await response.text(), `${baseUrl} ${accept}`).toBe(fromLean.body);
      }
    }
    const page = await fetch(`${lean.baseUrl}/s/not-an-id`, { headers: { "Accept-Encoding": "gzip, br" } });
    expect(page.headers.get("content-encoding")).toBe("br");
    expect(await page.text()).toContain("<!DOCTYPE html>");
    expect((await expectSameAnswerStatus("/reveal-assets/reveal-page.0000000000000000.js")).status).toBe(404);
  });

  async function expectSameAnswerStatus(path: string) {
    const [fromLean, fromNext] = [await send(lean.baseUrl, path), await send(nextRoute.baseUrl, path)];
    expect(fromLean).toEqual(fromNext);
    return fromLean;
  }
});
