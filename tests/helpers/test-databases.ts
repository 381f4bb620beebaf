import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TDatabaseConfig } from "@/lib/db";

/** The PostgreSQL server tests may create databases on; never anything but loopback. */
export const TEST_POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type TTestDatabase = { label: "sqlite" | "postgresql"; config: TDatabaseConfig; drop(): Promise<void> };

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to create test databases on non-local host ${host}`);
  }
}

export async function isPostgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2_000 });
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

/** PostgreSQL tests run whenever a server answers; CI sets HUSHLINK_REQUIRE_POSTGRES=1 so they can never skip. */
export const postgresRequired = process.env.HUSHLINK_REQUIRE_POSTGRES === "1";

export async function createSqliteTestDatabase(): Promise<TTestDatabase> {
  const directory = mkdtempSync(path.join(tmpdir(), "hushlink-test-"));
  return {
    label: "sqlite",
    config: { provider: "sqlite", filePath: path.join(directory, "test.db") },
    drop: async () => rmSync(directory, { recursive: true, force: true }),
  };
}

export async function createPostgresTestDatabase(): Promise<TTestDatabase> {
  assertLocal(TEST_POSTGRES_ADMIN_URL);
  const name = `hushlink_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    label: "postgresql",
    config: { provider: "postgresql", url: url.toString() },
    drop: async () => {
      const dropper = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5_000 });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** The databases every integration suite runs against. */
export async function testDatabaseKinds(): Promise<Array<"sqlite" | "postgresql">> {
  if (await isPostgresReachable()) return ["sqlite", "postgresql"];
  if (postgresRequired) throw new Error("PostgreSQL is required (HUSHLINK_REQUIRE_POSTGRES=1) but not reachable");
  return ["sqlite"];
}

export function createTestDatabase(kind: "sqlite" | "postgresql"): Promise<TTestDatabase> {
  return kind === "sqlite" ? createSqliteTestDatabase() : createPostgresTestDatabase();
}
