import "server-only";
import { randomUUID } from "node:crypto";
import type { TDatabase } from "../types";
import { hashSessionToken } from "./hash-token";
import type { TMembershipRecord, TSessionRecord, TSignedInUser, TTeamRole } from "./types";

export async function createSession(
  db: TDatabase,
  options: { sessionToken: string; userId: string; expiresAt: Date },
): Promise<TSessionRecord> {
  const row = await db.prisma.session.create({
    data: {
      id: randomUUID(),
      sessionTokenHash: hashSessionToken(options.sessionToken),
      userId: options.userId,
      expiresAtMs: BigInt(options.expiresAt.getTime()),
    },
  });
  return { id: row.id, userId: row.userId, expiresAt: new Date(Number(row.expiresAtMs)) };
}

/**
 * The signed-in user behind a session cookie, with their team memberships read from the
 * database on every call, so a removed user or membership takes effect at once.
 */
export async function findSignedInUser(db: TDatabase, options: { sessionToken: string; now: Date }): Promise<TSignedInUser | null> {
  const session = await db.prisma.session.findUnique({
    where: { sessionTokenHash: hashSessionToken(options.sessionToken) },
    include: { user: { include: { memberships: { include: { team: true } } } } },
  });
  if (!session || Number(session.expiresAtMs) <= options.now.getTime()) return null;
  const memberships: TMembershipRecord[] = session.user.memberships.map((membership) => ({
    teamId: membership.teamId,
    teamName: membership.team.name,
    role: membership.role as TTeamRole,
    source: membership.source as TMembershipRecord["source"],
    policy: {
      maxExpiresInSeconds: membership.team.maxExpiresInSeconds,
      maxViews: membership.team.maxViews,
      requirePassphrase: membership.team.requirePassphrase,
    },
  }));
  memberships.sort((a, b) => a.teamName.localeCompare(b.teamName));
  return {
    id: session.user.id,
    email: session.user.email,
    name: session.user.name,
    createdAt: new Date(Number(session.user.createdAtMs)),
    memberships,
    sessionExpiresAt: new Date(Number(session.expiresAtMs)),
  };
}

export async function extendSession(db: TDatabase, options: { sessionToken: string; expiresAt: Date }): Promise<void> {
  await db.prisma.session.updateMany({
    where: { sessionTokenHash: hashSessionToken(options.sessionToken) },
    data: { expiresAtMs: BigInt(options.expiresAt.getTime()) },
  });
}

export async function deleteSession(db: TDatabase, options: { sessionToken: string }): Promise<void> {
  await db.prisma.session.deleteMany({ where: { sessionTokenHash: hashSessionToken(options.sessionToken) } });
}

/** Ends every session of a user at once (offboarding). Returns how many ended. */
export async function deleteSessionsOfUser(db: TDatabase, options: { userId: string }): Promise<number> {
  const result = await db.prisma.session.deleteMany({ where: { userId: options.userId } });
  return result.count;
}
