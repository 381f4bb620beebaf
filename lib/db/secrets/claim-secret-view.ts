import "server-only";
import type { TDatabase } from "../types";

export type TClaimedView = { envelopeJson: string; viewsLeft: number };

/**
 * Claims one view with a single conditional UPDATE ... RETURNING (a prepared statement, see
 * lib/db/driver): the database decides
 * which of any number of concurrent callers gets a view, on SQLite and PostgreSQL alike,
 * and hands the winner the ciphertext in the same statement. The envelope is dropped right
 * after the last view; a crash between the two leaves it for the purge job, and it can
 * never be served again because the claim condition no longer holds.
 */
export async function claimSecretView(db: TDatabase, options: { id: string; now: Date }): Promise<TClaimedView | null> {
  const nowMs = options.now.getTime();
  const claimed = await db.hot.claimView({ id: options.id, nowMs });
  if (!claimed || claimed.envelope === null) return null;
  const viewsLeft = Number(claimed.views_left);
  if (viewsLeft === 0) await dropEnvelopeAfterLastView(db, { id: options.id, nowMs });
  return { envelopeJson: claimed.envelope, viewsLeft };
}

export type TVerifiedClaim = TClaimedView & { creatorUserId: string | null; teamId: string | null; label: string | null };

/**
 * The fast path of a reveal: one statement that checks the verifier and claims a view of a
 * secret that is not team-restricted. Null means "not this way" (gone, wrong proof or
 * restricted); the caller then finds out which on the careful path. Comparing verifiers in
 * SQL leaks nothing useful by timing: they are SHA-256 outputs of the caller's own proof.
 */
export async function claimVerifiedView(
  db: TDatabase,
  options: { id: string; verifier: string; now: Date },
): Promise<TVerifiedClaim | null> {
  const nowMs = options.now.getTime();
  const claimed = await db.hot.claimVerifiedView({ id: options.id, verifier: options.verifier, nowMs });
  if (!claimed || claimed.envelope === null) return null;
  const viewsLeft = Number(claimed.views_left);
  if (viewsLeft === 0) await dropEnvelopeAfterLastView(db, { id: options.id, nowMs });
  return { envelopeJson: claimed.envelope, viewsLeft, creatorUserId: claimed.creator_user_id, teamId: claimed.team_id, label: claimed.label };
}

function dropEnvelopeAfterLastView(db: TDatabase, options: { id: string; nowMs: number }): Promise<void> {
  return db.hot.dropEnvelopeAfterLastView(options);
}
