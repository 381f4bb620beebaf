import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgresReachable, postgresRequired, createPostgresTestDatabase, type TTestDatabase } from "../helpers/test-databases";
import { createOverHttp, revealOverHttp, viewsLeftOverHttp } from "../helpers/system-client";
import { databaseUrlOf, startSystemServer, type TSystemServer } from "../helpers/system-server";

const reachable = await isPostgresReachable();
if (!reachable && postgresRequired) throw new Error("PostgreSQL is required for the multi-instance tests");

describe.runIf(reachable)("two instances on one PostgreSQL", () => {
  let database: TTestDatabase;
  let a: TSystemServer;
  let b: TSystemServer;
  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    // One trusted proxy hop: each test names its own client address in X-Forwarded-For.
    const env = { RATE_LIMIT_CREATES_PER_MINUTE: "5", PURGE_INTERVAL_SECONDS: "1", MAX_WRONG_PROOFS: "10", TRUST_PROXY_HOPS: "1" };
    [a, b] = await Promise.all([startSystemServer({ databaseUrl: databaseUrlOf(database.config), env }), startSystemServer({ databaseUrl: databaseUrlOf(database.config), env })]);
  });
  afterAll(async () => {
    await Promise.all([a?.kill("SIGTERM"), b?.kill("SIGTERM")]);
    await database?.drop();
  });

  it("gives exactly one of 20 reveals split over both instances a 1-view secret", async () => {
    const secret = await createOverHttp(a.baseUrl, { text: "one view, two instances", headers: { "X-Forwarded-For": "198.51.100.1" } });
    expect(secret).not.toBeNull();
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, index) => revealOverHttp(index % 2 ? a.baseUrl : b.baseUrl, secret!)));
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 404)).toHaveLength(19);
    expect(await viewsLeftOverHttp(a.baseUrl, secret!.id)).toBeNull();
    expect(await viewsLeftOverHttp(b.baseUrl, secret!.id)).toBeNull();
  });

  it("shares the per-address create limit across instances (kept in the database)", async () => {
    const headers = { "X-Forwarded-For": "203.0.113.50" };
    const results: boolean[] = [];
    for (let index = 0; index < 6; index++) {
      results.push((await createOverHttp(index % 2 ? a.baseUrl : b.baseUrl, { text: `limited ${index}`, headers })) !== null);
    }
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(results[5]).toBe(false);
    expect(await createOverHttp(a.baseUrl, { text: "another address", headers: { "X-Forwarded-For": "203.0.113.51" } })).not.toBeNull();
  });

  it("counts wrong proofs on both instances towards the same burn", async () => {
    const secret = await createOverHttp(b.baseUrl, { text: "guess me", maxViews: 3, headers: { "X-Forwarded-For": "198.51.100.2" } });
    expect(secret).not.toBeNull();
    const wrong = { id: secret!.id, proof: "A".repeat(43) };
    const statuses: number[] = [];
    for (let index = 0; index < 10; index++) statuses.push(await revealOverHttp(index % 2 ? a.baseUrl : b.baseUrl, wrong));
    expect(statuses.slice(0, 9).every((status) => status === 403)).toBe(true);
    expect(statuses[9]).toBe(404);
    expect(await revealOverHttp(a.baseUrl, secret!)).toBe(404);
  });

  it("runs the purge on both instances without errors", async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    for (const server of [a, b]) {
      expect(server.output()).not.toMatch(/"level":"(error)"/);
      expect(server.output()).not.toContain("purge.failed");
    }
  });
});
