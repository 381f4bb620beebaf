import "server-only";
import { AppError } from "@/lib/app-error";
import { findLiveSecret } from "@/lib/db";
import type { TDescribeSecretResponse, TEnvelopeV1Input } from "@/lib/validation";
import type { TSecretsContext } from "./context";

/** What a link is, without consuming anything: safe for previews, scanners and reloads. */
export async function describeSecret(context: TSecretsContext, options: { id: string }): Promise<TDescribeSecretResponse> {
  const secret = await findLiveSecret(context.db, { id: options.id, now: context.now() });
  if (!secret?.envelopeJson) throw new AppError("not_found");
  // Stored only after validation (create-secret), so it is read back without another parse.
  const envelope = JSON.parse(secret.envelopeJson) as TEnvelopeV1Input;
  return {
    id: secret.id,
    expiresAt: secret.expiresAt.toISOString(),
    viewsLeft: secret.maxViews - secret.viewsUsed,
    kdf: envelope.kdf,
    ...(secret.restrictToTeam ? { restrictedToTeam: true as const } : {}),
  };
}
