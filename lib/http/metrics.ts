import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

type TMetrics = {
  registry: Registry;
  requests: Counter<"route" | "method" | "status">;
  requestSeconds: Histogram<"route" | "method">;
  secretEvents: Counter<"event">;
};

type TMetricsState = { metrics?: TMetrics };
// One registry per process: Next's bundles and the lean server count into the same one.
const metricsState = ((globalThis as { __hushlinkMetrics?: TMetricsState }).__hushlinkMetrics ??= {});

/** Prometheus metrics of this instance: requests by route template, secrets by lifecycle event. */
export function metrics(): TMetrics {
  if (!metricsState.metrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "hushlink_process_" });
    metricsState.metrics = {
      registry,
      requests: new Counter({
        name: "hushlink_http_requests_total",
        help: "API requests by route template, method and status",
        labelNames: ["route", "method", "status"],
        registers: [registry],
      }),
      requestSeconds: new Histogram({
        name: "hushlink_http_request_duration_seconds",
        help: "API request latency by route template",
        labelNames: ["route", "method"],
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [registry],
      }),
      secretEvents: new Counter({
        name: "hushlink_secrets_total",
        help: "Secrets created, revealed (views), burned and purged after expiry",
        labelNames: ["event"],
        registers: [registry],
      }),
    };
  }
  return metricsState.metrics;
}

export type TSecretMetricEvent = "created" | "revealed" | "burned" | "expired";

export function countSecretEvent(event: TSecretMetricEvent, amount = 1): void {
  if (amount > 0) metrics().secretEvents.inc({ event }, amount);
}

type TRequestSeries = { count: { inc(): void }; latency: { observe(seconds: number): void } };
/** Labelled series looked up once per route, method and status, not hashed per request. */
const requestSeries = new Map<string, TRequestSeries>();
const MAX_REQUEST_SERIES = 1_000;

export function observeRequest(options: { route: string; method: string; status: number; seconds: number }): void {
  const key = `${options.route} ${options.method} ${options.status}`;
  let series = requestSeries.get(key);
  if (!series) {
    const { requests, requestSeconds } = metrics();
    series = {
      count: requests.labels({ route: options.route, method: options.method, status: String(options.status) }),
      latency: requestSeconds.labels({ route: options.route, method: options.method }),
    };
    // Methods come from clients; never let them grow this map without bound.
    if (requestSeries.size < MAX_REQUEST_SERIES) requestSeries.set(key, series);
  }
  series.count.inc();
  series.latency.observe(options.seconds);
}
