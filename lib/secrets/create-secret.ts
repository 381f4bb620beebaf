import "server-only";
import { AppError } from "@/lib/app-error";
import { insertSecret } from "@/lib/db";
import type { TCreateSecretRequest, TCreateSecretResponse } from "@/lib/validation";
import type { TSecretsContext } from "./context";
import { hashManageToken, newManageToken, newSecretId } from "./random-token";

/** Stores an already-encrypted envelope; the server never sees the key or the plaintext. */
export async function createSecret(
  context: TSecretsContext,
  options: { input: TCreateSecretRequest; clientIp: string },
): Promise<TCreateSecretResponse> {
  const decision = await context.limiters.creates.consume(options.clientIp);
  if (!decision.allowed) {
    throw new AppError("rate_limited", { headers: { "Retry-After": String(decision.retryAfterSeconds) } });
  }
  const createdAt = context.now();
  const expiresAt = new Date(createdAt.getTime() + options.input.expiresIn * 1000);
  const id = newSecretId();
  const manageToken = newManageToken();
  await insertSecret(context.db, {
    id,
    // Re-serialised from the validated object: only the known fields are ever stored.
    envelopeJson: JSON.stringify(options.input.envelope),
    verifier: options.input.verifier,
    manageTokenHash: hashManageToken(manageToken),
    createdAt,
    expiresAt,
    maxViews: options.input.maxViews,
  });
  return { id, expiresAt: expiresAt.toISOString(), maxViews: options.input.maxViews, manageToken };
}
