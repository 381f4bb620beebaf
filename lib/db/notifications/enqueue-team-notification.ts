import "server-only";
import { randomUUID } from "node:crypto";
import type { TDatabase } from "../types";

export type TNotificationEvent = "secret.opened" | "secret.burned" | "secret.expired_unopened";
export type TNotificationTarget = "slack" | "webhook";

/**
 * Queues one delivery per webhook the team has configured; nothing when it has none.
 * Returns how many were queued.
 */
export async function enqueueTeamNotification(
  db: TDatabase,
  options: { teamId: string; event: TNotificationEvent; payloadFor: (teamName: string) => unknown; now: Date },
): Promise<number> {
  const team = await db.prisma.team.findUnique({
    where: { id: options.teamId },
    select: { name: true, slackWebhookUrl: true, webhookUrl: true },
  });
  if (!team) return 0;
  const targets: TNotificationTarget[] = [];
  if (team.slackWebhookUrl) targets.push("slack");
  if (team.webhookUrl) targets.push("webhook");
  if (targets.length === 0) return 0;
  const nowMs = BigInt(options.now.getTime());
  const payloadJson = JSON.stringify(options.payloadFor(team.name));
  await db.prisma.notificationDelivery.createMany({
    data: targets.map((target) => ({
      id: randomUUID(),
      teamId: options.teamId,
      target,
      event: options.event,
      payloadJson,
      createdAtMs: nowMs,
      nextAttemptAtMs: nowMs,
    })),
  });
  return targets.length;
}
