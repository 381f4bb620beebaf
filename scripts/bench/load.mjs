import autocannon from "autocannon";
import { randomCreateBody } from "./envelope.mjs";

const JSON_HEADERS = { "content-type": "application/json" };
const STOP_MARGIN = 256;

/**
 * Runs one autocannon scenario and keeps the figures the report needs. `requests` gets a
 * `stop` callback: a reveal scenario calls it when its pre-created secrets run out, so the
 * run never pads its numbers with cheap 404s for spent secrets.
 */
function cannon({ baseUrl, connections, durationSeconds, makeRequests }) {
  return new Promise((resolve, reject) => {
    let instance;
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      setImmediate(() => instance?.stop());
    };
    instance = autocannon({ url: baseUrl, connections, duration: durationSeconds, pipelining: 1, requests: makeRequests(stop) }, (error, result) => {
      if (error) return reject(error);
      resolve({
        // Successful answers only: a 404 for a spent secret is cheap and must not count.
        requestsPerSecond: Math.round(result["2xx"] / Math.max(result.duration, 0.001)),
        p50Ms: result.latency.p50,
        p90Ms: result.latency.p90,
        p99Ms: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        total: result.requests.total,
        seconds: result.duration,
        ranOutOfSecrets: stopped,
      });
    });
  });
}

const createRequest = () => ({
  method: "POST",
  path: "/api/v1/secrets",
  headers: JSON_HEADERS,
  setupRequest: (request) => ({ ...request, body: randomCreateBody().body }),
});

/** Each reveal takes the next pre-created 1-view secret; none is ever asked for twice. */
function revealRequest(secrets, stop) {
  let next = 0;
  return {
    method: "POST",
    headers: JSON_HEADERS,
    setupRequest: (request) => {
      // Stop a little early: requests already in flight on every connection still land.
      if (next >= secrets.length - STOP_MARGIN) stop();
      const secret = secrets[Math.min(next++, secrets.length - 1)];
      return { ...request, path: `/api/v1/secrets/${secret.id}/reveal`, body: JSON.stringify({ proof: secret.proof }) };
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

export const SCENARIOS = {
  create: () => () => [createRequest()],
  reveal: ({ revealSecrets }) => (stop) => [revealRequest(revealSecrets, stop)],
  mixed: ({ revealSecrets }) => (stop) => [createRequest(), revealRequest(revealSecrets, stop)],
  metadata: ({ describeSecrets }) => () => [describeRequest(describeSecrets)],
};

export async function runScenario({ name, baseUrl, connections, durationSeconds, warmupSeconds, secrets }) {
  // Warm-up on metadata GETs (JIT, pools, caches) without spending secrets.
  if (warmupSeconds > 0 && secrets.describeSecrets) {
    await cannon({ baseUrl, connections, durationSeconds: warmupSeconds, makeRequests: SCENARIOS.metadata(secrets) });
  }
  return cannon({ baseUrl, connections, durationSeconds, makeRequests: SCENARIOS[name](secrets) });
}
