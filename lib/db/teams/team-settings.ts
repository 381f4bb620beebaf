import "server-only";
import type { TDatabase } from "../types";
import type { TTeamPolicy } from "../auth/types";

export type TTeamWebhooks = { slackWebhookUrl: string | null; webhookUrl: string | null; hasWebhookSecret: boolean };

export async function updateTeamPolicy(db: TDatabase, options: { teamId: string; policy: TTeamPolicy }): Promise<void> {
  await db.prisma.team.update({ where: { id: options.teamId }, data: options.policy });
}

export async function getTeamWebhooks(db: TDatabase, options: { teamId: string }): Promise<TTeamWebhooks | null> {
  const team = await db.prisma.team.findUnique({ where: { id: options.teamId } });
  if (!team) return null;
  return { slackWebhookUrl: team.slackWebhookUrl, webhookUrl: team.webhookUrl, hasWebhookSecret: team.webhookSecret !== null };
}

/** Sets the team's webhooks; `webhookSecret` undefined keeps the current one. */
export async function updateTeamWebhooks(
  db: TDatabase,
  options: { teamId: string; slackWebhookUrl: string | null; webhookUrl: string | null; webhookSecret?: string | null },
): Promise<void> {
  await db.prisma.team.update({
    where: { id: options.teamId },
    data: {
      slackWebhookUrl: options.slackWebhookUrl,
      webhookUrl: options.webhookUrl,
      ...(options.webhookSecret === undefined ? {} : { webhookSecret: options.webhookSecret }),
    },
  });
}
