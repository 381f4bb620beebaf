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
});

export type TServerEnv = z.infer<typeof ZServerEnv>;

/** Parses the environment once; a bad value stops the start with a message naming it. */
export function parseServerEnv(source: Record<string, string | undefined> = process.env): TServerEnv {
  const result = ZServerEnv.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  throw new Error(`Invalid environment: ${problems}`);
}
