import "server-only";
import type { TDatabase } from "../types";

export const PURGE_BATCH_SIZE = 1_000;

/** A team link whose time ran out before anyone opened it (for notifications). */
export type TExpiredUnopened = { id: string; teamId: string; label: string | null; expiresAt: Date };

export type TPurgeResult = { purged: number; expiredUnopened: TExpiredUnopened[] };

type TPurgedRow = {
  id: string;
  team_id: string | null;
  label: string | null;
  views_used: number | bigint;
  expires_at_ms: number | bigint;
  burned_at_ms: number | bigint | null;
};

type TBatch = (options: { nowMs: number; batchSize: number }) => Promise<TPurgedRow[]>;

/** Lets waiting requests run between batches: on SQLite every statement blocks the event loop. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Drops the ciphertext of secrets that can no longer be revealed (expired, used up,
 * burned), in batches so a large backlog never holds a long write lock, and yielding
 * between batches so concurrent reveals keep being answered. Metadata stays.
 * Expired rows are found through a partial index on live rows; used-up or burned rows
 * still holding ciphertext are only left by a crash and have their own (normally empty)
 * partial index. On PostgreSQL, SKIP LOCKED lets every instance run this at once without
 * waiting on or redoing each other's rows; each purged row is returned to exactly one caller.
 */
export async function purgeSpentSecrets(db: TDatabase, options: { now: Date; batchSize?: number }): Promise<TPurgeResult> {
  const nowMs = options.now.getTime();
  const batchSize = options.batchSize ?? PURGE_BATCH_SIZE;
  const result: TPurgeResult = { purged: 0, expiredUnopened: [] };
  for (const nextBatch of [expiredBatch(db), spentBatch(db)]) {
    for (;;) {
      const rows = await nextBatch({ nowMs, batchSize });
      result.purged += rows.length;
      for (const row of rows) {
        if (row.team_id && Number(row.views_used) === 0 && row.burned_at_ms === null && Number(row.expires_at_ms) <= nowMs) {
          result.expiredUnopened.push({ id: row.id, teamId: row.team_id, label: row.label, expiresAt: new Date(Number(row.expires_at_ms)) });
        }
      }
      if (rows.length < batchSize) break;
      await yieldToRequests();
    }
  }
  return result;
}

// The WHERE clauses repeat the partial indexes' conditions word for word: a partial index
// serves a query only when the query's terms visibly imply its condition. SQLite, without
// statistics, would rather walk the live-rows index for the crash leftovers too, so its
// queries name their index.

function expiredBatch(db: TDatabase): TBatch {
  return db.provider === "postgresql"
    ? ({ nowMs, batchSize }) => db.prisma.$queryRaw<TPurgedRow[]>`
        UPDATE secrets SET envelope = NULL, purged_at_ms = ${nowMs}
         WHERE id IN (
           SELECT id FROM secrets
            WHERE envelope IS NOT NULL AND expires_at_ms <= ${nowMs}
            LIMIT ${batchSize}
            FOR UPDATE SKIP LOCKED)
        RETURNING id, team_id, label, views_used, expires_at_ms, burned_at_ms`
    : ({ nowMs, batchSize }) => db.prisma.$queryRaw<TPurgedRow[]>`
        UPDATE secrets SET envelope = NULL, purged_at_ms = ${nowMs}
         WHERE id IN (
           SELECT id FROM secrets INDEXED BY secrets_live_expires_at_ms_idx
            WHERE envelope IS NOT NULL AND expires_at_ms <= ${nowMs}
            LIMIT ${batchSize})
        RETURNING id, team_id, label, views_used, expires_at_ms, burned_at_ms`;
}

function spentBatch(db: TDatabase): TBatch {
  return db.provider === "postgresql"
    ? ({ nowMs, batchSize }) => db.prisma.$queryRaw<TPurgedRow[]>`
        UPDATE secrets SET envelope = NULL, purged_at_ms = ${nowMs}
         WHERE id IN (
           SELECT id FROM secrets
            WHERE envelope IS NOT NULL AND (views_used >= max_views OR burned_at_ms IS NOT NULL)
            LIMIT ${batchSize}
            FOR UPDATE SKIP LOCKED)
        RETURNING id, team_id, label, views_used, expires_at_ms, burned_at_ms`
    : ({ nowMs, batchSize }) => db.prisma.$queryRaw<TPurgedRow[]>`
        UPDATE secrets SET envelope = NULL, purged_at_ms = ${nowMs}
         WHERE id IN (
           SELECT id FROM secrets INDEXED BY secrets_spent_with_envelope_idx
            WHERE envelope IS NOT NULL AND (views_used >= max_views OR burned_at_ms IS NOT NULL)
            LIMIT ${batchSize})
        RETURNING id, team_id, label, views_used, expires_at_ms, burned_at_ms`;
}
