import "server-only";
import { AppError } from "@/lib/app-error";
import type { TCurrentUser } from "@/lib/auth/types";
import { burnSecret, burnSecretAsMember, findSecretForDashboard } from "@/lib/db";
import { notifyTeam } from "@/lib/notifications/notify-team";
import type { TSecretsContext } from "./context";
import { hashManageToken } from "./random-token";
import { recordAccess, type TAccessInfo } from "./record-access";

/**
 * Destroys a live secret for whoever holds its manage token, or for its signed-in creator
 * or an admin of its team. Anyone else learns nothing: the answer is the same 404.
 */
export async function burnLiveSecret(
  context: TSecretsContext,
  options: { id: string; manageToken: string | null; user: TCurrentUser | null; access: TAccessInfo },
): Promise<void> {
  const now = context.now();
  let burned = false;
  if (options.manageToken) {
    burned = await burnSecret(context.db, { id: options.id, manageTokenHash: hashManageToken(options.manageToken), now });
  } else if (options.user) {
    const adminTeamIds = options.user.memberships.filter((membership) => membership.role === "admin").map((membership) => membership.teamId);
    burned = await burnSecretAsMember(context.db, { id: options.id, userId: options.user.id, adminTeamIds, now });
  }
  if (!burned) throw new AppError("not_found");
  const secret = await findSecretForDashboard(context.db, { id: options.id });
  if (!secret) return;
  await recordAccess(context, { secret, kind: "burned", userId: options.user?.id ?? null, access: options.access, viewsLeft: null });
  const viewer = options.user ? { name: options.user.name, email: options.user.email } : null;
  await notifyTeam(context.db, { teamId: secret.teamId, event: "secret.burned", label: secret.label, viewer, viewsLeft: null, now });
}
