import "server-only";
import { applyMigrations, createRateLimiter, openDatabase, parseDatabaseUrl } from "@/lib/db";
import { parseList, parseServerEnv, type TServerEnv } from "@/lib/env";
import type { TApiContext } from "@/lib/http/api-handler";
import { describeError, logEvent } from "@/lib/log";
import { notifyExpiredUnopened } from "@/lib/notifications/notify-expired-unopened";
import { startNotificationWorker } from "@/lib/notifications/notification-worker";
import { startPurgeJob } from "@/lib/secrets";

export const ONE_MINUTE_SECONDS = 60;

/** Builds everything a request needs from the environment: migrated database, limiters, purge job. */
export async function buildAppContext(env: TServerEnv, options: { cwd?: string; now?: () => Date } = {}): Promise<TApiContext> {
  const databaseConfig = parseDatabaseUrl({ databaseUrl: env.DATABASE_URL, cwd: options.cwd ?? process.cwd() });
  const applied = await applyMigrations(databaseConfig, { cwd: options.cwd });
  if (applied.length) logEvent("info", "database.migrated", { provider: databaseConfig.provider, applied: applied.join(",") });
  const db = await openDatabase(databaseConfig, { poolSize: env.DATABASE_POOL_SIZE, checkpointInBackground: true });
  const now = options.now ?? (() => new Date());
  return {
    db,
    now,
    maxWrongProofs: env.MAX_WRONG_PROOFS,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    metricsToken: env.METRICS_TOKEN,
    allowInsecureWebhooks: env.ALLOW_INSECURE_WEBHOOKS === "1",
    appOrigin: env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : undefined,
    adminEmails: parseList(env.ADMIN_EMAILS),
    limiters: {
      creates: createRateLimiter(db, { name: "creates", points: env.RATE_LIMIT_CREATES_PER_MINUTE, durationSeconds: ONE_MINUTE_SECONDS }),
      reveals: createRateLimiter(db, { name: "reveals", points: env.RATE_LIMIT_REVEALS_PER_MINUTE, durationSeconds: ONE_MINUTE_SECONDS }),
    },
  };
}

type TProcessState = { context?: Promise<TApiContext>; purgeStarted?: boolean };

// On globalThis so every bundle Next.js builds (and the lean server) shares one pool per process.
const processState = ((globalThis as { __hushlink?: TProcessState }).__hushlink ??= {});

/**
 * The process-wide context, built on first use. A failed start (database down) is not
 * cached, so the next request tries again and service returns by itself.
 */
export function getAppContext(): Promise<TApiContext> {
  if (!processState.context) {
    const env = parseServerEnv();
    processState.context = buildAppContext(env).then(
      (context) => {
        if (!processState.purgeStarted) {
          processState.purgeStarted = true;
          startPurgeJob({
            db: context.db,
            now: context.now,
            intervalMs: env.PURGE_INTERVAL_SECONDS * 1000,
            onPurged: ({ expiredUnopened }) => notifyExpiredUnopened(context.db, { secrets: expiredUnopened, now: context.now() }),
            onError: (error) => logEvent("warn", "purge.failed", describeError(error)),
          });
          startNotificationWorker({ db: context.db, now: context.now, intervalMs: env.NOTIFICATION_INTERVAL_SECONDS * 1000 });
        }
        return context;
      },
      (error: unknown) => {
        processState.context = undefined;
        throw error;
      },
    );
  }
  return processState.context;
}
