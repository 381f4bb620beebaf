import "server-only";
import type { TDatabase } from "../types";

/**
 * Burns a live secret for a signed-in user who created it or administers its team.
 * False when it is gone or not theirs; callers answer both with the same 404.
 */
export async function burnSecretAsMember(
  db: TDatabase,
  options: { id: string; userId: string; adminTeamIds: string[]; now: Date },
): Promise<boolean> {
  const nowMs = BigInt(options.now.getTime());
  const result = await db.prisma.secret.updateMany({
    where: {
      id: options.id,
      burnedAtMs: null,
      envelope: { not: null },
      expiresAtMs: { gt: nowMs },
      OR: [{ creatorUserId: options.userId }, { teamId: { in: options.adminTeamIds } }],
    },
    data: { burnedAtMs: nowMs, envelope: null, purgedAtMs: nowMs },
  });
  return result.count === 1;
}
