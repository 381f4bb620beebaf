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
});
