import "server-only";
import type { TDatabase, TSecretRecord } from "../types";

type TSecretRow = {
  id: string;
  envelope: string | null;
  verifier: string;
  manage_token_hash: string;
  created_at_ms: number | bigint;
  expires_at_ms: number | bigint;
  max_views: number | bigint;
  views_used: number | bigint;
  failed_proofs: number | bigint;
  burned_at_ms: number | bigint | null;
  last_viewed_at_ms: number | bigint | null;
  purged_at_ms: number | bigint | null;
  creator_user_id: string | null;
  team_id: string | null;
  label: string | null;
  restrict_to_team: boolean | number | bigint;
};

const optionalDate = (ms: number | bigint | null) => (ms === null ? null : new Date(Number(ms)));

/**
 * The secret if it can still be revealed at `now`: not expired, not burned, views left,
 * ciphertext present. Anything else is `null`, so callers cannot tell the cases apart.
 * One raw SELECT with the liveness test in SQL: this runs for every link that is opened.
 */
export async function findLiveSecret(db: TDatabase, options: { id: string; now: Date }): Promise<TSecretRecord | null> {
  const rows = await db.prisma.$queryRaw<TSecretRow[]>`
    SELECT id, envelope, verifier, manage_token_hash, created_at_ms, expires_at_ms, max_views, views_used,
           failed_proofs, burned_at_ms, last_viewed_at_ms, purged_at_ms, creator_user_id, team_id, label, restrict_to_team
      FROM secrets
     WHERE id = ${options.id}
       AND envelope IS NOT NULL
       AND burned_at_ms IS NULL
       AND views_used < max_views
       AND expires_at_ms > ${options.now.getTime()}`;
  const row = rows[0];
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
    restrictToTeam: Boolean(Number(row.restrict_to_team)),
  };
}
