// The load generator: autocannon in a process of its own (never the server's, never the
// orchestrator's), started by load.mjs. It receives one job over IPC, runs it, answers with
// the figures and exits. A "stop" message ends the run early.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { randomCreateBody } from "./envelope.mjs";

const JSON_HEADERS = { "content-type": "application/json" };
/** Stop this many secrets before the end: requests already queued on every connection still land. */
const STOP_MARGIN = 256;
const MAX_LATENCY_SAMPLES = 8_000_000;
const REQUEST_TIMEOUT_SECONDS = 10;
/** A count bound on top of the time bound: far above anything 2 cores answer per second. */
const MAX_REQUESTS_PER_SECOND = 100_000;

/** @typedef {{ id: string, proof: string }} TRevealable */

/** @param {string | undefined} filePath @returns {TRevealable[]} */
function readSecrets(filePath) {
  if (!filePath) return [];
  return readFileSync(filePath, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [id, proof] = line.split(" ");
      return { id, proof };
    });
}

const createRequest = () => ({
  method: "POST",
  path: "/api/v1/secrets",
  headers: JSON_HEADERS,
  setupRequest: (request) => ({ ...request, body: randomCreateBody() }),
});

/** Each reveal takes the next pre-created 1-view secret; none is asked for twice. */
function revealRequest(secrets, onExhausted) {
  let next = 0;
  return {
    method: "POST",
    headers: JSON_HEADERS,
    setupRequest: (request) => {
      if (next >= secrets.length - STOP_MARGIN) onExhausted();
      const secret = secrets[Math.min(next++, secrets.length - 1)];
      return { ...request, path: `/api/v1/secrets/${secret.id}/reveal`, body: `{"proof":"${secret.proof}"}` };
    },
  };
}

function describeRequest(secrets) {
  let next = 0;
  return {
    method: "GET",
    setupRequest: (request) => ({ ...request, path: `/api/v1/secrets/${secrets[next++ % secrets.length].id}` }),
  };
}

/** The request cycle each connection runs, per scenario. */
function requestsFor(job, onExhausted) {
  const reveals = readSecrets(job.revealFile);
  const described = readSecrets(job.describeFile);
  switch (job.scenario) {
    case "create":
      return [createRequest()];
    case "reveal":
      return [revealRequest(reveals, onExhausted)];
    case "mixed":
      return [createRequest(), revealRequest(reveals, onExhausted)];
    case "metadata":
      return [describeRequest(described)];
    case "warmup":
      return [createRequest(), describeRequest(described)];
    default:
      throw new Error(`unknown scenario ${job.scenario}`);
  }
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted, fraction) {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return Math.round(sorted[index] * 100) / 100;
}

/**
 * Runs one job. Latencies are kept per 2xx response with sub-millisecond resolution
 * (autocannon's own histogram rounds to whole milliseconds).
 */
function run(job) {
  return new Promise((resolve, reject) => {
    const latencies = new Float64Array(Math.min(MAX_LATENCY_SAMPLES, Math.max(1_000, Math.ceil(job.maxSamples ?? MAX_LATENCY_SAMPLES))));
    let samples = 0;
    let exhausted = false;
    const statusCounts = {};
    /** @type {any} */
    let instance;
    const stop = () => setImmediate(() => instance?.stop());
    const onExhausted = () => {
      if (exhausted) return;
      exhausted = true;
      stop();
    };
    instance = autocannon(
      {
        url: job.baseUrl,
        connections: job.connections,
        duration: job.durationSeconds,
        pipelining: 1,
        timeout: REQUEST_TIMEOUT_SECONDS,
        // A count-bounded job (maxRequests) ends at that count; every job is bounded by time too.
        maxOverallRequests: job.maxRequests ?? Math.ceil(MAX_REQUESTS_PER_SECOND * job.durationSeconds),
        requests: requestsFor(job, onExhausted),
      },
      (error, result) => {
        if (error) return reject(error);
        const sorted = latencies.subarray(0, samples).sort();
        const ok = Object.entries(statusCounts).reduce((sum, [status, count]) => sum + (status.startsWith("2") ? count : 0), 0);
        const seconds = Math.max(result.duration, 0.001);
        resolve({
          requestsPerSecond: Math.round(ok / seconds),
          p50Ms: percentile(sorted, 0.5),
          p90Ms: percentile(sorted, 0.9),
          p99Ms: percentile(sorted, 0.99),
          p999Ms: percentile(sorted, 0.999),
          maxMs: sorted.length ? Math.round(sorted[sorted.length - 1] * 100) / 100 : null,
          ok,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          statusCounts,
          seconds: Math.round(seconds * 100) / 100,
          ranOutOfSecrets: exhausted,
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300 && samples < latencies.length) latencies[samples++] = responseTime;
    });
    process.on("message", (message) => {
      if (message === "stop") stop();
    });
  });
}

process.once("message", (job) => {
  run(job).then(
    (result) => process.send?.({ result }, () => process.exit(0)),
    (error) => process.send?.({ error: String(error?.stack ?? error) }, () => process.exit(1)),
  );
});
process.on("disconnect", () => process.exit(0));
