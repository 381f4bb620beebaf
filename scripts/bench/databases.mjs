import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function postgresReachable() {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh database for one server; loopback PostgreSQL only. */
export async function freshDatabase(provider) {
  if (provider === "sqlite") {
    const directory = mkdtempSync(path.join(tmpdir(), "hushlink-bench-"));
    return { provider, filePath: path.join(directory, "bench.db"), drop: async () => rmSync(directory, { recursive: true, force: true }) };
  }
  const admin = new URL(ADMIN_URL);
  if (!["127.0.0.1", "localhost", "::1"].includes(admin.hostname)) throw new Error("benchmarks only run against a loopback PostgreSQL");
  const name = `hushlink_bench_${randomBytes(5).toString("hex")}`;
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    provider,
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: ADMIN_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export async function databaseVersion(database) {
  if (database.provider === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(":memory:");
    const version = db.prepare("select sqlite_version() as v").get().v;
    db.close();
    return `SQLite ${version}`;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query("SHOW server_version");
  await client.end();
  return `PostgreSQL ${rows[0].server_version}`;
}
