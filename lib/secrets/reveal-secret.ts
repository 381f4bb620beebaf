import "server-only";
import { AppError } from "@/lib/app-error";
import type { TCurrentUser } from "@/lib/auth/types";
import { proofMatchesVerifier, verifierForProof } from "@/lib/crypto";
import { claimSecretView, claimVerifiedView, findLiveSecret, recordWrongProof, type TSecretRecord } from "@/lib/db";
import { notifyTeam } from "@/lib/notifications/notify-team";
import type { TSecretsContext } from "./context";
import { hasAccessLog, recordAccess, type TAccessInfo } from "./record-access";

export const ATTEMPTS_LEFT_HEADER = "Hushlink-Attempts-Left";

/**
 * A revealed view. The envelope stays the JSON text it was stored as: it was re-serialised
 * from the validated request when the secret was created, so it goes out as it came in
 * (ZRevealSecretResponse) without a parse and a stringify per reveal.
 */
export type TRevealedSecret = { envelopeJson: string; viewsLeft: number };

/**
 * Hands out the envelope for one view. Team restriction and the proof are checked before
 * anything is claimed, so an outsider, a wrong key or a wrong passphrase never uses a view;
 * wrong proofs count towards burning the secret instead.
 */
export async function revealSecret(
  context: TSecretsContext,
  options: { id: string; proof: string; access: TAccessInfo; resolveUser: () => Promise<TCurrentUser | null> },
): Promise<TRevealedSecret> {
  const decision = await context.limiters.reveals.consume(options.access.clientIp);
  if (!decision.allowed) {
    throw new AppError("too_many_attempts", { headers: { "Retry-After": String(decision.retryAfterSeconds) } });
  }
  const now = context.now();
  const verifier = verifierForProof(options.proof);
  // Fast path: one statement for the common case of a right proof on an unrestricted link.
  const fast = verifier ? await claimVerifiedView(context.db, { id: options.id, verifier, now }) : null;
  if (fast) {
    const secret = { id: options.id, creatorUserId: fast.creatorUserId, teamId: fast.teamId, label: fast.label };
    const user = hasAccessLog(secret) ? await options.resolveUser() : null;
    await reportReveal(context, { secret, user, access: options.access, viewsLeft: fast.viewsLeft, now });
    return { envelopeJson: fast.envelopeJson, viewsLeft: fast.viewsLeft };
  }

  // Careful path: gone, restricted to a team, or a wrong proof; find out which.
  const secret = await findLiveSecret(context.db, { id: options.id, now });
  if (!secret) throw new AppError("not_found");

  // Only owned secrets need to know the viewer: for the team check and the access log.
  const user = secret.restrictToTeam || hasAccessLog(secret) ? await options.resolveUser() : null;
  const record = (kind: Parameters<typeof recordAccess>[1]["kind"], viewsLeft: number | null = null) =>
    recordAccess(context, { secret, kind, userId: user?.id ?? null, access: options.access, viewsLeft });

  if (secret.restrictToTeam) {
    if (!user) {
      await record("refused_signed_out");
      throw new AppError("sign_in_required", { detail: "This link is restricted to a team; sign in to open it. No view was used." });
    }
    if (!user.memberships.some((membership) => membership.teamId === secret.teamId)) {
      await record("refused_not_member");
      throw new AppError("not_team_member");
    }
  }

  if (!proofMatchesVerifier({ proof: options.proof, verifier: secret.verifier })) {
    const outcome = await recordWrongProof(context.db, { id: options.id, now, maxWrongProofs: context.maxWrongProofs });
    await record("wrong_proof");
    if (!outcome || outcome.burned) throw new AppError("not_found");
    const attempts = outcome.attemptsLeft === 1 ? "1 attempt is" : `${outcome.attemptsLeft} attempts are`;
    throw new AppError("wrong_proof", {
      detail: `${attempts} left before the secret is destroyed.`,
      headers: { [ATTEMPTS_LEFT_HEADER]: String(outcome.attemptsLeft) },
    });
  }

  const claimed = await claimSecretView(context.db, { id: options.id, now });
  if (!claimed) throw new AppError("not_found");
  await reportReveal(context, { secret, user, access: options.access, viewsLeft: claimed.viewsLeft, now });
  return { envelopeJson: claimed.envelopeJson, viewsLeft: claimed.viewsLeft };
}

/** After a view was claimed: the owner's access log and the team's notification. Never throws. */
async function reportReveal(
  context: TSecretsContext,
  options: {
    secret: Pick<TSecretRecord, "id" | "creatorUserId" | "teamId" | "label">;
    user: TCurrentUser | null;
    access: TAccessInfo;
    viewsLeft: number;
    now: Date;
  },
): Promise<void> {
  const { secret, user } = options;
  if (!hasAccessLog(secret)) return;
  await recordAccess(context, { secret, kind: "revealed", userId: user?.id ?? null, access: options.access, viewsLeft: options.viewsLeft });
  await notifyTeam(context.db, {
    teamId: secret.teamId,
    event: "secret.opened",
    label: secret.label,
    viewer: user ? { name: user.name, email: user.email } : null,
    viewsLeft: options.viewsLeft,
    now: options.now,
  });
}
