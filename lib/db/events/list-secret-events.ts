import "server-only";
import type { TDatabase } from "../types";
import type { TSecretEventKind } from "./record-secret-event";

export type TSecretEventRecord = {
  id: string;
  secretId: string;
  secretLabel: string | null;
  at: Date;
  kind: TSecretEventKind;
  user: { id: string; email: string; name: string | null } | null;
  ipPrefix: string | null;
  browser: string | null;
  viewsLeft: number | null;
};

type TEventRow = {
  id: string;
  secretId: string;
  atMs: bigint;
  kind: string;
  ipPrefix: string | null;
  browser: string | null;
  viewsLeft: number | null;
  user: { id: string; email: string; name: string | null } | null;
  secret: { label: string | null };
};

const toEventRecord = (row: TEventRow): TSecretEventRecord => ({
  id: row.id,
  secretId: row.secretId,
  secretLabel: row.secret.label,
  at: new Date(Number(row.atMs)),
  kind: row.kind as TSecretEventKind,
  user: row.user ? { id: row.user.id, email: row.user.email, name: row.user.name } : null,
  ipPrefix: row.ipPrefix,
  browser: row.browser,
  viewsLeft: row.viewsLeft,
});

const EVENT_INCLUDE = { user: { select: { id: true, email: true, name: true } }, secret: { select: { label: true } } } as const;

/** One link's access log, newest first. Callers check visibility first. */
export async function listSecretEvents(db: TDatabase, options: { secretId: string; limit?: number }): Promise<TSecretEventRecord[]> {
  const rows = await db.prisma.secretEvent.findMany({
    where: { secretId: options.secretId },
    orderBy: { atMs: "desc" },
    take: options.limit ?? 500,
    include: EVENT_INCLUDE,
  });
  return rows.map(toEventRecord);
}

/** A team's access log (for export), newest first, bounded. */
export async function listTeamEvents(db: TDatabase, options: { teamId: string; limit?: number }): Promise<TSecretEventRecord[]> {
  const rows = await db.prisma.secretEvent.findMany({
    where: { teamId: options.teamId },
    orderBy: { atMs: "desc" },
    take: options.limit ?? 10_000,
    include: EVENT_INCLUDE,
  });
  return rows.map(toEventRecord);
}
