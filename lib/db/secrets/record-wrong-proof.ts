import "server-only";
import type { TDatabase } from "../types";

export type TWrongProofOutcome = { attemptsLeft: number; burned: boolean };

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
  const row = await db.hot.recordWrongProof({ id: options.id, nowMs, limit });
  if (!row) return null;
  const failedProofs = Number(row.failed_proofs);
  return { attemptsLeft: Math.max(0, limit - failedProofs), burned: failedProofs >= limit };
}
