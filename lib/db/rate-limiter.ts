import "server-only";
import type pg from "pg";
import type { TDatabase } from "./types";

export type TRateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };
export type TRateLimiter = { consume(key: string): Promise<TRateLimitDecision> };

/** A grant of up to `points` from key's current fixed window, and when that window ends. */
type TReservation = { granted: number; windowEndsAtMs: number };
type TWindowStore = (options: { key: string; points: number; limit: number; durationMs: number; nowMs: number }) => Promise<TReservation>;

type TLease = { left: number; windowEndsAtMs: number; exhausted: boolean };

/** A lease is at most a tenth of the limit, so other instances are never starved for long. */
const LEASE_SHARE_OF_LIMIT = 10;
const MAX_LEASE_POINTS = 1_000;
/** Expired leases are swept once the table holds this many keys. */
const SWEEP_AT_KEYS = 10_000;

/**
 * A fixed-window limiter that takes its points in leases: one reservation hands this
 * instance a block of points for a key, which it then spends locally, so most requests
 * cost no database round trip.
 *
 * On PostgreSQL the windows live in the app's `rate_limits` table, so every instance shares
 * them. Reservations are clamped to what the window has left, so all instances together
 * never admit more than `points` per window; the price is that an instance may hold up to a
 * lease's worth of points it never spends, refusing others early by at most
 * (lease - 1) x (instances - 1) per window. The embedded SQLite database serves one
 * process, so its windows stay in that process (a second writer on the file would make
 * every create wait for SQLite's write lock).
 */
export function createRateLimiter(
  db: TDatabase,
  options: { name: string; points: number; durationSeconds: number; leasePoints?: number; now?: () => number },
): TRateLimiter {
  const store = db.driver.provider === "postgresql" ? postgresWindowStore(db.driver.pool) : memoryWindowStore();
  return leasedLimiter({ ...options, store });
}

function leasedLimiter(options: {
  name: string;
  points: number;
  durationSeconds: number;
  leasePoints?: number;
  now?: () => number;
  store: TWindowStore;
}): TRateLimiter {
  const limit = options.points;
  const durationMs = options.durationSeconds * 1000;
  const leasePoints = Math.max(1, Math.min(options.leasePoints ?? Math.floor(limit / LEASE_SHARE_OF_LIMIT), MAX_LEASE_POINTS, limit));
  const now = options.now ?? Date.now;
  const leases = new Map<string, TLease>();
  const reserving = new Map<string, Promise<void>>();

  const spend = (lease: TLease | undefined, nowMs: number): TRateLimitDecision | undefined => {
    if (!lease || lease.windowEndsAtMs <= nowMs) return undefined;
    if (lease.left > 0) {
      lease.left -= 1;
      return { allowed: true };
    }
    if (lease.exhausted) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((lease.windowEndsAtMs - nowMs) / 1000)) };
    return undefined;
  };

  const reserve = async (key: string) => {
    const nowMs = now();
    const reservation = await options.store({ key: `${options.name}:${key}`, points: leasePoints, limit, durationMs, nowMs });
    if (leases.size >= SWEEP_AT_KEYS) sweep(leases, nowMs);
    leases.set(key, { left: reservation.granted, windowEndsAtMs: reservation.windowEndsAtMs, exhausted: reservation.granted < leasePoints });
  };

  return {
    async consume(key) {
      for (;;) {
        const decision = spend(leases.get(key), now());
        if (decision) return decision;
        // One reservation per key at a time; everyone waiting then spends from it.
        let pending = reserving.get(key);
        if (!pending) {
          pending = reserve(key).finally(() => reserving.delete(key));
          reserving.set(key, pending);
        }
        await pending;
      }
    },
  };
}

function sweep(leases: Map<string, { windowEndsAtMs: number }>, nowMs: number): void {
  for (const [key, lease] of leases) if (lease.windowEndsAtMs <= nowMs) leases.delete(key);
}

function memoryWindowStore(): TWindowStore {
  const windows = new Map<string, { used: number; windowEndsAtMs: number }>();
  return async ({ key, points, limit, durationMs, nowMs }) => {
    let window = windows.get(key);
    if (!window || window.windowEndsAtMs <= nowMs) {
      if (windows.size >= SWEEP_AT_KEYS) sweep(windows, nowMs);
      window = { used: 0, windowEndsAtMs: nowMs + durationMs };
      windows.set(key, window);
    }
    const granted = Math.max(0, Math.min(points, limit - window.used));
    window.used += granted;
    return { granted, windowEndsAtMs: window.windowEndsAtMs };
  };
}

/**
 * One upsert per lease: starts a new window when the stored one has ended, else adds the
 * requested points to it, and returns the count so far. What was left before this request
 * (limit - (count - requested)) is what it gets.
 */
const RESERVE_SQL = `
  INSERT INTO rate_limits AS r (key, points, expire) VALUES ($1, $2, $3)
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN r.expire IS NULL OR r.expire <= $4 THEN EXCLUDED.points ELSE r.points + EXCLUDED.points END,
    expire = CASE WHEN r.expire IS NULL OR r.expire <= $4 THEN EXCLUDED.expire ELSE r.expire END
  RETURNING points, expire`;

function postgresWindowStore(pool: pg.Pool): TWindowStore {
  return async ({ key, points, limit, durationMs, nowMs }) => {
    const result = await pool.query<{ points: number; expire: string }>({
      name: "hushlink_rate_limit_reserve",
      text: RESERVE_SQL,
      values: [key, points, nowMs + durationMs, nowMs],
    });
    const row = result.rows[0]!;
    const before = row.points - points;
    return { granted: Math.max(0, Math.min(points, limit - before)), windowEndsAtMs: Number(row.expire) };
  };
}
