import { z } from "zod";

const zPositiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every setting Hushlink reads from the environment; README.md lists them for operators. */
export const ZServerEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: zPositiveInt(10),
  RATE_LIMIT_CREATES_PER_MINUTE: zPositiveInt(120),
  RATE_LIMIT_REVEALS_PER_MINUTE: zPositiveInt(60),
  MAX_WRONG_PROOFS: zPositiveInt(10),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  PURGE_INTERVAL_SECONDS: zPositiveInt(60),
  METRICS_TOKEN: z.string().min(16).optional(),
  NOTIFICATION_INTERVAL_SECONDS: zPositiveInt(5),
  ALLOW_INSECURE_WEBHOOKS: z.enum(["0", "1"]).default("0"),
  // Sign-in (optional: without OIDC_ISSUER, Hushlink runs anonymous-only).
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DISPLAY_NAME: z.string().min(1).default("Company SSO"),
  OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
  OIDC_ADMIN_GROUP_SUFFIX: z.string().min(1).default(":admin"),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  ALLOWED_EMAIL_DOMAINS: z.string().default(""),
  ADMIN_EMAILS: z.string().default(""),
  SESSION_MAX_AGE_HOURS: zPositiveInt(12),
  HUSHLINK_DEMO_SIGN_IN: z.enum(["0", "1"]).default("0"),
});

export type TServerEnv = z.infer<typeof ZServerEnv>;

/** Comma- or space-separated lists, lower-cased (domains and emails compare case-insensitively). */
export function parseList(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}

/** Parses the environment once; a bad value stops the start with a message naming it. */
export function parseServerEnv(source: Record<string, string | undefined> = process.env): TServerEnv {
  const result = ZServerEnv.safeParse(source);
  if (result.success) {
    const env = result.data;
    const oidcParts = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET, env.NEXTAUTH_URL, env.NEXTAUTH_SECRET];
    if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
      throw new Error("Invalid environment: sign-in needs all of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, NEXTAUTH_URL and NEXTAUTH_SECRET");
    }
    return env;
  }
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  throw new Error(`Invalid environment: ${problems}`);
}
