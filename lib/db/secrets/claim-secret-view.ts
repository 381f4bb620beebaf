import "server-only";
import type { TDatabase } from "../types";

export type TClaimedView = { envelopeJson: string; viewsLeft: number };

type TClaimRow = { envelope: string | null; views_left: number | bigint };

/**
 * Claims one view with a single conditional UPDATE ... RETURNING: the database decides
 * which of any number of concurrent callers gets a view, on SQLite and PostgreSQL alike,
 * and hands the winner the ciphertext in the same statement. The envelope is dropped right
 * after the last view; a crash between the two leaves it for the purge job, and it can
 * never be served again because the claim condition no longer holds.
 */
export async function claimSecretView(db: TDatabase, options: { id: string; now: Date }): Promise<TClaimedView | null> {
  const nowMs = options.now.getTime();
  const rows = await db.prisma.$queryRaw<TClaimRow[]>`
    UPDATE secrets
       SET views_used = views_used + 1, last_viewed_at_ms = ${nowMs}
     WHERE id = ${options.id}
       AND views_used < max_views
       AND expires_at_ms > ${nowMs}
       AND burned_at_ms IS NULL
       AND envelope IS NOT NULL
    RETURNING envelope, max_views - views_used AS views_left`;
  const claimed = rows[0];
  if (!claimed || claimed.envelope === null) return null;
  const viewsLeft = Number(claimed.views_left);
  if (viewsLeft === 0) await dropEnvelopeAfterLastView(db, { id: options.id, nowMs });
  return { envelopeJson: claimed.envelope, viewsLeft };
}

export type TVerifiedClaim = TClaimedView & { creatorUserId: string | null; teamId: string | null; label: string | null };

type TVerifiedClaimRow = TClaimRow & { creator_user_id: string | null; team_id: string | null; label: string | null };

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
  const rows = await db.prisma.$queryRaw<TVerifiedClaimRow[]>`
    UPDATE secrets
       SET views_used = views_used + 1, last_viewed_at_ms = ${nowMs}
     WHERE id = ${options.id}
       AND verifier = ${options.verifier}
       AND NOT restrict_to_team
       AND views_used < max_views
       AND expires_at_ms > ${nowMs}
       AND burned_at_ms IS NULL
       AND envelope IS NOT NULL
    RETURNING envelope, max_views - views_used AS views_left, creator_user_id, team_id, label`;
  const claimed = rows[0];
  if (!claimed || claimed.envelope === null) return null;
  const viewsLeft = Number(claimed.views_left);
  if (viewsLeft === 0) await dropEnvelopeAfterLastView(db, { id: options.id, nowMs });
  return { envelopeJson: claimed.envelope, viewsLeft, creatorUserId: claimed.creator_user_id, teamId: claimed.team_id, label: claimed.label };
}

async function dropEnvelopeAfterLastView(db: TDatabase, options: { id: string; nowMs: number }): Promise<void> {
  await db.prisma.$executeRaw`
    UPDATE secrets SET envelope = NULL, purged_at_ms = ${options.nowMs}
     WHERE id = ${options.id} AND views_used >= max_views`;
}
