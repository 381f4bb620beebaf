import "server-only";
import { recordSecretEvent, type TSecretEventKind, type TSecretRecord } from "@/lib/db";
import { browserFamily, truncateIp } from "@/lib/http/client-hints";
import { describeError, logEvent } from "@/lib/log";
import type { TSecretsContext } from "./context";

export type TAccessInfo = { clientIp: string; userAgent: string | null };

/** Whether anyone has a dashboard for this secret; anonymous links keep no access log. */
type TOwnedSecret = Pick<TSecretRecord, "id" | "creatorUserId" | "teamId">;

export const hasAccessLog = (secret: TOwnedSecret) => secret.creatorUserId !== null || secret.teamId !== null;

/**
 * Appends to the access log of an owned secret. A failure here is logged and swallowed:
 * the log must never turn a successful reveal into an error after the view is spent.
 */
export async function recordAccess(
  context: TSecretsContext,
  options: { secret: TOwnedSecret; kind: TSecretEventKind; userId: string | null; access: TAccessInfo; viewsLeft: number | null },
): Promise<void> {
  if (!hasAccessLog(options.secret)) return;
  try {
    await recordSecretEvent(context.db, {
      secretId: options.secret.id,
      teamId: options.secret.teamId,
      kind: options.kind,
      at: context.now(),
      userId: options.userId,
      ipPrefix: truncateIp(options.access.clientIp),
      browser: browserFamily(options.access.userAgent),
      viewsLeft: options.viewsLeft,
    });
  } catch (error) {
    logEvent("warn", "access_log.write_failed", describeError(error));
  }
}
