import type { Secret } from "../generated/sqlite/client";
import type { TSecretRecord } from "../types";

const toDate = (ms: bigint) => new Date(Number(ms));
const toOptionalDate = (ms: bigint | null) => (ms === null ? null : toDate(ms));

/** The one place that knows the stored row layout of a secret. */
export function toSecretRecord(row: Secret): TSecretRecord {
  return {
    id: row.id,
    envelopeJson: row.envelope,
    verifier: row.verifier,
    manageTokenHash: row.manageTokenHash,
    createdAt: toDate(row.createdAtMs),
    expiresAt: toDate(row.expiresAtMs),
    maxViews: row.maxViews,
    viewsUsed: row.viewsUsed,
    failedProofs: row.failedProofs,
    burnedAt: toOptionalDate(row.burnedAtMs),
    lastViewedAt: toOptionalDate(row.lastViewedAtMs),
    purgedAt: toOptionalDate(row.purgedAtMs),
    creatorUserId: row.creatorUserId,
    teamId: row.teamId,
    label: row.label,
    restrictToTeam: row.restrictToTeam,
  };
}
