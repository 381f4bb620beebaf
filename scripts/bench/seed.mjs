// Fills the app's `secrets` table directly (far faster than the API): secrets the load
// generator reveals (it needs their proofs), and filler rows for the growth measurements.
import { writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { withPostgres, withSqlite } from "./databases.mjs";
import { randomSecretRow } from "./envelope.mjs";

const SQLITE_BATCH_ROWS = 10_000;
const POSTGRES_BATCH_ROWS = 5_000;
const FILL_CHUNK_ROWS = 100_000;
const COLUMNS = "id, envelope, verifier, manage_token_hash, created_at_ms, expires_at_ms, max_views";
const THIRTY_DAYS_MS = 30 * 24 * 3_600_000;

/** @typedef {{ id: string, proof: string }} TRevealable */

/**
 * Inserts `count` live 1-view secrets and returns their ids and proofs.
 * @param {{ database: import("./databases.mjs").TBenchDatabase, count: number, expiresAtMs?: number }} options
 * @returns {Promise<TRevealable[]>}
 */
export async function seedRevealSecrets({ database, count, expiresAtMs }) {
  const nowMs = Date.now();
  const kept = [];
  const makeRows = (length) => Array.from({ length }, () => randomSecretRow(nowMs, expiresAtMs ? { expiresAtMs } : {}));
  if (database.provider === "sqlite") {
    const db = new Database(database.filePath, { timeout: 10_000 });
    try {
      const insert = db.prepare(`INSERT INTO secrets (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
      const insertAll = db.transaction((rows) => {
        for (const row of rows) insert.run(row.id, row.envelope, row.verifier, row.manageTokenHash, row.createdAtMs, row.expiresAtMs, row.maxViews);
      });
      for (let done = 0; done < count; done += SQLITE_BATCH_ROWS) {
        const rows = makeRows(Math.min(SQLITE_BATCH_ROWS, count - done));
        insertAll(rows);
        for (const row of rows) kept.push({ id: row.id, proof: row.proof });
      }
    } finally {
      db.close();
    }
    return kept;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (let done = 0; done < count; done += POSTGRES_BATCH_ROWS) {
      const rows = makeRows(Math.min(POSTGRES_BATCH_ROWS, count - done));
      await client.query(
        `INSERT INTO secrets (${COLUMNS})
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::int[])`,
        [
          rows.map((row) => row.id),
          rows.map((row) => row.envelope),
          rows.map((row) => row.verifier),
          rows.map((row) => row.manageTokenHash),
          rows.map((row) => row.createdAtMs),
          rows.map((row) => row.expiresAtMs),
          rows.map((row) => row.maxViews),
        ],
      );
      for (const row of rows) kept.push({ id: row.id, proof: row.proof });
    }
  } finally {
    await client.end();
  }
  return kept;
}

/**
 * Writes revealable secrets for the load generator, one "id proof" per line.
 * @param {TRevealable[]} secrets
 * @param {string} filePath
 */
export function writeSecretsFile(secrets, filePath) {
  writeFileSync(filePath, secrets.map((secret) => `${secret.id} ${secret.proof}`).join("\n"));
  return filePath;
}

/**
 * Adds `count` filler rows with SQL alone: live 1-view secrets of full size (random 22-char
 * ids, a ~480-byte envelope), expiring at random within 30 days (or all at `expiresAtMs`),
 * so the table and its indexes grow as they would with real traffic. SQLite: INSERT ...
 * SELECT over a recursive counter in 100k-row transactions; PostgreSQL: INSERT ... SELECT
 * generate_series.
 * @param {{ database: import("./databases.mjs").TBenchDatabase, count: number, expiresAtMs?: number }} options
 */
export async function bulkFill({ database, count, expiresAtMs }) {
  const nowMs = Date.now();
  if (count <= 0) return;
  // expires = base + random % spread: either spread over 30 days, or one fixed instant.
  const expiryBase = expiresAtMs ?? nowMs + 3_600_000;
  const expirySpread = expiresAtMs ? 1 : THIRTY_DAYS_MS;
  if (database.provider === "sqlite") {
    withSqlite(database, (db) => {
      db.pragma("cache_size = -262144");
      const fill = db.prepare(`
        INSERT INTO secrets (${COLUMNS})
        WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < ?)
        SELECT lower(hex(randomblob(11))),
               '{"v":1,"alg":"xsalsa20poly1305","kdf":{"alg":"none"},"nonce":"' || lower(hex(randomblob(16)))
                 || '","ct":"' || lower(hex(randomblob(182))) || '"}',
               lower(hex(randomblob(21))) || 'a',
               lower(hex(randomblob(21))) || 'a',
               ?, ? + abs(random() % ?), 1
          FROM counter`);
      for (let done = 0; done < count; done += FILL_CHUNK_ROWS) {
        fill.run(Math.min(FILL_CHUNK_ROWS, count - done), nowMs, expiryBase, expirySpread);
      }
      db.pragma("wal_checkpoint(TRUNCATE)");
    });
    return;
  }
  await withPostgres(database, async (client) => {
    for (let done = 0; done < count; done += FILL_CHUNK_ROWS * 5) {
      await client.query(
        `INSERT INTO secrets (${COLUMNS})
         SELECT substr(md5(random()::text || g::text), 1, 22),
                '{"v":1,"alg":"xsalsa20poly1305","kdf":{"alg":"none"},"nonce":"' || md5(random()::text)
                  || '","ct":"' || repeat(md5(random()::text), 11) || substr(md5(random()::text), 1, 12) || '"}',
                md5(random()::text) || substr(md5(random()::text), 1, 11),
                md5(random()::text) || substr(md5(random()::text), 1, 11),
                $2::bigint, $3::bigint + floor(random() * $4::bigint)::bigint, 1
           FROM generate_series(1, $1::int) AS g`,
        [Math.min(FILL_CHUNK_ROWS * 5, count - done), nowMs, expiryBase, expirySpread],
      );
    }
    // Real tables grow over months and autovacuum keeps up; a million rows landed at once
    // would have autovacuum and a checkpoint run through the measurement instead. Settle
    // both first, as SQLite's checkpoint above does.
    await client.query("VACUUM (ANALYZE) secrets");
    await client.query("CHECKPOINT");
  });
}

/**
 * Rows in the secrets table.
 * @param {import("./databases.mjs").TBenchDatabase} database
 */
export async function countRows(database) {
  if (database.provider === "sqlite") {
    return withSqlite(database, (db) => Number(/** @type {{ n: number }} */ (db.prepare("SELECT count(*) AS n FROM secrets").get()).n), {
      readonly: true,
      timeout: 10_000,
    });
  }
  return withPostgres(database, async (client) => (await client.query("SELECT count(*)::int AS n FROM secrets")).rows[0].n);
}
