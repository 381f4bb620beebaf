#!/usr/bin/env node
// node scripts/bench/quick.mjs [--db sqlite|postgresql|both] [--duration 5] [--warmup 2] [--connections 16]
//
// A quick loop for tuning the lean API path: the floor and Hushlink's production server
// ("lean") on fresh databases, create / reveal / metadata each, and lean as a share of the
// floor. About a minute per database. Needs a build (npm run build).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ROOT, postgresReachable, withDatabase } from "./databases.mjs";
import { runLoad } from "./load.mjs";
import { startRssSampler } from "./memory.mjs";
import { cleanUpEverything, deferCleanup, installExitHandlers } from "./processes.mjs";
import { seedRevealSecrets, writeSecretsFile } from "./seed.mjs";
import { startFloor, startHushlink, withServer } from "./servers.mjs";
import { secretsNeeded, warmUp } from "./throughput.mjs";

const SCENARIOS = /** @type {const} */ (["create", "reveal", "metadata"]);

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    duration: { type: "string", default: "5" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "16" },
  },
});

const log = (line) => process.stdout.write(`${line}\n`);

/**
 * Both servers run at once on their own fresh databases and take turns per scenario (floor,
 * then lean), so a burst of outside load on this shared machine hits both alike.
 */
async function measureBoth({ provider, settings }) {
  return withDatabase(provider, (floorDatabase) =>
    withDatabase(provider, (leanDatabase) =>
      withServer(
        () => startFloor({ database: floorDatabase }),
        (floor) =>
          withServer(
            () => startHushlink({ database: leanDatabase, mode: "lean" }),
            async (lean) => {
              const servers = [
                { kind: "floor", server: floor, database: floorDatabase },
                { kind: "lean", server: lean, database: leanDatabase },
              ];
              const memory = startRssSampler(lean.pid);
              for (const entry of servers) {
                const name = `${provider}-${entry.kind}`;
                const warm = await warmUp({ server: entry.server, database: entry.database, settings, name });
                const secrets = await seedRevealSecrets({ database: entry.database, count: secretsNeeded({ rate: warm.rate, seconds: settings.durationSeconds }) });
                Object.assign(entry, { name, describeFile: warm.describeFile, secrets, revealFile: writeSecretsFile(secrets, path.join(settings.workDir, `${name}-reveal.txt`)) });
              }
              /** @type {Record<string, Record<string, import("./load.mjs").TLoadFigures>>} */
              const figures = { floor: {}, lean: {} };
              for (const scenario of SCENARIOS) {
                for (const entry of servers) {
                  const result = await runLoad({
                    baseUrl: entry.server.baseUrl,
                    scenario,
                    connections: settings.connections,
                    durationSeconds: settings.durationSeconds,
                    describeFile: entry.describeFile,
                    revealFile: entry.revealFile,
                  });
                  figures[entry.kind][scenario] = result;
                  const note = result.ranOutOfSecrets ? ` (used all ${entry.secrets.length} secrets)` : "";
                  log(`  ${entry.name} ${scenario}: ${result.requestsPerSecond} req/s, p99 ${result.p99Ms} ms, non-2xx ${result.non2xx}, errors ${result.errors}${note}`);
                }
              }
              log(`  ${provider}-lean peak RSS ${memory.stop().peakRssMb} MB`);
              return figures;
            },
          ),
      ),
    ),
  );
}

async function main() {
  installExitHandlers();
  if (!existsSync(path.join(ROOT, ".next/hushlink-server/main.mjs"))) throw new Error("no build: run npm run build first");
  const workDir = mkdtempSync(path.join(tmpdir(), "hushlink-quick-"));
  deferCleanup(async () => rmSync(workDir, { recursive: true, force: true }));
  const settings = { connections: Number(args.connections), durationSeconds: Number(args.duration), warmupSeconds: Number(args.warmup), workDir, log };
  const providers = args.db === "both" ? ["sqlite", "postgresql"] : [args.db];
  const summary = [];
  for (const provider of providers) {
    if (provider === "postgresql" && !(await postgresReachable())) {
      log("postgresql: not reachable on loopback, skipped");
      continue;
    }
    const byKind = await measureBoth({ provider, settings });
    for (const scenario of SCENARIOS) {
      const floor = byKind.floor[scenario].requestsPerSecond;
      const lean = byKind.lean[scenario].requestsPerSecond;
      summary.push(`${provider.padEnd(10)} ${scenario.padEnd(8)} floor ${String(floor).padStart(6)}  lean ${String(lean).padStart(6)}  ${Math.round((100 * lean) / floor)}%  lean p99 ${byKind.lean[scenario].p99Ms} ms`);
    }
  }
  log("");
  for (const line of summary) log(line);
}

main()
  .catch((error) => {
    process.exitCode = 1;
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  })
  .finally(() => cleanUpEverything());
