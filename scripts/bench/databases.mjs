// Fresh databases for the bench: a SQLite file in its own temporary directory, or a new
// database on a loopback PostgreSQL that is dropped (WITH (FORCE)) afterwards.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { deferCleanup } from "./processes.mjs";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * @typedef {{ provider: "sqlite", filePath: string, url: string, drop: () => Promise<void> }
 *   | { provider: "postgresql", name: string, url: string, drop: () => Promise<void> }} TBenchDatabase
 */

/** Refuses anything but a loopback PostgreSQL: the bench creates and force-drops databases. */
function assertLoopback(url) {
  const { hostname } = new URL(url);
  if (!LOOPBACK_HOSTS.has(hostname)) throw new Error(`bench refuses non-loopback PostgreSQL host ${hostname}`);
}

/** True when the admin PostgreSQL answers (loopback only). */
export async function postgresReachable() {
  assertLoopback(POSTGRES_ADMIN_URL);
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database, dropped by `drop()` (also registered as an exit cleanup).
 * @param {"sqlite" | "postgresql"} provider
 * @returns {Promise<TBenchDatabase>}
 */
export async function freshDatabase(provider) {
  if (provider === "sqlite") {
    const directory = mkdtempSync(path.join(tmpdir(), "hushlink-bench-"));
    const filePath = path.join(directory, "bench.db");
    const drop = deferCleanup(async () => rmSync(directory, { recursive: true, force: true }));
    return { provider, filePath, url: `file:${filePath}`, drop };
  }
  assertLoopback(POSTGRES_ADMIN_URL);
  const name = `hushlink_bench_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const drop = deferCleanup(() => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return { provider, name, url: url.toString(), drop };
}

/**
 * Runs `use` with a fresh database and drops it afterwards, whatever happens.
 * @template T
 * @param {"sqlite" | "postgresql"} provider
 * @param {(database: TBenchDatabase) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withDatabase(provider, use) {
  const database = await freshDatabase(provider);
  try {
    return await use(database);
  } finally {
    await database.drop();
  }
}

/**
 * Creates the app's tables with the app's own migration files (for the floor, which has no
 * migrator of its own), so both work on the same `secrets` layout.
 * @param {TBenchDatabase} database
 */
export async function applyAppSchema(database) {
  const directory = path.join(ROOT, "prisma/migrations", database.provider);
  const files = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(directory, entry.name, "migration.sql"))
    .sort();
  if (database.provider === "sqlite") {
    return withSqlite(database, (db) => {
      db.pragma("journal_mode = WAL");
      for (const file of files) db.exec(readFileSync(file, "utf8"));
    });
  }
  await withPostgres(database, async (client) => {
    for (const file of files) await client.query(readFileSync(file, "utf8"));
  });
}

/** The SQLite library version better-sqlite3 embeds. */
export function sqliteVersion() {
  const db = new Database(":memory:");
  try {
    return /** @type {{ v: string }} */ (db.prepare("SELECT sqlite_version() AS v").get()).v;
  } finally {
    db.close();
  }
}

/** The server version of the admin PostgreSQL, or null when it does not answer. */
export async function postgresVersion() {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    const { rows } = await client.query("SHOW server_version");
    return String(rows[0].server_version);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs `use` on a short-lived connection to a SQLite bench database.
 * @param {TBenchDatabase} database
 * @param {(db: Database.Database) => T} use
 * @param {Database.Options} [options]
 * @template T
 */
export function withSqlite(database, use, options = { timeout: 10_000 }) {
  const db = new Database(database.filePath, options);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/**
 * Runs `use` on a short-lived connection to a PostgreSQL bench database.
 * @param {TBenchDatabase} database
 * @param {(client: pg.Client) => Promise<T>} use
 * @template T
 */
export async function withPostgres(database, use) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
