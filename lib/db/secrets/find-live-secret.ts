import "server-only";
import type { TDatabase, TSecretRecord } from "../types";
import { toSecretRecord } from "./to-secret-record";

/**
 * The secret if it can still be revealed at `now`: not expired, not burned, views left,
 * ciphertext present. Anything else is `null`, so callers cannot tell the cases apart.
 */
export async function findLiveSecret(db: TDatabase, options: { id: string; now: Date }): Promise<TSecretRecord | null> {
  const row = await db.prisma.secret.findUnique({ where: { id: options.id } });
  if (!row) return null;
  const record = toSecretRecord(row);
  const isLive =
    record.envelopeJson !== null &&
    record.burnedAt === null &&
    record.viewsUsed < record.maxViews &&
    record.expiresAt.getTime() > options.now.getTime();
  return isLive ? record : null;
}
