import "server-only";
import { AppError } from "@/lib/app-error";
import type { TMembershipRecord } from "@/lib/db";
import type { TCreateSecretRequest } from "@/lib/validation";

/** The team a signed-in creator files a link under: the one asked for (if theirs) or their first. */
export function pickCreatorTeam(options: { memberships: TMembershipRecord[]; requestedTeamId: string | undefined }): TMembershipRecord | null {
  if (!options.requestedTeamId) return options.memberships[0] ?? null;
  const membership = options.memberships.find((candidate) => candidate.teamId === options.requestedTeamId);
  if (!membership) throw new AppError("invalid_request", { detail: "teamId: not one of your teams." });
  return membership;
}

/** Refuses a create that breaks the team's policy, saying which rule. */
export function enforceTeamPolicy(options: { membership: TMembershipRecord; input: TCreateSecretRequest }): void {
  const { policy, teamName } = options.membership;
  if (policy.maxExpiresInSeconds !== null && options.input.expiresIn > policy.maxExpiresInSeconds) {
    throw new AppError("policy_violation", { detail: `${teamName} allows links to live at most ${policy.maxExpiresInSeconds} seconds.` });
  }
  if (policy.maxViews !== null && options.input.maxViews > policy.maxViews) {
    throw new AppError("policy_violation", { detail: `${teamName} allows at most ${policy.maxViews} views per link.` });
  }
  if (policy.requirePassphrase && options.input.envelope.kdf.alg !== "scrypt") {
    throw new AppError("policy_violation", { detail: `${teamName} requires a passphrase on every link.` });
  }
}
