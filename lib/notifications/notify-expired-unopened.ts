import "server-only";
import type { TDatabase, TExpiredUnopened } from "@/lib/db";
import { notifyTeam } from "./notify-team";

/** Tells teams about links that ran out before anyone opened them (found by the purge). */
export async function notifyExpiredUnopened(db: TDatabase, options: { secrets: TExpiredUnopened[]; now: Date }): Promise<void> {
  for (const secret of options.secrets) {
    await notifyTeam(db, { teamId: secret.teamId, event: "secret.expired_unopened", label: secret.label, viewer: null, viewsLeft: null, now: options.now });
  }
}
