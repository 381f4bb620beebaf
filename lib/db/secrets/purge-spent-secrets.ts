import "server-only";
import { Prisma } from "../generated/sqlite/client";
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

/** Lets waiting requests run between batches: on SQLite every statement blocks the event loop. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Drops the ciphertext of secrets that can no longer be revealed (expired, used up,
 * burned), in batches so a large backlog never holds a long write lock, and yielding
 * between batches so concurrent reveals keep being answered. Metadata stays.
 * Expired rows are found through a partial index on live rows; used-up or burned rows
 * still holding ciphertext are only left by a crash and have their own (normally empty)
 * partial index (migration 20261129000000_purge_indexes). On PostgreSQL, SKIP LOCKED lets
 * every instance run this at once without waiting on or redoing each other's rows; each
 * purged row is returned to exactly one caller.
 */
export async function purgeSpentSecrets(db: TDatabase, options: { now: Date; batchSize?: number }): Promise<TPurgeResult> {
  const nowMs = options.now.getTime();
  const batchSize = options.batchSize ?? PURGE_BATCH_SIZE;
  const result: TPurgeResult = { purged: 0, expiredUnopened: [] };
  for (const target of PURGE_TARGETS) {
    for (;;) {
      const rows = await purgeBatch(db, target, { nowMs, batchSize });
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

/**
 * The two kinds of rows the purge looks for. Each condition repeats its partial index's
 * condition word for word: a partial index serves a query only when the query's terms
 * visibly imply its condition. Each also orders by its index's key: PostgreSQL cannot
 * estimate `views_used >= max_views`, guesses a third of the table matches, and would
 * otherwise pick a sequential scan that stops after the LIMIT — which, when nothing
 * matches, reads the whole table on every tick (measured: 176 ms at 1 million rows,
 * against 0.03 ms through the index). SQLite, without statistics, would rather walk the
 * live-rows index for the crash leftovers too, so on SQLite the query names its index.
 */
export const PURGE_TARGETS = [
  {
    index: "secrets_live_expires_at_ms_idx",
    condition: (nowMs: number) => Prisma.sql`envelope IS NOT NULL AND expires_at_ms <= ${nowMs}`,
    order: Prisma.sql`expires_at_ms`,
  },
  {
    index: "secrets_spent_with_envelope_idx",
    condition: () => Prisma.sql`envelope IS NOT NULL AND (views_used >= max_views OR burned_at_ms IS NOT NULL)`,
    order: Prisma.sql`id`,
  },
] as const;

export type TPurgeTarget = (typeof PURGE_TARGETS)[number];

/**
 * One batch of the purge as a statement; exported so tests can read the database's plan for
 * it. On PostgreSQL the ids go in as an array: with `IN (subquery)` the planner, expecting a
 * full batch, may hash-join it against a sequential scan of the whole table.
 */
export function purgeBatchStatement(provider: TDatabase["provider"], target: TPurgeTarget, options: { nowMs: number; batchSize: number }): Prisma.Sql {
  if (provider === "postgresql") {
    return Prisma.sql`
      UPDATE secrets SET envelope = NULL, purged_at_ms = ${options.nowMs}
       WHERE id = ANY(ARRAY(
         SELECT id FROM secrets
          WHERE ${target.condition(options.nowMs)}
          ORDER BY ${target.order}
          LIMIT ${options.batchSize}
          FOR UPDATE SKIP LOCKED))
      RETURNING id, team_id, label, views_used, expires_at_ms, burned_at_ms`;
  }
  return Prisma.sql`
    UPDATE secrets SET envelope = NULL, purged_at_ms = ${options.nowMs}
     WHERE id IN (
       SELECT id FROM secrets INDEXED BY ${Prisma.raw(target.index)}
        WHERE ${target.condition(options.nowMs)}
        ORDER BY ${target.order}
        LIMIT ${options.batchSize})
    RETURNING id, team_id, label, views_used, expires_at_ms, burned_at_ms`;
}

function purgeBatch(db: TDatabase, target: TPurgeTarget, options: { nowMs: number; batchSize: number }): Promise<TPurgedRow[]> {
  return db.prisma.$queryRaw<TPurgedRow[]>(purgeBatchStatement(db.provider, target, options));
}
