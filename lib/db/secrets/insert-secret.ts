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
    },
  });
}
