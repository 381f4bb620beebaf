import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { TDatabaseConfig } from "./database-url";

type TMigration = { name: string; sql: string; checksum: string };

// Any constant shared by all instances; serialises concurrent starts on one PostgreSQL.
const POSTGRES_MIGRATION_LOCK_ID = 7_262_119_001;

/** Where the hand-written SQL migrations live, one Prisma-format folder per provider. */
export function migrationsDirectory(provider: TDatabaseConfig["provider"], cwd = process.cwd()): string {
  return path.join(cwd, "prisma", "migrations", provider);
}

/** Reads `<dir>/<timestamp>_<name>/migration.sql` in name order, as `prisma migrate deploy` does. */
export function readMigrations(directory: string): TMigration[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(directory, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Applies pending migrations and records them in `_prisma_migrations` with Prisma's own
 * layout, so `prisma migrate deploy` elsewhere sees the same history. Safe to call from
 * several instances at once. Returns the names it applied.
 */
export async function applyMigrations(config: TDatabaseConfig, options: { cwd?: string } = {}): Promise<string[]> {
  const migrations = readMigrations(migrationsDirectory(config.provider, options.cwd));
  return config.provider === "sqlite"
    ? applySqliteMigrations(config.filePath, migrations)
    : applyPostgresMigrations(config.url, migrations);
}

function applySqliteMigrations(filePath: string, migrations: TMigration[]): string[] {
  mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new Database(filePath, { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const applied: string[] = [];
    for (const migration of migrations) {
      // IMMEDIATE takes the write lock first, so two processes never apply the same step.
      const applyOne = db.transaction(() => {
        const done = db
          .prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`)
          .get(migration.name);
        if (done) return false;
        db.exec(migration.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)`,
        ).run(randomUUID(), migration.checksum, migration.name);
        return true;
      });
      if (applyOne.immediate()) applied.push(migration.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

async function applyPostgresMigrations(url: string, migrations: TMigration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_MIGRATION_LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const applied: string[] = [];
    for (const migration of migrations) {
      const done = await client.query(
        `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        [migration.name],
      );
      if (done.rowCount) continue;
      // PostgreSQL DDL is transactional: a failed migration leaves nothing half-applied.
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [POSTGRES_MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
