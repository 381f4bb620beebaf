import "server-only";
import { randomUUID } from "node:crypto";
import type { TDatabase } from "../types";
import type { TTeamRole } from "../auth/types";
import { normalizeEmail } from "../auth/users";

export type TTeamMember = { userId: string; email: string; name: string | null; role: TTeamRole; source: "idp" | "manual"; since: Date };

export async function listTeamMembers(db: TDatabase, options: { teamId: string }): Promise<TTeamMember[]> {
  const rows = await db.prisma.teamMembership.findMany({
    where: { teamId: options.teamId },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { createdAtMs: "asc" },
  });
  return rows.map((row) => ({
    userId: row.userId,
    email: row.user.email,
    name: row.user.name,
    role: row.role as TTeamRole,
    source: row.source as TTeamMember["source"],
    since: new Date(Number(row.createdAtMs)),
  }));
}

/**
 * Adds someone by email. People who never signed in get a user row now; their first
 * sign-in with that verified address links to it.
 */
export async function addTeamMemberByEmail(
  db: TDatabase,
  options: { teamId: string; email: string; role: TTeamRole; now: Date },
): Promise<void> {
  const nowMs = BigInt(options.now.getTime());
  const email = normalizeEmail(options.email);
  await db.prisma.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email },
      create: { id: randomUUID(), email, name: null, createdAtMs: nowMs },
      update: {},
    });
    await tx.teamMembership.upsert({
      where: { teamId_userId: { teamId: options.teamId, userId: user.id } },
      create: { teamId: options.teamId, userId: user.id, role: options.role, source: "manual", createdAtMs: nowMs },
      update: { role: options.role },
    });
  });
}

/**
 * Offboarding in one transaction: the membership goes, every session of the member ends,
 * and (if asked) their live links in this team are burned. Returns what was done.
 */
export async function removeTeamMember(
  db: TDatabase,
  options: { teamId: string; userId: string; burnLiveLinks: boolean; now: Date },
): Promise<{ removed: boolean; sessionsEnded: number; linksBurned: number }> {
  const nowMs = BigInt(options.now.getTime());
  return db.prisma.$transaction(async (tx) => {
    const membership = await tx.teamMembership.deleteMany({ where: { teamId: options.teamId, userId: options.userId } });
    if (membership.count === 0) return { removed: false, sessionsEnded: 0, linksBurned: 0 };
    const sessions = await tx.session.deleteMany({ where: { userId: options.userId } });
    let linksBurned = 0;
    if (options.burnLiveLinks) {
      const burned = await tx.secret.updateMany({
        where: { teamId: options.teamId, creatorUserId: options.userId, burnedAtMs: null, envelope: { not: null }, expiresAtMs: { gt: nowMs } },
        data: { burnedAtMs: nowMs, envelope: null, purgedAtMs: nowMs },
      });
      linksBurned = burned.count;
    }
    return { removed: true, sessionsEnded: sessions.count, linksBurned };
  });
}
