import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { describeError, logEvent } from "@/lib/log";
import { createPostgresHotStatements } from "./driver/postgres-hot-statements";
import { startSqliteCheckpointer, SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES, type TSqliteCheckpointer } from "./driver/sqlite-checkpointer";
import { createSqliteHotStatements } from "./driver/sqlite-hot-statements";
import { SqliteSharedConnection } from "./driver/sqlite-shared-connection";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client";
import type { TDatabaseConfig } from "./database-url";
import type { TDatabase, TPrismaClient } from "./types";

export const SQLITE_BUSY_TIMEOUT_MS = 5_000;
/** A WAL file grown past this by a burst is cut back to it when the log restarts. */
export const SQLITE_WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
export const SQLITE_CACHE_KIB = 16_384;
export const POSTGRES_CONNECT_TIMEOUT_MS = 3_000;
export const POSTGRES_STATEMENT_TIMEOUT_MS = 10_000;
export const DEFAULT_POSTGRES_POOL_SIZE = 10;

/**
 * Opens a Prisma client on the configured database. Migrations are applied separately.
 * `checkpointInBackground`: SQLite's WAL checkpoints on a worker thread instead of inside
 * whichever commit crosses the threshold (sqlite-checkpointer.ts); for the server's
 * long-lived connection.
 */
export async function openDatabase(config: TDatabaseConfig, options: { poolSize?: number; checkpointInBackground?: boolean } = {}): Promise<TDatabase> {
  if (config.provider === "sqlite") {
    mkdirSync(path.dirname(config.filePath), { recursive: true });
    // One connection for Prisma and the hot statements alike: a second one would be a second
    // writer waiting for the file's write lock.
    const shared = new SqliteSharedConnection(new PrismaBetterSqlite3({ url: config.filePath, timeout: SQLITE_BUSY_TIMEOUT_MS }));
    const prisma = new SqlitePrismaClient({ adapter: shared });
    // WAL is a property of the file (set by the migrator); synchronous is per connection.
    // NORMAL in WAL mode survives a process crash; only an OS crash can lose the last commit.
    await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
    // The default page cache is 2 MB; a million-row table's indexes outgrow it, and lookups
    // would read even their upper levels back from the file. Up to 16 MiB, taken only as the
    // database grows (the leaves of a random-id index never fit; the OS cache holds them).
    await prisma.$queryRawUnsafe(`PRAGMA cache_size = -${SQLITE_CACHE_KIB}`);
    // SQLite enforces the schema's ON DELETE rules only with this per-connection switch.
    await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    await prisma.$queryRawUnsafe(`PRAGMA journal_size_limit = ${SQLITE_WAL_SIZE_LIMIT_BYTES}`);
    let checkpointer: TSqliteCheckpointer | undefined;
    if (options.checkpointInBackground) {
      checkpointer = await startSqliteCheckpointer({
        filePath: config.filePath,
        disableAutocheckpoint: () => prisma.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 0"),
        enableAutocheckpoint: () => prisma.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`),
      }).catch((error: unknown) => {
        // SQLite's own checkpoint stays on: slower commits on a large table, nothing lost.
        logEvent("warn", "db.checkpointer_unavailable", describeError(error));
        return undefined;
      });
    }
    return {
      provider: "sqlite",
      prisma,
      driver: { provider: "sqlite", shared },
      hot: createSqliteHotStatements(shared),
      close: async () => {
        await checkpointer?.stop();
        await prisma.$disconnect();
      },
    };
  }
  // One pool for Prisma, the hot statements and the rate limiter, so the configured size is
  // the number of connections this instance holds.
  const pool = new pg.Pool({
    connectionString: config.url,
    max: options.poolSize ?? DEFAULT_POSTGRES_POOL_SIZE,
    // Fail fast when the database is unreachable instead of queueing requests forever.
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    statement_timeout: POSTGRES_STATEMENT_TIMEOUT_MS,
  });
  // An idle client that loses its server emits 'error'; without a listener that kills the process.
  pool.on("error", () => undefined);
  const prisma = new PostgresPrismaClient({ adapter: new PrismaPg(pool) }) as unknown as TPrismaClient;
  return {
    provider: "postgresql",
    prisma,
    driver: { provider: "postgresql", pool },
    hot: createPostgresHotStatements(pool),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
