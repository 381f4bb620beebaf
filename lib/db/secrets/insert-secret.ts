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

/**
 * Stores a new secret with one plain INSERT, a prepared statement on the bare driver. (The
 * model API's create() wraps a single insert in a transaction, which on SQLite serialises
 * every create behind the adapter's lock.) Ids are 128 random bits, so a collision is
 * treated as a fault.
 */
export async function insertSecret(db: TDatabase, options: TInsertSecretOptions): Promise<void> {
  await db.hot.insertSecret({
    id: options.id,
    envelopeJson: options.envelopeJson,
    verifier: options.verifier,
    manageTokenHash: options.manageTokenHash,
    createdAtMs: options.createdAt.getTime(),
    expiresAtMs: options.expiresAt.getTime(),
    maxViews: options.maxViews,
    creatorUserId: options.creatorUserId ?? null,
    teamId: options.teamId ?? null,
    label: options.label ?? null,
    restrictToTeam: options.restrictToTeam ?? false,
  });
}
