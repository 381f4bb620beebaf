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

/** Stores a new secret. Ids are 128 random bits, so a collision is treated as a fault. */
export async function insertSecret(db: TDatabase, options: TInsertSecretOptions): Promise<void> {
  await db.prisma.secret.create({
    data: {
      id: options.id,
      envelope: options.envelopeJson,
      verifier: options.verifier,
      manageTokenHash: options.manageTokenHash,
      createdAtMs: BigInt(options.createdAt.getTime()),
      expiresAtMs: BigInt(options.expiresAt.getTime()),
      maxViews: options.maxViews,
      creatorUserId: options.creatorUserId ?? null,
      teamId: options.teamId ?? null,
      label: options.label ?? null,
      restrictToTeam: options.restrictToTeam ?? false,
    },
  });
}
