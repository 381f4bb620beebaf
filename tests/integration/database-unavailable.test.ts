import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, findLiveSecret, isDatabaseUnavailableError, openDatabase, type TDatabase } from "@/lib/db";
import { createPostgresTestDatabase, isPostgresReachable, postgresRequired, type TTestDatabase } from "../helpers/test-databases";
import { startTcpProxy } from "../helpers/system-tcp-proxy";

const reachable = await isPostgresReachable();
if (!reachable && postgresRequired) throw new Error("PostgreSQL is required for the unavailable-database test");

/**
 * Whatever shape the driver, the adapter or Prisma gives a lost connection, the API must
 * see "unavailable" (503, retry) and never "bug" (500). Every kind of query we run goes
 * through a proxy that is cut while the queries are in flight.
 */
describe.runIf(reachable)("errors from a PostgreSQL that went away", () => {
  let database: TTestDatabase;
  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    await applyMigrations(database.config);
  });
  afterAll(async () => database?.drop());

  it.each(["refuse", "blackhole"] as const)("are all classified as unavailable (%s)", { timeout: 30_000 }, async (how) => {
    const proxy = await startTcpProxy({ targetPort: 5432 });
    const url = new URL(database.config.provider === "postgresql" ? database.config.url : "");
    url.host = `127.0.0.1:${proxy.port}`;
    const db: TDatabase = await openDatabase({ provider: "postgresql", url: url.toString() }, { poolSize: 3 });
    const queries = {
      raw: () => findLiveSecret(db, { id: "not-there", now: new Date() }),
      orm: () => db.prisma.secret.findFirst({ where: { id: "not-there" } }),
      transaction: () => db.prisma.$transaction([db.prisma.secret.count(), db.prisma.secret.findFirst()]),
    };
    const thrown: unknown[] = [];
    let stop = false;
    const loop = async (query: () => Promise<unknown>) => {
      while (!stop) {
        await query().catch((error: unknown) => thrown.push(error));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    try {
      const loops = Promise.all(Object.values(queries).map(loop));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(thrown).toEqual([]);
      proxy.cut(how);
      await new Promise((resolve) => setTimeout(resolve, how === "blackhole" ? 7_000 : 1_500));
      stop = true;
      await loops;
      expect(thrown.length).toBeGreaterThan(0);
      const misread = thrown.filter((error) => !isDatabaseUnavailableError(error)).map((error) => String((error as Error).message ?? error));
      expect(misread).toEqual([]);
    } finally {
      await db.close();
      await proxy.close();
    }
  });

  it("does not call a query's own mistake unavailable", async () => {
    const db = await openDatabase(database.config);
    try {
      const error = await db.prisma.$queryRawUnsafe("SELECT * FROM no_such_table").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Error);
      expect(isDatabaseUnavailableError(error)).toBe(false);
    } finally {
      await db.close();
    }
  });
});
