import "server-only";
import type { TDatabase } from "../types";

export type TWrongProofOutcome = { attemptsLeft: number; burned: boolean };

type TWrongProofRow = { failed_proofs: number | bigint };

/**
 * Counts a wrong proof against the secret in the database (so every instance shares the
 * count) and burns the secret, dropping its ciphertext, when the count reaches the limit.
 * Returns null when the secret is already gone.
 */
export async function recordWrongProof(
  db: TDatabase,
  options: { id: string; now: Date; maxWrongProofs: number },
): Promise<TWrongProofOutcome | null> {
  const nowMs = options.now.getTime();
  const limit = options.maxWrongProofs;
  // Both SQLite and PostgreSQL evaluate every SET expression against the row as it was.
  const rows = await db.prisma.$queryRaw<TWrongProofRow[]>`
    UPDATE secrets
       SET failed_proofs = failed_proofs + 1,
           burned_at_ms = CASE WHEN failed_proofs + 1 >= ${limit} THEN ${nowMs} ELSE burned_at_ms END,
           envelope     = CASE WHEN failed_proofs + 1 >= ${limit} THEN NULL ELSE envelope END
     WHERE id = ${options.id}
       AND burned_at_ms IS NULL
       AND envelope IS NOT NULL
       AND expires_at_ms > ${nowMs}
    RETURNING failed_proofs`;
  const row = rows[0];
  if (!row) return null;
  const failedProofs = Number(row.failed_proofs);
  return { attemptsLeft: Math.max(0, limit - failedProofs), burned: failedProofs >= limit };
}
