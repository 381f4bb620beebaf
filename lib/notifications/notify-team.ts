import "server-only";
import { enqueueTeamNotification, type TDatabase, type TNotificationEvent } from "@/lib/db";
import { describeError, logEvent } from "@/lib/log";
import type { TNotificationPayload } from "./build-notification";

/**
 * Queues a team notification beside the event it reports. It never throws: a reveal that
 * succeeded must not fail because a notification could not be queued.
 */
export async function notifyTeam(
  db: TDatabase,
  options: {
    teamId: string | null;
    event: TNotificationEvent;
    label: string | null;
    viewer: { name: string | null; email: string } | null;
    viewsLeft: number | null;
    now: Date;
  },
): Promise<void> {
  if (!options.teamId) return;
  try {
    const payloadFor = (teamName: string): TNotificationPayload => ({
      event: options.event,
      team: teamName,
      label: options.label,
      viewer: options.viewer,
      at: options.now.toISOString(),
      viewsLeft: options.viewsLeft,
    });
    await enqueueTeamNotification(db, { teamId: options.teamId, event: options.event, payloadFor, now: options.now });
  } catch (error) {
    logEvent("warn", "notification.enqueue_failed", describeError(error));
  }
}
