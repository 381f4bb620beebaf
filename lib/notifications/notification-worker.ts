import "server-only";
import { claimDueDeliveries, markDeliveryFailed, markDeliverySent, type TDatabase } from "@/lib/db";
import { describeError, logEvent } from "@/lib/log";
import { deliverNotification } from "./deliver-notification";

export const MAX_DELIVERY_ATTEMPTS = 6;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 3_600_000;
const LEASE_MS = 30_000;
const BATCH = 20;

/** 5 s, 20 s, 80 s, ... capped at an hour; null after the last attempt. */
export function nextRetryDelayMs(attemptsSoFar: number): number | null {
  if (attemptsSoFar + 1 >= MAX_DELIVERY_ATTEMPTS) return null;
  return Math.min(FIRST_RETRY_MS * 4 ** attemptsSoFar, MAX_RETRY_MS);
}

/** Sends every due delivery once; returns how many were attempted. */
export async function runDueDeliveries(options: { db: TDatabase; now: () => Date }): Promise<number> {
  const due = await claimDueDeliveries(options.db, { now: options.now(), limit: BATCH, leaseMs: LEASE_MS });
  await Promise.all(
    due.map(async (delivery) => {
      const outcome = await deliverNotification(delivery, { now: options.now() });
      const now = options.now();
      if (outcome.ok) return markDeliverySent(options.db, { id: delivery.id, now });
      const delayMs = nextRetryDelayMs(delivery.attempts);
      logEvent("warn", "notification.delivery_failed", { target: delivery.target, attempt: delivery.attempts + 1, error: outcome.error });
      return markDeliveryFailed(options.db, { id: delivery.id, now, error: outcome.error, nextAttemptAt: delayMs === null ? null : new Date(now.getTime() + delayMs) });
    }),
  );
  return due.length;
}

/** Runs the outbox on a timer that never keeps the process alive. */
export function startNotificationWorker(options: { db: TDatabase; now: () => Date; intervalMs: number }) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runDueDeliveries(options);
    } catch (error) {
      logEvent("warn", "notification.worker_failed", describeError(error));
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), runNow: tick };
}
