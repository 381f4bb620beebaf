import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const outDir = mkdtempSync(path.join(tmpdir(), "hushlink-bench-smoke-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

type TFigures = { requestsPerSecond: number; p50Ms: number; p90Ms: number; p99Ms: number; errors: number };

describe("npm run bench --smoke", () => {
  it("runs every scenario on every database and reports numbers for each", async () => {
    await promisify(execFile)(process.execPath, [path.join(ROOT, "scripts/bench/run.mjs"), "--smoke", "--out", outDir], {
      cwd: ROOT,
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const results = JSON.parse(readFileSync(path.join(outDir, "latest.json"), "utf8")) as {
      databases: Record<string, { servers: Record<string, { scenarios: Record<string, TFigures>; peakRssMb: number }> }>;
      browser: { firstLoadJs: { reveal: { gzipBytes: number } }; openToRevealedMedianMs: number };
      growth: { sizes: Array<{ create: TFigures; reveal: TFigures }>; purge: { seconds: number | null } };
      targets: Array<{ name: string }>;
    };
    expect(Object.keys(results.databases)).toContain("sqlite");
    if (process.env.HUSHLINK_REQUIRE_POSTGRES === "1") expect(Object.keys(results.databases)).toContain("postgresql");
    for (const database of Object.values(results.databases)) {
      expect(Object.keys(database.servers)).toEqual(["floor", "lean", "next-route"]);
      for (const server of Object.values(database.servers)) {
        expect(Object.keys(server.scenarios)).toEqual(["create", "reveal", "mixed", "metadata"]);
        for (const figures of Object.values(server.scenarios)) {
          expect(figures.requestsPerSecond).toBeGreaterThan(0);
          for (const latency of [figures.p50Ms, figures.p90Ms, figures.p99Ms]) expect(Number.isFinite(latency)).toBe(true);
          expect(figures.errors).toBe(0);
        }
        expect(server.peakRssMb).toBeGreaterThan(0);
      }
    }
    expect(results.browser.firstLoadJs.reveal.gzipBytes).toBeGreaterThan(0);
    expect(results.browser.openToRevealedMedianMs).toBeGreaterThan(0);
    expect(results.growth.sizes).toHaveLength(2);
    expect(results.growth.purge.seconds).not.toBeNull();
    expect(results.targets.length).toBeGreaterThanOrEqual(9);
    expect(existsSync(path.join(outDir, "latest.md"))).toBe(true);
  });
});
