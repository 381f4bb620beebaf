// Runs one load scenario in a separate process (load-worker.mjs) and returns its figures.
import { fork } from "node:child_process";
import path from "node:path";
import { stopChild, trackChild } from "./processes.mjs";

/** Beyond the run's own duration: worker start, connection setup, the last answers. */
const HARD_TIMEOUT_MARGIN_MS = 30_000;

/**
 * @typedef {{
 *   requestsPerSecond: number, p50Ms: number | null, p90Ms: number | null, p99Ms: number | null, p999Ms: number | null, maxMs: number | null,
 *   ok: number, errors: number, non2xx: number, statusCounts: Record<string, number>, seconds: number, ranOutOfSecrets: boolean
 * }} TLoadFigures
 */

/**
 * @typedef {{
 *   baseUrl: string, scenario: "create" | "reveal" | "mixed" | "metadata" | "warmup",
 *   connections: number, durationSeconds: number, maxRequests?: number, revealFile?: string, describeFile?: string
 * }} TLoadJob
 */

/**
 * Starts a scenario; `stop()` ends it early, `done` resolves with the figures. The worker is
 * killed if it overruns its duration by 30 s.
 * @param {TLoadJob} job
 * @returns {{ done: Promise<TLoadFigures>, stop: () => void }}
 */
export function startLoad(job) {
  const worker = trackChild(fork(path.join(import.meta.dirname, "load-worker.mjs"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] }));
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopChild(worker, 1_000);
      reject(new Error(`load worker for ${job.scenario} overran ${job.durationSeconds} s`));
    }, job.durationSeconds * 1000 + HARD_TIMEOUT_MARGIN_MS);
    worker.once("message", (/** @type {any} */ message) => {
      clearTimeout(timer);
      if (message && message.result) resolve(message.result);
      else reject(new Error(`load worker failed: ${message?.error ?? "no result"}`));
    });
    worker.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`load worker exited (${code ?? signal}) without a result`));
    });
  });
  worker.send(job);
  return {
    done,
    stop: () => {
      if (worker.connected) worker.send("stop");
    },
  };
}

/**
 * Runs a scenario to its end.
 * @param {TLoadJob} job
 * @returns {Promise<TLoadFigures>}
 */
export function runLoad(job) {
  return startLoad(job).done;
}
