import "server-only";
import type { TDueDelivery } from "@/lib/db";
import { slackMessage, type TNotificationPayload } from "./build-notification";
import { SIGNATURE_HEADER, signWebhookBody } from "./sign-webhook";

export const DELIVERY_TIMEOUT_MS = 5_000;

export type TDeliveryOutcome = { ok: true } | { ok: false; error: string };

/** Sends one delivery. Redirects are not followed: a webhook URL is the whole destination. */
export async function deliverNotification(delivery: TDueDelivery, options: { now: Date }): Promise<TDeliveryOutcome> {
  const payload = JSON.parse(delivery.payloadJson) as TNotificationPayload;
  const body = JSON.stringify(delivery.target === "slack" ? slackMessage(payload) : payload);
  const headers: Record<string, string> = { "Content-Type": "application/json", "User-Agent": "Hushlink-Webhook/1" };
  if (delivery.target === "webhook" && delivery.signingSecret) {
    headers[SIGNATURE_HEADER] = signWebhookBody({ secret: delivery.signingSecret, body, timestampSeconds: Math.floor(options.now.getTime() / 1000) });
  }
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    return response.ok ? { ok: true } : { ok: false, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.name : "network error" };
  }
}
