import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Hushlink-Signature";

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`: the timestamp is signed
 * too, so a receiver can refuse replays older than a few minutes.
 */
export function signWebhookBody(options: { secret: string; body: string; timestampSeconds: number }): string {
  const mac = createHmac("sha256", options.secret).update(`${options.timestampSeconds}.${options.body}`).digest("hex");
  return `t=${options.timestampSeconds},v1=${mac}`;
}

/** What a receiver runs; used by our tests and documented in the README. */
export function verifyWebhookSignature(options: { secret: string; body: string; header: string | null; nowSeconds: number; toleranceSeconds?: number }): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(options.header ?? "");
  if (!match) return false;
  const timestampSeconds = Number(match[1]);
  if (Math.abs(options.nowSeconds - timestampSeconds) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhookBody({ secret: options.secret, body: options.body, timestampSeconds }).slice(-64), "hex");
  return timingSafeEqual(expected, Buffer.from(match[2]!, "hex"));
}
