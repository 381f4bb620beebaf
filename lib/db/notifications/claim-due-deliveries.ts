import "server-only";
import type { TDatabase } from "../types";
import type { TNotificationEvent, TNotificationTarget } from "./enqueue-team-notification";

export type TDueDelivery = {
  id: string;
  teamId: string;
  target: TNotificationTarget;
  event: TNotificationEvent;
  payloadJson: string;
  attempts: number;
  url: string;
  signingSecret: string | null;
};

/**
 * Takes up to `limit` deliveries that are due, leasing each for `leaseMs` with a
 * conditional update, so when several instances run the worker exactly one sends each.
 */
export async function claimDueDeliveries(
  db: TDatabase,
  options: { now: Date; limit: number; leaseMs: number },
): Promise<TDueDelivery[]> {
  const nowMs = BigInt(options.now.getTime());
  const due = await db.prisma.notificationDelivery.findMany({
    where: { deliveredAtMs: null, failedAtMs: null, nextAttemptAtMs: { lte: nowMs } },
    orderBy: { nextAttemptAtMs: "asc" },
    take: options.limit,
    include: { team: { select: { slackWebhookUrl: true, webhookUrl: true, webhookSecret: true } } },
  });
  const claimed: TDueDelivery[] = [];
  for (const row of due) {
    const lease = await db.prisma.notificationDelivery.updateMany({
      where: { id: row.id, nextAttemptAtMs: row.nextAttemptAtMs, deliveredAtMs: null, failedAtMs: null },
      data: { nextAttemptAtMs: nowMs + BigInt(options.leaseMs) },
    });
    if (lease.count !== 1) continue;
    const url = row.target === "slack" ? row.team.slackWebhookUrl : row.team.webhookUrl;
    if (!url) {
      // The team removed the webhook since: nothing to send any more.
      await db.prisma.notificationDelivery.update({ where: { id: row.id }, data: { failedAtMs: nowMs, lastError: "webhook removed" } });
      continue;
    }
    claimed.push({
      id: row.id,
      teamId: row.teamId,
      target: row.target as TNotificationTarget,
      event: row.event as TNotificationEvent,
      payloadJson: row.payloadJson,
      attempts: row.attempts,
      url,
      signingSecret: row.team.webhookSecret,
    });
  }
  return claimed;
}

export async function markDeliverySent(db: TDatabase, options: { id: string; now: Date }): Promise<void> {
  await db.prisma.notificationDelivery.update({
    where: { id: options.id },
    data: { deliveredAtMs: BigInt(options.now.getTime()), attempts: { increment: 1 }, lastError: null },
  });
}

/** Schedules the next try, or gives up for good (failedAt) once `giveUp` is true. */
export async function markDeliveryFailed(
  db: TDatabase,
  options: { id: string; now: Date; error: string; nextAttemptAt: Date | null },
): Promise<void> {
  await db.prisma.notificationDelivery.update({
    where: { id: options.id },
    data: {
      attempts: { increment: 1 },
      lastError: options.error.slice(0, 200),
      ...(options.nextAttemptAt
        ? { nextAttemptAtMs: BigInt(options.nextAttemptAt.getTime()) }
        : { failedAtMs: BigInt(options.now.getTime()) }),
    },
  });
}
