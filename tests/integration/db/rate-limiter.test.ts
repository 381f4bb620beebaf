import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, createRateLimiter, openDatabase, type TDatabase, type TRateLimitDecision } from "@/lib/db";
import { createTestDatabase, testDatabaseKinds, type TTestDatabase } from "../../helpers/test-databases";

const kinds = await testDatabaseKinds();
const allowedCount = (decisions: TRateLimitDecision[]) => decisions.filter((decision) => decision.allowed).length;

/** A clock the test moves by hand. */
function manualClock(startMs = Date.UTC(2026, 10, 29, 12)) {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms: number) => (nowMs += ms) };
}

describe.each(kinds)("leased rate limiter on %s", (kind) => {
  let database: TTestDatabase;
  let db: TDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await applyMigrations(database.config);
    db = await openDatabase(database.config);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it("admits exactly the limit per window, then refuses with the seconds left until the window ends", async () => {
    const clock = manualClock();
    const limiter = createRateLimiter(db, { name: `exact-${kind}`, points: 25, durationSeconds: 60, leasePoints: 4, now: clock.now });
    const decisions = await Promise.all(Array.from({ length: 40 }, () => limiter.consume("203.0.113.7")));
    expect(allowedCount(decisions)).toBe(25);
    clock.advance(20_000);
    expect(await limiter.consume("203.0.113.7")).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect((await limiter.consume("198.51.100.1")).allowed).toBe(true);
  });

  it("starts a fresh window once the old one has ended", async () => {
    const clock = manualClock();
    const limiter = createRateLimiter(db, { name: `windows-${kind}`, points: 3, durationSeconds: 60, now: clock.now });
    const first = [];
    for (let index = 0; index < 4; index++) first.push(await limiter.consume("key"));
    expect(first.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    clock.advance(60_000);
    expect((await limiter.consume("key")).allowed).toBe(true);
  });
});

describe.runIf(kinds.includes("postgresql"))("leased rate limiter shared through PostgreSQL", () => {
  let database: TTestDatabase;
  let first: TDatabase;
  let second: TDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    await applyMigrations(database.config);
    first = await openDatabase(database.config);
    second = await openDatabase(database.config);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  const storedPoints = async (key: string) => {
    if (first.driver.provider !== "postgresql") throw new Error("postgresql only");
    const result = await first.driver.pool.query<{ points: number }>("SELECT points FROM rate_limits WHERE key = $1", [key]);
    return result.rows[0]?.points;
  };

  it("takes points from the database a lease at a time, not per request", async () => {
    const clock = manualClock();
    const limiter = createRateLimiter(first, { name: "lease", points: 100, durationSeconds: 60, leasePoints: 10, now: clock.now });
    for (let index = 0; index < 7; index++) expect((await limiter.consume("client")).allowed).toBe(true);
    expect(await storedPoints("lease:client")).toBe(10);
    for (let index = 0; index < 4; index++) await limiter.consume("client");
    expect(await storedPoints("lease:client")).toBe(20);
  });

  it("never lets two instances together admit more than the limit, and starves neither by more than a lease each", async () => {
    const clock = manualClock();
    const settings = { name: "shared", points: 50, durationSeconds: 60, leasePoints: 5, now: clock.now };
    const instances = [createRateLimiter(first, settings), createRateLimiter(second, settings)];
    const decisions = await Promise.all(Array.from({ length: 120 }, (_, index) => instances[index % 2]!.consume("10.1.2.3")));
    const admitted = allowedCount(decisions);
    expect(admitted).toBeLessThanOrEqual(50);
    expect(admitted).toBeGreaterThanOrEqual(50 - 2 * (5 - 1));
    // Both refuse from now on without asking the database again, until the window ends.
    expect((await instances[0]!.consume("10.1.2.3")).allowed).toBe(false);
    expect((await instances[1]!.consume("10.1.2.3")).allowed).toBe(false);
    clock.advance(60_000);
    expect((await instances[1]!.consume("10.1.2.3")).allowed).toBe(true);
  });
});
