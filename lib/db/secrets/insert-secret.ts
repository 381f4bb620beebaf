import "server-only";
import type { TDatabase } from "../types";

export type TInsertSecretOptions = {
  id: string;
  envelopeJson: string;
  verifier: string;
  manageTokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  maxViews: number;
  creatorUserId?: string | null;
  teamId?: string | null;
  label?: string | null;
  restrictToTeam?: boolean;
};

// `(? = 1)` is a boolean on PostgreSQL and 0/1 on SQLite: one statement text for both.
/**
 * Stores a new secret with one plain INSERT. (The model API's create() wraps a single insert
 * in a transaction, which on SQLite serialises every create behind the adapter's lock.)
 * Ids are 128 random bits, so a collision is treated as a fault.
 */
export async function insertSecret(db: TDatabase, options: TInsertSecretOptions): Promise<void> {
  await db.prisma.$executeRaw`
    INSERT INTO secrets (id, envelope, verifier, manage_token_hash, created_at_ms, expires_at_ms, max_views,
                         creator_user_id, team_id, label, restrict_to_team)
    VALUES (${options.id}, ${options.envelopeJson}, ${options.verifier}, ${options.manageTokenHash},
            ${options.createdAt.getTime()}, ${options.expiresAt.getTime()}, ${options.maxViews},
            ${options.creatorUserId ?? null}, ${options.teamId ?? null}, ${options.label ?? null},
            (${options.restrictToTeam ? 1 : 0} = 1))`;
}
