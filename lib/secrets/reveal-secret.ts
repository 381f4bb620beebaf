import "server-only";
import { AppError } from "@/lib/app-error";
import { proofMatchesVerifier } from "@/lib/crypto";
import { claimSecretView, findLiveSecret, recordWrongProof } from "@/lib/db";
import { ZEnvelopeV1, type TRevealSecretResponse } from "@/lib/validation";
import type { TSecretsContext } from "./context";

export const ATTEMPTS_LEFT_HEADER = "Hushlink-Attempts-Left";

/**
 * Hands out the envelope for one view. The proof is checked before anything is claimed, so
 * a wrong key or passphrase never uses a view; it counts towards burning the secret instead.
 */
export async function revealSecret(
  context: TSecretsContext,
  options: { id: string; proof: string; clientIp: string },
): Promise<TRevealSecretResponse> {
  const decision = await context.limiters.reveals.consume(options.clientIp);
  if (!decision.allowed) {
    throw new AppError("too_many_attempts", { headers: { "Retry-After": String(decision.retryAfterSeconds) } });
  }
  const now = context.now();
  const secret = await findLiveSecret(context.db, { id: options.id, now });
  if (!secret) throw new AppError("not_found");

  if (!proofMatchesVerifier({ proof: options.proof, verifier: secret.verifier })) {
    const outcome = await recordWrongProof(context.db, { id: options.id, now, maxWrongProofs: context.maxWrongProofs });
    if (!outcome || outcome.burned) throw new AppError("not_found");
    const attempts = outcome.attemptsLeft === 1 ? "1 attempt is" : `${outcome.attemptsLeft} attempts are`;
    throw new AppError("wrong_proof", {
      detail: `${attempts} left before the secret is destroyed.`,
      headers: { [ATTEMPTS_LEFT_HEADER]: String(outcome.attemptsLeft) },
    });
  }

  const claimed = await claimSecretView(context.db, { id: options.id, now });
  if (!claimed) throw new AppError("not_found");
  return { envelope: ZEnvelopeV1.parse(JSON.parse(claimed.envelopeJson)), viewsLeft: claimed.viewsLeft };
}
