import "server-only";
import { AppError } from "@/lib/app-error";
import type { TCurrentUser } from "@/lib/auth/types";
import { getInstanceSettings, insertSecret } from "@/lib/db";
import type { TCreateSecretRequest, TCreateSecretResponse } from "@/lib/validation";
import type { TSecretsContext } from "./context";
import { hashManageToken, newManageToken, newSecretId } from "./random-token";
import { enforceTeamPolicy, pickCreatorTeam } from "./team-policy";

/** Stores an already-encrypted envelope; the server never sees the key or the plaintext. */
export async function createSecret(
  context: TSecretsContext,
  options: { input: TCreateSecretRequest; clientIp: string; user: TCurrentUser | null },
): Promise<TCreateSecretResponse> {
  const { input, user } = options;
  const decision = await context.limiters.creates.consume(options.clientIp);
  if (!decision.allowed) {
    throw new AppError("rate_limited", { headers: { "Retry-After": String(decision.retryAfterSeconds) } });
  }
  if (!user && !(await getInstanceSettings(context.db)).anonymousCreationAllowed) {
    throw new AppError("sign_in_required", { detail: "This instance only lets signed-in people create links." });
  }
  if (!user && (input.label !== undefined || input.restrictTo !== undefined || input.teamId !== undefined)) {
    throw new AppError("invalid_request", { detail: "label, restrictTo and teamId need a signed-in user." });
  }
  const team = user ? pickCreatorTeam({ memberships: user.memberships, requestedTeamId: input.teamId }) : null;
  if (input.restrictTo === "team" && !team) {
    throw new AppError("invalid_request", { detail: "restrictTo: you are not a member of any team." });
  }
  if (team) enforceTeamPolicy({ membership: team, input });

  const createdAt = context.now();
  const expiresAt = new Date(createdAt.getTime() + input.expiresIn * 1000);
  const id = newSecretId();
  const manageToken = newManageToken();
  await insertSecret(context.db, {
    id,
    // Re-serialised from the validated object: only the known fields are ever stored.
    envelopeJson: JSON.stringify(input.envelope),
    verifier: input.verifier,
    manageTokenHash: hashManageToken(manageToken),
    createdAt,
    expiresAt,
    maxViews: input.maxViews,
    creatorUserId: user?.id ?? null,
    teamId: team?.teamId ?? null,
    label: input.label ?? null,
    restrictToTeam: input.restrictTo === "team",
  });
  return { id, expiresAt: expiresAt.toISOString(), maxViews: input.maxViews, manageToken };
}
