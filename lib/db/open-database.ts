import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createPostgresHotStatements } from "./driver/postgres-hot-statements";
import { createSqliteHotStatements } from "./driver/sqlite-hot-statements";
import { SqliteSharedConnection } from "./driver/sqlite-shared-connection";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client";
import type { TDatabaseConfig } from "./database-url";
import type { TDatabase, TPrismaClient } from "./types";

export const SQLITE_BUSY_TIMEOUT_MS = 5_000;
export const POSTGRES_CONNECT_TIMEOUT_MS = 3_000;
export const POSTGRES_STATEMENT_TIMEOUT_MS = 10_000;
export const DEFAULT_POSTGRES_POOL_SIZE = 10;

/** Opens a Prisma client on the configured database. Migrations are applied separately. */
export async function openDatabase(config: TDatabaseConfig, options: { poolSize?: number } = {}): Promise<TDatabase> {
  if (config.provider === "sqlite") {
    mkdirSync(path.dirname(config.filePath), { recursive: true });
    // One connection for Prisma and the hot statements alike: a second one would be a second
    // writer waiting for the file's write lock.
    const shared = new SqliteSharedConnection(new PrismaBetterSqlite3({ url: config.filePath, timeout: SQLITE_BUSY_TIMEOUT_MS }));
    const prisma = new SqlitePrismaClient({ adapter: shared });
    // WAL is a property of the file (set by the migrator); synchronous is per connection.
    // NORMAL in WAL mode survives a process crash; only an OS crash can lose the last commit.
    await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
    // SQLite enforces the schema's ON DELETE rules only with this per-connection switch.
    await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    return {
      provider: "sqlite",
      prisma,
      driver: { provider: "sqlite", shared },
      hot: createSqliteHotStatements(shared),
      close: async () => {
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
