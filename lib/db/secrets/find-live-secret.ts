import "server-only";
import type { TDatabase, TSecretRecord } from "../types";

const optionalDate = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)));

/**
 * The secret if it can still be revealed at `now`: not expired, not burned, views left,
 * ciphertext present. Anything else is `null`, so callers cannot tell the cases apart.
 * One prepared SELECT with the liveness test in SQL: this runs for every link that is opened.
 */
export async function findLiveSecret(db: TDatabase, options: { id: string; now: Date }): Promise<TSecretRecord | null> {
  const row = await db.hot.findLiveSecret({ id: options.id, nowMs: options.now.getTime() });
  if (!row) return null;
  return {
    id: row.id,
    envelopeJson: row.envelope,
    verifier: row.verifier,
    manageTokenHash: row.manage_token_hash,
    createdAt: new Date(Number(row.created_at_ms)),
    expiresAt: new Date(Number(row.expires_at_ms)),
    maxViews: Number(row.max_views),
    viewsUsed: Number(row.views_used),
    failedProofs: Number(row.failed_proofs),
    burnedAt: optionalDate(row.burned_at_ms),
    lastViewedAt: optionalDate(row.last_viewed_at_ms),
    purgedAt: optionalDate(row.purged_at_ms),
    creatorUserId: row.creator_user_id,
    teamId: row.team_id,
    label: row.label,
    restrictToTeam: Boolean(row.restrict_to_team),
  };
}
