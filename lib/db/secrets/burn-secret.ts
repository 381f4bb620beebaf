import "server-only";
import type { TDatabase } from "../types";

/**
 * Burns a live secret whose manage token hash matches: the ciphertext goes at once, the
 * metadata stays for the dashboard. False when it is gone already or the token is wrong,
 * which callers must not distinguish.
 */
export async function burnSecret(
  db: TDatabase,
  options: { id: string; manageTokenHash: string; now: Date },
): Promise<boolean> {
  const nowMs = BigInt(options.now.getTime());
  const result = await db.prisma.secret.updateMany({
    where: {
      id: options.id,
      manageTokenHash: options.manageTokenHash,
      burnedAtMs: null,
      envelope: { not: null },
      expiresAtMs: { gt: nowMs },
    },
    data: { burnedAtMs: nowMs, envelope: null, purgedAtMs: nowMs },
  });
  return result.count === 1;
}
