import type { TNotificationEvent } from "@/lib/db";

/**
 * What a notification says: the label (plain metadata), the viewer if signed in, the time,
 * the views left. Never the id, the ciphertext or anything that finds or opens the secret.
 */
export type TNotificationPayload = {
  event: TNotificationEvent;
  team: string;
  label: string | null;
  viewer: { name: string | null; email: string } | null;
  at: string;
  viewsLeft: number | null;
};

const EVENT_WORDS: Record<TNotificationEvent, string> = {
  "secret.opened": "was opened",
  "secret.burned": "was burned",
  "secret.expired_unopened": "expired without being opened",
};

/** The Slack incoming-webhook message (plain text; mrkdwn special characters escaped). */
export function slackMessage(payload: TNotificationPayload): { text: string } {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const label = payload.label ? `"${escape(payload.label)}"` : "An unlabelled link";
  const who = payload.viewer ? ` by ${escape(payload.viewer.name ?? payload.viewer.email)} (${escape(payload.viewer.email)})` : "";
  const left = payload.viewsLeft === null ? "" : ` ${payload.viewsLeft} ${payload.viewsLeft === 1 ? "view" : "views"} left.`;
  return { text: `Hushlink (${escape(payload.team)}): ${label} ${EVENT_WORDS[payload.event]}${who} at ${payload.at}.${left}` };
}
