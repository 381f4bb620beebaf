import "server-only";
import { AppError } from "@/lib/app-error";
import { burnSecret } from "@/lib/db";
import type { TSecretsContext } from "./context";
import { hashManageToken } from "./random-token";

/** Destroys a live secret for whoever holds its manage token; anyone else learns nothing. */
export async function burnSecretWithToken(context: TSecretsContext, options: { id: string; manageToken: string }): Promise<void> {
  const burned = await burnSecret(context.db, {
    id: options.id,
    manageTokenHash: hashManageToken(options.manageToken),
    now: context.now(),
  });
  if (!burned) throw new AppError("not_found");
}
