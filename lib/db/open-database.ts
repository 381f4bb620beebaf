import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client";
import type { TDatabaseConfig } from "./database-url";
import type { TDatabase, TPrismaClient } from "./types";

export const SQLITE_BUSY_TIMEOUT_MS = 5_000;
export const POSTGRES_CONNECT_TIMEOUT_MS = 3_000;
export const POSTGRES_STATEMENT_TIMEOUT_MS = 10_000;
export const DEFAULT_POSTGRES_POOL_SIZE = 10;
const RATE_LIMIT_POOL_SIZE = 4;

/** Opens a Prisma client on the configured database. Migrations are applied separately. */
export async function openDatabase(config: TDatabaseConfig, options: { poolSize?: number } = {}): Promise<TDatabase> {
  if (config.provider === "sqlite") {
    mkdirSync(path.dirname(config.filePath), { recursive: true });
    const adapter = new PrismaBetterSqlite3({ url: config.filePath, timeout: SQLITE_BUSY_TIMEOUT_MS });
    const prisma = new SqlitePrismaClient({ adapter });
    // WAL is a property of the file (set by the migrator); synchronous is per connection.
    // NORMAL in WAL mode survives a process crash; only an OS crash can lose the last commit.
    await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
    // SQLite enforces the schema's ON DELETE rules only with this per-connection switch.
    await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    const connection = new Database(config.filePath, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    connection.pragma("synchronous = NORMAL");
    return {
      provider: "sqlite",
      prisma,
      driver: { provider: "sqlite", connection },
      close: async () => {
        await prisma.$disconnect();
        connection.close();
      },
    };
  }
  const adapter = new PrismaPg({
    connectionString: config.url,
    max: options.poolSize ?? DEFAULT_POSTGRES_POOL_SIZE,
    // Fail fast when the database is unreachable instead of queueing requests forever.
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    statement_timeout: POSTGRES_STATEMENT_TIMEOUT_MS,
  });
  const prisma = new PostgresPrismaClient({ adapter }) as unknown as TPrismaClient;
  const pool = new pg.Pool({
    connectionString: config.url,
    max: RATE_LIMIT_POOL_SIZE,
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    statement_timeout: POSTGRES_STATEMENT_TIMEOUT_MS,
  });
  // An idle client that loses its server emits 'error'; without a listener that kills the process.
  pool.on("error", () => undefined);
  return {
    provider: "postgresql",
    prisma,
    driver: { provider: "postgresql", pool },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
