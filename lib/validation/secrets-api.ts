import { z } from "zod";
import { zBase64UrlOfLength } from "./base64url";
import { ZEnvelopeV1, ZKdfParams } from "./envelope";
import {
  MAX_EXPIRES_IN_SECONDS,
  MAX_MAX_VIEWS,
  MIN_EXPIRES_IN_SECONDS,
  MIN_MAX_VIEWS,
  MAX_LABEL_LENGTH,
  PROOF_BYTES,
  SECRET_ID_BYTES,
} from "./limits";

/** 16 random bytes as canonical base64url: exactly 22 characters. */
export const ZSecretId = zBase64UrlOfLength(SECRET_ID_BYTES);

/** A label is plain metadata shown to the team: printable text, no control characters. */
export const ZSecretLabel = z
  .string()
  .trim()
  .min(1)
  .max(MAX_LABEL_LENGTH)
  .refine((label) => !/[\u0000-\u001f\u007f]/.test(label), { message: "must not contain control characters" });

export const ZCreateSecretRequest = z.strictObject({
  envelope: ZEnvelopeV1,
  verifier: zBase64UrlOfLength(PROOF_BYTES),
  expiresIn: z.number().int().min(MIN_EXPIRES_IN_SECONDS).max(MAX_EXPIRES_IN_SECONDS),
  maxViews: z.number().int().min(MIN_MAX_VIEWS).max(MAX_MAX_VIEWS),
  // Signed-in extras (refused for anonymous creators by the use case).
  label: ZSecretLabel.optional(),
  restrictTo: z.literal("team").optional(),
  teamId: z.uuid().optional(),
});

export const ZCreateSecretResponse = z.strictObject({
  id: ZSecretId,
  expiresAt: z.iso.datetime(),
  maxViews: z.number().int(),
  manageToken: z.string().min(1),
});

export const ZDescribeSecretResponse = z.strictObject({
  id: ZSecretId,
  expiresAt: z.iso.datetime(),
  viewsLeft: z.number().int().min(1),
  kdf: ZKdfParams,
  /** Present (true) only on links restricted to a team: the page asks the viewer to sign in first. */
  restrictedToTeam: z.literal(true).optional(),
});

export const ZRevealSecretRequest = z.strictObject({ proof: zBase64UrlOfLength(PROOF_BYTES) });

export const ZRevealSecretResponse = z.strictObject({
  envelope: ZEnvelopeV1,
  viewsLeft: z.number().int().min(0),
});

export const ZApiErrorBody = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string() }),
});

export type TCreateSecretRequest = z.infer<typeof ZCreateSecretRequest>;
export type TCreateSecretResponse = z.infer<typeof ZCreateSecretResponse>;
export type TDescribeSecretResponse = z.infer<typeof ZDescribeSecretResponse>;
export type TRevealSecretRequest = z.infer<typeof ZRevealSecretRequest>;
export type TRevealSecretResponse = z.infer<typeof ZRevealSecretResponse>;
export type TApiErrorBody = z.infer<typeof ZApiErrorBody>;
