import "server-only";
import { AppError } from "@/lib/app-error";
import type { TCurrentUser } from "@/lib/auth/types";
import {
  findSecretForDashboard,
  listSecretEvents,
  listTeamEvents,
  listVisibleSecrets,
  type TSecretEventRecord,
  type TSecretRecord,
} from "@/lib/db";
import {
  DASHBOARD_PAGE_SIZE,
  type TAccessEvent,
  type TDashboardListResponse,
  type TDashboardQuery,
  type TMeResponse,
} from "@/lib/validation";
import type { TSecretsContext } from "./context";

const adminTeamIdsOf = (user: TCurrentUser) =>
  user.memberships.filter((membership) => membership.role === "admin").map((membership) => membership.teamId);

/** Whether the user may see a secret: they created it, or it belongs to one of their teams. */
export function canSee(user: TCurrentUser, secret: Pick<TSecretRecord, "creatorUserId" | "teamId">): boolean {
  if (secret.creatorUserId === user.id) return true;
  return secret.teamId !== null && user.memberships.some((membership) => membership.teamId === secret.teamId);
}

/** Whether the user may burn it: its creator or an admin of its team. */
export function canBurn(user: TCurrentUser, secret: Pick<TSecretRecord, "creatorUserId" | "teamId">): boolean {
  return secret.creatorUserId === user.id || (secret.teamId !== null && adminTeamIdsOf(user).includes(secret.teamId));
}

export function describeMe(user: TCurrentUser): TMeResponse {
  return {
    user: { id: user.id, email: user.email, name: user.name, isInstanceAdmin: user.isInstanceAdmin },
    teams: user.memberships.map((membership) => ({
      id: membership.teamId,
      name: membership.teamName,
      role: membership.role,
      policy: membership.policy,
    })),
  };
}

/** The dashboard listing: the user's links or their teams' links, filtered and paginated. */
export async function listDashboardSecrets(
  context: TSecretsContext,
  options: { user: TCurrentUser; query: TDashboardQuery },
): Promise<TDashboardListResponse> {
  const { user, query } = options;
  const now = context.now();
  const { secrets, total } = await listVisibleSecrets(context.db, {
    userId: user.id,
    teamIds: user.memberships.map((membership) => membership.teamId),
    scope: query.scope,
    status: query.status,
    labelQuery: query.q || undefined,
    page: query.page,
    pageSize: DASHBOARD_PAGE_SIZE,
    now,
  });
  return {
    page: query.page,
    pageSize: DASHBOARD_PAGE_SIZE,
    total,
    secrets: secrets.map((secret) => ({
      id: secret.id,
      label: secret.label,
      status: secret.status,
      creator: secret.creator ? { email: secret.creator.email, name: secret.creator.name } : null,
      teamName: secret.teamName,
      restrictedToTeam: secret.restrictToTeam,
      createdAt: secret.createdAt.toISOString(),
      expiresAt: secret.expiresAt.toISOString(),
      viewsUsed: secret.viewsUsed,
      maxViews: secret.maxViews,
      lastOpenedAt: secret.lastViewedAt?.toISOString() ?? null,
      lastOpenedBy: secret.lastOpenedBy,
      canBurn: secret.status === "active" && canBurn(user, secret),
    })),
  };
}

const toAccessEvent = (event: TSecretEventRecord): TAccessEvent => ({
  at: event.at.toISOString(),
  secretId: event.secretId,
  label: event.secretLabel,
  kind: event.kind,
  user: event.user ? { email: event.user.email, name: event.user.name } : null,
  ipPrefix: event.ipPrefix,
  browser: event.browser,
  viewsLeft: event.viewsLeft,
});

/** One link's access log; another team's link is a 404, as if it did not exist. */
export async function secretAccessLog(context: TSecretsContext, options: { user: TCurrentUser; id: string }): Promise<TAccessEvent[]> {
  const secret = await findSecretForDashboard(context.db, { id: options.id });
  if (!secret || !canSee(options.user, secret)) throw new AppError("not_found");
  return (await listSecretEvents(context.db, { secretId: options.id })).map(toAccessEvent);
}

/** A team's whole access log, for its admins. */
export async function teamAccessLog(context: TSecretsContext, options: { user: TCurrentUser; teamId: string }): Promise<TAccessEvent[]> {
  if (!adminTeamIdsOf(options.user).includes(options.teamId)) throw new AppError("not_found");
  return (await listTeamEvents(context.db, { teamId: options.teamId })).map(toAccessEvent);
}

const CSV_COLUMNS = ["at", "secretId", "label", "kind", "userEmail", "userName", "ipPrefix", "browser", "viewsLeft"] as const;

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function accessLogToCsv(events: TAccessEvent[]): string {
  const cell = (value: string | number | null) => {
    if (value === null) return "";
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = events.map((event) =>
    [event.at, event.secretId, event.label, event.kind, event.user?.email ?? null, event.user?.name ?? null, event.ipPrefix, event.browser, event.viewsLeft]
      .map(cell)
      .join(","),
  );
  return [CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
}
