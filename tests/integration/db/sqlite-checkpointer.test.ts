import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, insertSecret, openDatabase, type TDatabase } from "@/lib/db";
import { createSqliteTestDatabase, type TTestDatabase } from "../../helpers/test-databases";

function secretRow() {
  const createdAt = new Date();
  return {
    id: randomBytes(16).toString("base64url"),
    // Big enough that a few hundred rows fill well over SQLite's 1,000-page threshold.
    envelopeJson: JSON.stringify({ ct: randomBytes(6_000).toString("base64url") }),
    verifier: randomBytes(32).toString("base64url"),
    manageTokenHash: randomBytes(32).toString("base64url"),
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 3_600_000),
    maxViews: 1,
  };
}

/**
 * The WAL's state as another connection sees it: frames in the log and frames already copied
 * back. NOOP only reports: this observer must not do the worker's job.
 */
function walFrames(filePath: string): { log: number; checkpointed: number } {
  const observer = new Database(filePath, { timeout: 5_000 });
  try {
    const [row] = observer.pragma("wal_checkpoint(NOOP)") as Array<{ busy: number; log: number; checkpointed: number }>;
    return { log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 };
  } finally {
    observer.close();
  }
}

const autocheckpointPages = async (db: TDatabase) => Number(((await db.prisma.$queryRawUnsafe("PRAGMA wal_autocheckpoint")) as Array<Record<string, bigint | number>>)[0]?.wal_autocheckpoint);

describe("SQLite checkpoints on a worker thread", () => {
  let database: TTestDatabase | undefined;
  let db: TDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    await database?.drop();
  });

  it("turns the serving connection's automatic checkpoint off and keeps the WAL copied back while it writes", async () => {
    database = await createSqliteTestDatabase();
    await applyMigrations(database.config);
    if (database.config.provider !== "sqlite") throw new Error("sqlite only");
    db = await openDatabase(database.config, { checkpointInBackground: true });
    await expect(autocheckpointPages(db)).resolves.toBe(0);

    for (let row = 0; row < 600; row++) await insertSecret(db, secretRow());
    const walBytes = statSync(`${database.config.filePath}-wal`).size;
    // 600 rows of 6 kB each: several MB went through the WAL, past SQLite's 1,000 pages.
    expect(walBytes).toBeGreaterThan(4 * 1024 * 1024);

    // Within a few of the worker's ticks everything written is back in the database file
    // (with the automatic checkpoint off, nothing else copies it).
    let frames = walFrames(database.config.filePath);
    for (let tick = 0; tick < 50 && frames.checkpointed < frames.log; tick++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      frames = walFrames(database.config.filePath);
    }
    expect(frames.log).toBeGreaterThan(0);
    expect(frames.checkpointed).toBe(frames.log);
    await expect(db.prisma.secret.count()).resolves.toBe(600);
  });

  it("leaves SQLite's automatic checkpoint on for a connection opened without it", async () => {
    database = await createSqliteTestDatabase();
    await applyMigrations(database.config);
    db = await openDatabase(database.config);
    await expect(autocheckpointPages(db)).resolves.toBe(1_000);
  });

  it("stops its worker on close, so a closed database holds no thread and no file handle", async () => {
    database = await createSqliteTestDatabase();
    await applyMigrations(database.config);
    if (database.config.provider !== "sqlite") throw new Error("sqlite only");
    db = await openDatabase(database.config, { checkpointInBackground: true });
    await insertSecret(db, secretRow());
    await db.close();
    db = undefined;
    // With every connection closed SQLite folds the WAL back in and removes it.
    const writer = new Database(database.config.filePath);
    try {
      expect((writer.pragma("journal_mode", { simple: true }) as string).toLowerCase()).toBe("wal");
      expect(writer.prepare("SELECT count(*) AS n FROM secrets").get()).toEqual({ n: 1 });
    } finally {
      writer.close();
    }
  });
});
