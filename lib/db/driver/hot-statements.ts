import "server-only";

/**
 * The statements every create, link open and reveal runs, prepared once on the bare driver
 * (better-sqlite3 or pg) instead of going through Prisma's query pipeline. Rows come back
 * in the database's own column names; lib/db/secrets turns them into our types.
 */
export type THotSecretRow = {
  id: string;
  envelope: string | null;
  verifier: string;
  manage_token_hash: string;
  created_at_ms: number | string;
  expires_at_ms: number | string;
  max_views: number;
  views_used: number;
  failed_proofs: number;
  burned_at_ms: number | string | null;
  last_viewed_at_ms: number | string | null;
  purged_at_ms: number | string | null;
  creator_user_id: string | null;
  team_id: string | null;
  label: string | null;
  restrict_to_team: boolean | number;
};

export type THotClaimRow = { envelope: string | null; views_left: number };
export type THotVerifiedClaimRow = THotClaimRow & { creator_user_id: string | null; team_id: string | null; label: string | null };

export type THotInsert = {
  id: string;
  envelopeJson: string;
  verifier: string;
  manageTokenHash: string;
  createdAtMs: number;
  expiresAtMs: number;
  maxViews: number;
  creatorUserId: string | null;
  teamId: string | null;
  label: string | null;
  restrictToTeam: boolean;
};

/** The insert's values in HOT_SQL.insertSecret's column order; `restrictToTeam` as each driver wants it. */
export function insertSecretValues<TFlag>(row: THotInsert, restrictToTeam: (flag: boolean) => TFlag): unknown[] {
  return [
    row.id,
    row.envelopeJson,
    row.verifier,
    row.manageTokenHash,
    row.createdAtMs,
    row.expiresAtMs,
    row.maxViews,
    row.creatorUserId,
    row.teamId,
    row.label,
    restrictToTeam(row.restrictToTeam),
  ];
}

export type THotStatements = {
  insertSecret(row: THotInsert): Promise<void>;
  findLiveSecret(options: { id: string; nowMs: number }): Promise<THotSecretRow | undefined>;
  claimView(options: { id: string; nowMs: number }): Promise<THotClaimRow | undefined>;
  claimVerifiedView(options: { id: string; verifier: string; nowMs: number }): Promise<THotVerifiedClaimRow | undefined>;
  dropEnvelopeAfterLastView(options: { id: string; nowMs: number }): Promise<void>;
  recordWrongProof(options: { id: string; nowMs: number; limit: number }): Promise<{ failed_proofs: number } | undefined>;
};

const LIVE = `envelope IS NOT NULL AND burned_at_ms IS NULL AND views_used < max_views`;

/** Statement texts with `?` placeholders; the PostgreSQL module numbers them. */
export const HOT_SQL = {
  insertSecret: `INSERT INTO secrets (id, envelope, verifier, manage_token_hash, created_at_ms, expires_at_ms, max_views,
                                      creator_user_id, team_id, label, restrict_to_team)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  findLiveSecret: `SELECT id, envelope, verifier, manage_token_hash, created_at_ms, expires_at_ms, max_views, views_used,
                          failed_proofs, burned_at_ms, last_viewed_at_ms, purged_at_ms, creator_user_id, team_id, label, restrict_to_team
                     FROM secrets
                    WHERE id = ? AND ${LIVE} AND expires_at_ms > ?`,
  claimView: `UPDATE secrets SET views_used = views_used + 1, last_viewed_at_ms = ?
               WHERE id = ? AND ${LIVE} AND expires_at_ms > ?
              RETURNING envelope, max_views - views_used AS views_left`,
  claimVerifiedView: `UPDATE secrets SET views_used = views_used + 1, last_viewed_at_ms = ?
                       WHERE id = ? AND verifier = ? AND NOT restrict_to_team AND ${LIVE} AND expires_at_ms > ?
                      RETURNING envelope, max_views - views_used AS views_left, creator_user_id, team_id, label`,
  dropEnvelopeAfterLastView: `UPDATE secrets SET envelope = NULL, purged_at_ms = ? WHERE id = ? AND views_used >= max_views`,
  // Both SQLite and PostgreSQL evaluate every SET expression against the row as it was.
  recordWrongProof: `UPDATE secrets
                        SET failed_proofs = failed_proofs + 1,
                            burned_at_ms = CASE WHEN failed_proofs + 1 >= ? THEN ? ELSE burned_at_ms END,
                            envelope     = CASE WHEN failed_proofs + 1 >= ? THEN NULL ELSE envelope END
                      WHERE id = ? AND burned_at_ms IS NULL AND envelope IS NOT NULL AND expires_at_ms > ?
                     RETURNING failed_proofs`,
} as const;
