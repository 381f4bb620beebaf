import Database from "better-sqlite3";
import pg from "pg";
import { randomSecretRow } from "./envelope.mjs";

const COLUMNS = "id, envelope, verifier, manage_token_hash, created_at_ms, expires_at_ms, max_views";

/**
 * Inserts `count` 1-view secrets straight into the app's table (much faster than the API) and
 * returns the ids and proofs of the first `keep` of them, for reveal load.
 */
export async function seedSecrets({ database, count, keep = 0, expired = false }) {
  const nowMs = Date.now();
  const kept = [];
  const rowOptions = expired ? { expiresAtMs: nowMs - 60_000 } : {};
  if (database.provider === "sqlite") {
    const db = new Database(database.filePath, { timeout: 10_000 });
    const insert = db.prepare(`INSERT INTO secrets (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const insertMany = db.transaction((rows) => {
      for (const row of rows) insert.run(row.id, row.envelope, row.verifier, row.manageTokenHash, row.createdAtMs, row.expiresAtMs, row.maxViews);
    });
    for (let done = 0; done < count; done += 10_000) {
      const rows = Array.from({ length: Math.min(10_000, count - done) }, () => randomSecretRow(nowMs, rowOptions));
      for (const row of rows) if (kept.length < keep) kept.push({ id: row.id, proof: row.proof });
      insertMany(rows);
    }
    db.close();
    return kept;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (let done = 0; done < count; done += 5_000) {
      const rows = Array.from({ length: Math.min(5_000, count - done) }, () => randomSecretRow(nowMs, rowOptions));
      for (const row of rows) if (kept.length < keep) kept.push({ id: row.id, proof: row.proof });
      await client.query(
        `INSERT INTO secrets (${COLUMNS}) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::int[])`,
        [rows.map((r) => r.id), rows.map((r) => r.envelope), rows.map((r) => r.verifier), rows.map((r) => r.manageTokenHash), rows.map((r) => r.createdAtMs), rows.map((r) => r.expiresAtMs), rows.map((r) => r.maxViews)],
      );
    }
  } finally {
    await client.end();
  }
  return kept;
}
