import "server-only";
import { AppError } from "@/lib/app-error";
import type { TCurrentUser } from "@/lib/auth/types";
import {
  addTeamMemberByEmail,
  getInstanceSettings,
  getTeamWebhooks,
  listTeamMembers,
  removeTeamMember,
  updateInstanceSettings,
  updateTeamPolicy,
  updateTeamWebhooks,
  type TDatabase,
  type TInstanceSettings,
} from "@/lib/db";
import type { TTeamMembers, TTeamSettings, TTeamSettingsUpdate } from "@/lib/validation";

export type TTeamAdminContext = { db: TDatabase; now: () => Date; allowInsecureWebhooks: boolean };

/**
 * The caller's admin membership of `teamId`, from their session. Anyone else gets the same
 * 404 as for a team that does not exist.
 */
export function requireTeamAdmin(user: TCurrentUser, teamId: string) {
  const membership = user.memberships.find((candidate) => candidate.teamId === teamId && candidate.role === "admin");
  if (!membership) throw new AppError("not_found");
  return membership;
}

export function requireInstanceAdmin(user: TCurrentUser): void {
  if (!user.isInstanceAdmin) throw new AppError("not_found");
}

export async function readTeamSettings(context: TTeamAdminContext, options: { user: TCurrentUser; teamId: string }): Promise<TTeamSettings> {
  const membership = requireTeamAdmin(options.user, options.teamId);
  const webhooks = await getTeamWebhooks(context.db, { teamId: options.teamId });
  if (!webhooks) throw new AppError("not_found");
  return { policy: membership.policy, ...webhooks };
}

/** Webhooks go to https only (they carry link activity), unless the operator allows http for local testing. */
function assertWebhookUrl(url: string | null, options: { allowInsecure: boolean; field: string }): void {
  if (url === null) return;
  if (new URL(url).protocol !== "https:" && !options.allowInsecure) {
    throw new AppError("invalid_request", { detail: `${options.field}: must be an https:// URL.` });
  }
}

export async function changeTeamSettings(
  context: TTeamAdminContext,
  options: { user: TCurrentUser; teamId: string; update: TTeamSettingsUpdate },
): Promise<TTeamSettings> {
  requireTeamAdmin(options.user, options.teamId);
  const { update } = options;
  assertWebhookUrl(update.slackWebhookUrl, { allowInsecure: context.allowInsecureWebhooks, field: "slackWebhookUrl" });
  assertWebhookUrl(update.webhookUrl, { allowInsecure: context.allowInsecureWebhooks, field: "webhookUrl" });
  await updateTeamPolicy(context.db, { teamId: options.teamId, policy: update.policy });
  await updateTeamWebhooks(context.db, {
    teamId: options.teamId,
    slackWebhookUrl: update.slackWebhookUrl,
    webhookUrl: update.webhookUrl,
    webhookSecret: update.webhookSecret,
  });
  const webhooks = await getTeamWebhooks(context.db, { teamId: options.teamId });
  if (!webhooks) throw new AppError("not_found");
  return { policy: update.policy, ...webhooks };
}

export async function teamMembers(context: TTeamAdminContext, options: { user: TCurrentUser; teamId: string }): Promise<TTeamMembers> {
  requireTeamAdmin(options.user, options.teamId);
  const members = await listTeamMembers(context.db, { teamId: options.teamId });
  return { members: members.map((member) => ({ ...member, since: member.since.toISOString() })) };
}

export async function addMember(
  context: TTeamAdminContext,
  options: { user: TCurrentUser; teamId: string; email: string; role: "admin" | "member" },
): Promise<void> {
  requireTeamAdmin(options.user, options.teamId);
  await addTeamMemberByEmail(context.db, { teamId: options.teamId, email: options.email, role: options.role, now: context.now() });
}

/** Offboarding: removes the member, ends all their sessions, optionally burns their live links. */
export async function removeMember(
  context: TTeamAdminContext,
  options: { user: TCurrentUser; teamId: string; memberUserId: string; burnLiveLinks: boolean },
) {
  requireTeamAdmin(options.user, options.teamId);
  const result = await removeTeamMember(context.db, {
    teamId: options.teamId,
    userId: options.memberUserId,
    burnLiveLinks: options.burnLiveLinks,
    now: context.now(),
  });
  if (!result.removed) throw new AppError("not_found");
  return { sessionsEnded: result.sessionsEnded, linksBurned: result.linksBurned };
}

export async function readInstanceSettings(context: TTeamAdminContext, options: { user: TCurrentUser }): Promise<TInstanceSettings> {
  requireInstanceAdmin(options.user);
  return getInstanceSettings(context.db);
}

export async function changeInstanceSettings(
  context: TTeamAdminContext,
  options: { user: TCurrentUser; settings: TInstanceSettings },
): Promise<TInstanceSettings> {
  requireInstanceAdmin(options.user);
  await updateInstanceSettings(context.db, options.settings);
  return options.settings;
}
