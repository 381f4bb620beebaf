#!/usr/bin/env node
// npm run bench [-- --smoke] [--duration 8] [--warmup 2] [--connections 16] [--out bench-results] [--budget 560]
//
// Builds Hushlink if needed; loads its production server ("lean"), the same API through
// Next.js route handlers ("next-route") and a bare node:http + driver floor on fresh SQLite
// and (when reachable on loopback) PostgreSQL databases; measures the browser side in
// Chromium, growth to 1 million rows and a purge under load; writes JSON and Markdown to
// bench-results/ and prints the Markdown. Every load is bounded in time and count; every
// child process is stopped and every bench database dropped, also on failure or Ctrl-C.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { measureBrowser } from "./browser.mjs";
import { ROOT, postgresReachable, withDatabase } from "./databases.mjs";
import { measureGrowth, measurePurge } from "./growth.mjs";
import { machineFacts } from "./machine.mjs";
import { cleanUpEverything, deferCleanup, installExitHandlers } from "./processes.mjs";
import { toMarkdown, writeReport } from "./report.mjs";
import { startHushlink, withServer } from "./servers.mjs";
import { judgeTargets } from "./targets.mjs";
import { measureEngine } from "./throughput.mjs";

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string", default: "16" },
    out: { type: "string", default: path.join(ROOT, "bench-results") },
    budget: { type: "string", default: "560" },
  },
});

const smoke = args.smoke;
/** Phase sizes: the full run, and the smoke run that only proves every path works. */
const PLAN = smoke
  ? { durationSeconds: 1, warmupSeconds: 0.5, growthSizes: [1_000, 5_000], expiredRows: 2_000, purgeSeconds: 1, purgeWindowSeconds: 6, browserRuns: 2, passphraseRuns: 1 }
  : { durationSeconds: 8, warmupSeconds: 2, growthSizes: [10_000, 1_000_000], expiredRows: 100_000, purgeSeconds: 4, purgeWindowSeconds: 25, browserRuns: 20, passphraseRuns: 5 };
const durationSeconds = Number(args.duration ?? PLAN.durationSeconds);
const warmupSeconds = Number(args.warmup ?? PLAN.warmupSeconds);
const connections = Number(args.connections);
const budgetSeconds = Number(args.budget);
for (const [name, value] of Object.entries({ duration: durationSeconds, warmup: warmupSeconds, connections, budget: budgetSeconds })) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
}

/** Rough cost of the optional PostgreSQL growth phases, to keep the whole run in budget. */
const POSTGRES_GROWTH_ESTIMATE_SECONDS = smoke ? 10 : 60;
const POSTGRES_PURGE_ESTIMATE_SECONDS = smoke ? 10 : 25;

const startedMs = Date.now();
const elapsedSeconds = () => Math.round((Date.now() - startedMs) / 1000);
const log = (line) => process.stdout.write(`[${String(elapsedSeconds()).padStart(3)} s] ${line}\n`);

function ensureBuild() {
  if (existsSync(path.join(ROOT, ".next/BUILD_ID")) && existsSync(path.join(ROOT, ".next/hushlink-server/main.mjs"))) return;
  log("no production build: npm run build");
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error(`npm run build failed (${build.status ?? build.signal})`);
}

async function main() {
  installExitHandlers();
  ensureBuild();
  const workDir = mkdtempSync(path.join(tmpdir(), "hushlink-bench-work-"));
  deferCleanup(async () => rmSync(workDir, { recursive: true, force: true }));
  const settings = { connections, durationSeconds, warmupSeconds, workDir, log };

  const results = {
    smoke,
    settings: { connections, durationSeconds, warmupSeconds, budgetSeconds },
    machine: await machineFacts(),
    /** @type {Record<string, any>} */
    databases: {},
    /** @type {Record<string, string>} */
    skipped: {},
    browser: null,
    /** @type {Record<string, any>} */
    growth: {},
    /** @type {string[]} */
    notes: [],
    targets: [],
    elapsedSeconds: 0,
  };
  /** @type {Array<"sqlite" | "postgresql">} */
  const engines = ["sqlite"];
  if (await postgresReachable()) engines.push("postgresql");
  else {
    results.skipped.postgresql = "PostgreSQL not reachable at 127.0.0.1:5432";
    results.notes.push("PostgreSQL was not reachable on 127.0.0.1:5432: only SQLite was measured.");
    log("PostgreSQL not reachable on 127.0.0.1:5432: SQLite only");
  }

  // The browser first, on a quiet machine: one recipient opening one link, not a page
  // competing with the database servers still settling after a load phase.
  log("browser (Chromium)");
  results.browser = await withDatabase("sqlite", (database) =>
    withServer(
      () => startHushlink({ database, mode: "lean" }),
      (server) => measureBrowser({ baseUrl: server.baseUrl, runs: PLAN.browserRuns, passphraseRuns: PLAN.passphraseRuns, smoke, log }),
    ),
  );

  for (const engine of engines) {
    results.databases[engine] = { version: engine === "sqlite" ? results.machine.sqlite : results.machine.postgresql, ...(await measureEngine({ provider: engine, settings })) };
  }

  for (const engine of engines) {
    const remaining = budgetSeconds - elapsedSeconds();
    const label = engine === "sqlite" ? "SQLite" : "PostgreSQL";
    // SQLite always runs; PostgreSQL's growth phases only if they fit the time budget.
    if (engine !== "sqlite" && remaining < POSTGRES_GROWTH_ESTIMATE_SECONDS + POSTGRES_PURGE_ESTIMATE_SECONDS) {
      const why = `skipped to stay within the ${budgetSeconds} s budget (${remaining} s left)`;
      results.growth[engine] = { skipped: why };
      results.notes.push(`${label} growth and purge ${why}.`);
      log(`${engine} growth: ${why}`);
      continue;
    }
    log(`${engine} growth to ${PLAN.growthSizes.at(-1)} rows`);
    const growth = await measureGrowth({ provider: engine, sizes: PLAN.growthSizes, settings });
    log(`${engine} purge of ${PLAN.expiredRows} expired rows under reveal load`);
    const purge = await measurePurge({ provider: engine, expiredRows: PLAN.expiredRows, durationSeconds: PLAN.purgeSeconds, maxWindowSeconds: PLAN.purgeWindowSeconds, settings });
    results.growth[engine] = { ...growth, purge };
  }

  results.notes.push(
    "The floor runs Hushlink's own SQL (insert; verifier-checked claim plus the envelope drop at the last view; live-secret SELECT) with the same driver, without framework, ORM, validation, rate limiting or metrics.",
    "Above roughly 40k req/s the single load-generator process, sharing 2 cores with the server, becomes the limit: floor figures that high are lower bounds.",
    "All load comes from one client address (127.0.0.1): on PostgreSQL, Hushlink's rate limiter reserves points for it from one rate_limits row, a lease of up to 1,000 points per statement, as it would for one office behind NAT.",
    "On PostgreSQL the database server shares the 2 cores with the server under test and the load generator.",
  );
  results.elapsedSeconds = elapsedSeconds();
  results.targets = judgeTargets(results);
  const markdown = toMarkdown(results);
  const written = writeReport({ results, markdown, directory: path.resolve(args.out) });
  process.stdout.write(`\n${markdown}\nwritten: ${written.json}\n         ${written.markdown}\n`);
}

main()
  .catch((error) => {
    process.stderr.write(`bench failed: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanUpEverything());
