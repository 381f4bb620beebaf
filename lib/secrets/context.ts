import type { TDatabase, TRateLimiter } from "@/lib/db";

/** What the use cases need from the outside world, injected so tests can control time. */
export type TSecretsContext = {
  db: TDatabase;
  now: () => Date;
  maxWrongProofs: number;
  limiters: { creates: TRateLimiter; reveals: TRateLimiter };
};
