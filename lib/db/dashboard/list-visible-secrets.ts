import "server-only";
import type { Prisma } from "../generated/sqlite/client";
import type { TDatabase, TSecretRecord } from "../types";
import { toSecretRecord } from "../secrets/to-secret-record";

export type TSecretStatus = "active" | "viewed" | "expired" | "burned";

export type TDashboardSecret = TSecretRecord & {
  status: TSecretStatus;
  creator: { id: string; email: string; name: string | null } | null;
  teamName: string | null;
  lastOpenedBy: { email: string; name: string | null } | null;
};

/** The dashboard status of a link at `now`; burned wins, then used up, then expiry. */
export function statusOf(secret: Pick<TSecretRecord, "burnedAt" | "viewsUsed" | "maxViews" | "expiresAt">, now: Date): TSecretStatus {
  if (secret.burnedAt) return "burned";
  if (secret.viewsUsed >= secret.maxViews) return "viewed";
  if (secret.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

function statusFilter(db: TDatabase, status: TSecretStatus, nowMs: bigint): Prisma.SecretWhereInput {
  const maxViews = db.prisma.secret.fields.maxViews;
  switch (status) {
    case "burned":
      return { burnedAtMs: { not: null } };
    case "viewed":
      return { burnedAtMs: null, viewsUsed: { gte: maxViews } };
    case "expired":
      return { burnedAtMs: null, viewsUsed: { lt: maxViews }, expiresAtMs: { lte: nowMs } };
    case "active":
      return { burnedAtMs: null, viewsUsed: { lt: maxViews }, expiresAtMs: { gt: nowMs } };
  }
}

/**
 * Links the user may see: their own and their teams'. Scoping comes from the caller's
 * memberships as read from the session, never from the request.
 */
export async function listVisibleSecrets(
  db: TDatabase,
  options: {
    userId: string;
    teamIds: string[];
    scope: "mine" | "team";
    status?: TSecretStatus;
    labelQuery?: string;
    page: number;
    pageSize: number;
    now: Date;
  },
): Promise<{ secrets: TDashboardSecret[]; total: number }> {
  const nowMs = BigInt(options.now.getTime());
  const scopeFilter: Prisma.SecretWhereInput =
    options.scope === "mine" ? { creatorUserId: options.userId } : { teamId: { in: options.teamIds } };
  const filters: Prisma.SecretWhereInput[] = [scopeFilter];
  if (options.status) filters.push(statusFilter(db, options.status, nowMs));
  if (options.labelQuery) {
    filters.push({
      label: db.provider === "postgresql" ? { contains: options.labelQuery, mode: "insensitive" } as Prisma.StringNullableFilter : { contains: options.labelQuery },
    });
  }
  const where: Prisma.SecretWhereInput = { AND: filters };
  const [rows, total] = await Promise.all([
    db.prisma.secret.findMany({
      where,
      orderBy: { createdAtMs: "desc" },
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
      include: {
        creator: { select: { id: true, email: true, name: true } },
        team: { select: { name: true } },
        events: {
          where: { kind: "revealed" },
          orderBy: { atMs: "desc" },
          take: 1,
          include: { user: { select: { email: true, name: true } } },
        },
      },
    }),
    db.prisma.secret.count({ where }),
  ]);
  return {
    total,
    secrets: rows.map((row) => {
      const record = toSecretRecord(row);
      return {
        ...record,
        status: statusOf(record, options.now),
        creator: row.creator,
        teamName: row.team?.name ?? null,
        lastOpenedBy: row.events[0]?.user ?? null,
      };
    }),
  };
}

/** One secret with its owner and team, for visibility checks. */
export async function findSecretForDashboard(db: TDatabase, options: { id: string }): Promise<TSecretRecord | null> {
  const row = await db.prisma.secret.findUnique({ where: { id: options.id } });
  return row ? toSecretRecord(row) : null;
}
