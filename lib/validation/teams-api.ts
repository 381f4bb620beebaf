import { z } from "zod";
import { MAX_EXPIRES_IN_SECONDS, MAX_MAX_VIEWS, MIN_EXPIRES_IN_SECONDS, MIN_MAX_VIEWS } from "./limits";

const ZWebhookUrl = z.url({ protocol: /^https?$/ }).max(2_000).nullable();

export const ZTeamPolicy = z.strictObject({
  maxExpiresInSeconds: z.number().int().min(MIN_EXPIRES_IN_SECONDS).max(MAX_EXPIRES_IN_SECONDS).nullable(),
  maxViews: z.number().int().min(MIN_MAX_VIEWS).max(MAX_MAX_VIEWS).nullable(),
  requirePassphrase: z.boolean(),
});

export const ZTeamSettingsUpdate = z.strictObject({
  policy: ZTeamPolicy,
  slackWebhookUrl: ZWebhookUrl,
  webhookUrl: ZWebhookUrl,
  /** Omit to keep the current signing secret; null removes it. */
  webhookSecret: z.string().min(16).max(200).nullable().optional(),
});

export const ZTeamSettings = z.strictObject({
  policy: ZTeamPolicy,
  slackWebhookUrl: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  hasWebhookSecret: z.boolean(),
});

export const ZAddTeamMember = z.strictObject({ email: z.email().max(320), role: z.enum(["admin", "member"]) });

export const ZTeamMembers = z.strictObject({
  members: z.array(
    z.strictObject({
      userId: z.string(),
      email: z.string(),
      name: z.string().nullable(),
      role: z.enum(["admin", "member"]),
      source: z.enum(["idp", "manual"]),
      since: z.iso.datetime(),
    }),
  ),
});

export const ZRemoveTeamMemberResult = z.strictObject({ sessionsEnded: z.number().int(), linksBurned: z.number().int() });

export const ZInstanceSettings = z.strictObject({ anonymousCreationAllowed: z.boolean() });

export type TTeamSettingsUpdate = z.infer<typeof ZTeamSettingsUpdate>;
export type TTeamSettings = z.infer<typeof ZTeamSettings>;
export type TTeamMembers = z.infer<typeof ZTeamMembers>;
