import "server-only";
import { randomUUID } from "node:crypto";
import type { TTeamRole } from "../auth/types";
import type { TDatabase } from "../types";

export type TIdpTeamClaim = { teamName: string; role: TTeamRole };

/**
 * Makes the user's identity-provider memberships exactly `claims`: teams named in the
 * groups claim are created on first sight; memberships an admin added by hand are kept.
 * Runs in one transaction so a concurrent sign-in never sees half a sync.
 */
export async function syncIdpMemberships(
  db: TDatabase,
  options: { userId: string; claims: TIdpTeamClaim[]; now: Date },
): Promise<void> {
  const nowMs = BigInt(options.now.getTime());
  await db.prisma.$transaction(async (tx) => {
    const wantedTeamIds = new Map<string, TTeamRole>();
    for (const claim of options.claims) {
      const team = await tx.team.upsert({
        where: { name: claim.teamName },
        create: { id: randomUUID(), name: claim.teamName, createdAtMs: nowMs },
        update: {},
      });
      wantedTeamIds.set(team.id, claim.role);
    }
    await tx.teamMembership.deleteMany({
      where: { userId: options.userId, source: "idp", teamId: { notIn: [...wantedTeamIds.keys()] } },
    });
    for (const [teamId, role] of wantedTeamIds) {
      await tx.teamMembership.upsert({
        where: { teamId_userId: { teamId, userId: options.userId } },
        create: { teamId, userId: options.userId, role, source: "idp", createdAtMs: nowMs },
        update: { role },
      });
    }
  });
}
