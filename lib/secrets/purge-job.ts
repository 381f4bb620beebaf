import "server-only";
import { purgeSpentSecrets, type TDatabase, type TPurgeResult } from "@/lib/db";
import { countSecretEvent } from "@/lib/http/metrics";

/**
 * Drops spent ciphertext on a timer. Every instance may run it: the statement is idempotent
 * and, on PostgreSQL, skips rows another instance is purging. The timer never keeps the
 * process alive and a failed run (database down) just waits for the next tick.
 */
export function startPurgeJob(options: {
  db: TDatabase;
  now: () => Date;
  intervalMs: number;
  onPurged?: (result: TPurgeResult) => Promise<void>;
  onError?: (error: unknown) => void;
}) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await purgeSpentSecrets(options.db, { now: options.now() });
      countSecretEvent("expired", result.purged);
      await options.onPurged?.(result);
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer), runNow: tick };
}
