import "server-only";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { TDatabase } from "./types";

export type TRateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };
export type TRateLimiter = { consume(key: string): Promise<TRateLimitDecision> };

const RATE_LIMIT_TABLE = "rate_limits";

/**
 * A fixed-window limiter. On PostgreSQL its counters live in the app's own database (table
 * created by our migrations), so every instance shares them. The embedded SQLite database
 * serves one process, so its counters stay in that process: a second writer connection on
 * the same file would make every create wait for SQLite's write lock (measured: a third of
 * the server's time idle under load).
 */
export function createRateLimiter(
  db: TDatabase,
  options: { name: string; points: number; durationSeconds: number },
): TRateLimiter {
  const common = {
    keyPrefix: options.name,
    points: options.points,
    duration: options.durationSeconds,
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
  };
  const limiter =
    db.driver.provider === "sqlite"
      ? new RateLimiterMemory({ keyPrefix: options.name, points: options.points, duration: options.durationSeconds })
      : new RateLimiterPostgres({ ...common, storeClient: db.driver.pool, storeType: "pool" });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw rejection;
      }
    },
  };
}
