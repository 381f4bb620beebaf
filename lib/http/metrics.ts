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

export function observeRequest(options: { route: string; method: string; status: number; seconds: number }): void {
  const { requests, requestSeconds } = metrics();
  requests.inc({ route: options.route, method: options.method, status: String(options.status) });
  requestSeconds.observe({ route: options.route, method: options.method }, options.seconds);
}
