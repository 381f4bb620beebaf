import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BENCH_TIMEOUT_MS = 300_000;
const outDir = mkdtempSync(path.join(tmpdir(), "hushlink-bench-smoke-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

type TFigures = {
  requestsPerSecond: number;
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
  errors: number;
  non2xx: number;
};
type TServerRun = { scenarios: Record<string, TFigures>; peakRssMb: number };
type TGrowth = {
  skipped?: string;
  sizes?: Array<{ rows: number; rowsAtStart: number; create: TFigures; reveal: TFigures; idlePurgeMs: number }>;
  purge?: { seconds: number | null; expiredRows: number; revealBaseline: TFigures; revealDuringPurge: TFigures };
};
type TResults = {
  smoke: boolean;
  machine: { cores: number; cpu: string; node: string; sqlite: string; date: string };
  databases: Record<string, { version: string; servers: Record<string, TServerRun> }>;
  browser: {
    firstLoadJs: Record<"create" | "reveal", { files: number; bytes: number; gzipBytes: number }>;
    openToRevealedMedianMs: number;
    inPage: { scrypt: { medianMs: number }; secretbox: Record<string, { encryptMs: number; decryptMs: number }> };
  };
  growth: Record<string, TGrowth>;
  targets: Array<{ name: string; met: boolean | null; measured: string }>;
};

/** A load run that answered: some successes, finite latencies, no socket errors, no failures. */
function expectCleanRun(figures: TFigures) {
  expect(figures.requestsPerSecond).toBeGreaterThan(0);
  for (const latency of [figures.p50Ms, figures.p90Ms, figures.p99Ms]) expect(Number.isFinite(latency)).toBe(true);
  expect(figures.errors).toBe(0);
  expect(figures.non2xx).toBe(0);
}

describe("npm run bench --smoke", () => {
  it(
    "runs every scenario on every database and reports numbers for each",
    async () => {
      await promisify(execFile)(process.execPath, [path.join(ROOT, "scripts/bench/run.mjs"), "--smoke", "--out", outDir], {
        cwd: ROOT,
        timeout: BENCH_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
      });
      const results = JSON.parse(readFileSync(path.join(outDir, "latest.json"), "utf8")) as TResults;

      expect(results.smoke).toBe(true);
      expect(results.machine.cores).toBeGreaterThan(0);
      expect(results.machine.sqlite).toMatch(/^\d+\.\d+/);
      expect(Object.keys(results.databases)).toContain("sqlite");
      if (process.env.HUSHLINK_REQUIRE_POSTGRES === "1") expect(Object.keys(results.databases)).toContain("postgresql");
      for (const database of Object.values(results.databases)) {
        expect(Object.keys(database.servers)).toEqual(["floor", "lean", "next-route"]);
        for (const server of Object.values(database.servers)) {
          expect(Object.keys(server.scenarios)).toEqual(["create", "reveal", "mixed", "metadata"]);
          for (const figures of Object.values(server.scenarios)) expectCleanRun(figures);
          expect(server.peakRssMb).toBeGreaterThan(0);
        }
      }

      for (const page of Object.values(results.browser.firstLoadJs)) {
        expect(page.files).toBeGreaterThan(0);
        expect(page.gzipBytes).toBeGreaterThan(0);
        expect(page.bytes).toBeGreaterThanOrEqual(page.gzipBytes);
      }
      expect(results.browser.openToRevealedMedianMs).toBeGreaterThan(0);
      expect(results.browser.inPage.scrypt.medianMs).toBeGreaterThan(0);
      expect(Object.keys(results.browser.inPage.secretbox)).toEqual(["64KiB", "1MiB"]);

      // Every database that was loaded also had its growth and purge measured (or says why not).
      for (const engine of Object.keys(results.databases)) {
        const growth = results.growth[engine];
        expect(growth).toBeDefined();
        if (growth?.skipped) continue;
        expect(growth?.sizes).toHaveLength(2);
        for (const point of growth?.sizes ?? []) {
          expectCleanRun(point.create);
          expectCleanRun(point.reveal);
          expect(point.rowsAtStart).toBeGreaterThanOrEqual(point.rows);
        }
        expect(growth?.purge?.seconds).not.toBeNull();
        expectCleanRun(growth!.purge!.revealBaseline);
        expectCleanRun(growth!.purge!.revealDuringPurge);
      }
      expect(results.growth.sqlite?.skipped).toBeUndefined();

      expect(results.targets.length).toBeGreaterThanOrEqual(13);
      for (const target of results.targets.filter((entry) => entry.name.includes("SQLite"))) expect(target.met).not.toBeNull();

      const markdown = readFileSync(path.join(outDir, "latest.md"), "utf8");
      expect(markdown).toContain("## Targets");
      expect(existsSync(path.join(outDir, "latest.md"))).toBe(true);
    },
    BENCH_TIMEOUT_MS + 30_000,
  );
});
