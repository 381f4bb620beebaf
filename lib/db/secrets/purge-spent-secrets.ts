import "server-only";
import type { TDatabase } from "../types";

export const PURGE_BATCH_SIZE = 1_000;

/**
 * Drops the ciphertext of secrets that can no longer be revealed (expired, used up,
 * burned), in batches so a large backlog never holds a long write lock. Metadata stays.
 * On PostgreSQL, SKIP LOCKED lets every instance run this at once without waiting on or
 * redoing each other's rows. Returns how many ciphertexts were dropped.
 */
export async function purgeSpentSecrets(db: TDatabase, options: { now: Date; batchSize?: number }): Promise<number> {
  const nowMs = options.now.getTime();
  const batchSize = options.batchSize ?? PURGE_BATCH_SIZE;
  let purged = 0;
  for (;;) {
    const count =
      db.provider === "postgresql"
        ? await db.prisma.$executeRaw`
            UPDATE secrets SET envelope = NULL, purged_at_ms = ${nowMs}
             WHERE id IN (
               SELECT id FROM secrets
                WHERE envelope IS NOT NULL
                  AND (expires_at_ms <= ${nowMs} OR views_used >= max_views OR burned_at_ms IS NOT NULL)
                LIMIT ${batchSize}
                FOR UPDATE SKIP LOCKED)`
        : await db.prisma.$executeRaw`
            UPDATE secrets SET envelope = NULL, purged_at_ms = ${nowMs}
             WHERE id IN (
               SELECT id FROM secrets
                WHERE envelope IS NOT NULL
                  AND (expires_at_ms <= ${nowMs} OR views_used >= max_views OR burned_at_ms IS NOT NULL)
                LIMIT ${batchSize})`;
    purged += count;
    if (count < batchSize) return purged;
  }
}
