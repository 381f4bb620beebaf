import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSecretVia, proofFor, revealVia, startTestApi, type TTestApi } from "../helpers/test-api";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";

function sampleValue(exposition: string, metric: string): number {
  const line = exposition.split("\n").find((candidate) => candidate.startsWith(metric));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}

describe("Prometheus metrics", () => {
  let api: TTestApi;
  beforeAll(async () => {
    api = await startTestApi({ kind: "sqlite", env: { METRICS_TOKEN } });
  });
  afterAll(async () => api?.close());

  const scrape = async () => {
    const response = await api.call("/api/metrics", { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    return response.text();
  };

  it("refuses scrapes without the configured token", async () => {
    expect((await api.call("/api/metrics")).status).toBe(404);
    expect((await api.call("/api/metrics", { headers: { Authorization: "Bearer wrong-token-wrong-token-123" } })).status).toBe(404);
  });

  it("counts requests by route template and secrets by lifecycle event", async () => {
    const before = await scrape();
    const created = await createSecretVia(api, { text: "metered" });
    const { proof } = await proofFor(created);
    expect((await revealVia(api, { id: created.id, proof })).status).toBe(200);
    expect((await api.call(`/api/v1/secrets/${created.id}`)).status).toBe(404);
    const after = await scrape();

    const delta = (metric: string) => sampleValue(after, metric) - sampleValue(before, metric);
    expect(delta('hushlink_secrets_total{event="created"}')).toBe(1);
    expect(delta('hushlink_secrets_total{event="revealed"}')).toBe(1);
    expect(delta('hushlink_http_requests_total{route="revealSecret",method="POST",status="200"}')).toBe(1);
    expect(delta('hushlink_http_requests_total{route="describeSecret",method="GET",status="404"}')).toBe(1);
    expect(after).toContain('hushlink_http_request_duration_seconds_bucket{le="0.005",route="createSecret",method="POST"}');
    // Route templates only: no secret id ever becomes a label value.
    expect(after).not.toContain(created.id);
  });
});
