#!/usr/bin/env node
// npm run bench [-- --smoke] [--duration 8] [--connections 16] [--out bench-results]
// Starts Hushlink (lean server and Next.js route handlers) and a bare-driver floor on fresh
// databases, loads them from this process over loopback, measures the browser side and
// growth, and writes JSON + Markdown. Every loop is bounded; every child is stopped.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { measureBrowser } from "./browser.mjs";
import { databaseVersion, freshDatabase, postgresReachable } from "./databases.mjs";
import { runScenario } from "./load.mjs";
import { judgeTargets, machineFacts, toMarkdown } from "./report.mjs";
import { seedSecrets } from "./seed.mjs";
import { peakRssMb, ROOT, startFloor, startHushlink } from "./servers.mjs";

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    duration: { type: "string" },
    connections: { type: "string", default: "16" },
    out: { type: "string", default: path.join(ROOT, "bench-results") },
  },
});
const smoke = args.smoke;
const durationSeconds = Number(args.duration ?? (smoke ? 1 : 8));
const warmupSeconds = smoke ? 1 : 2;
const connections = Number(args.connections);
const cleanups = [];
const cleanupAll = async () => {
  while (cleanups.length) await cleanups.pop()().catch(() => undefined);
};
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void cleanupAll().then(() => process.exit(130)));

/** Secrets for one server's scenarios: reveal and mixed each spend their own. */
async function secretsFor(database) {
  const perScenario = smoke ? 20_000 : 150_000;
  const revealSecrets = await seedSecrets({ database, count: perScenario, keep: perScenario });
  const mixedSecrets = await seedSecrets({ database, count: perScenario, keep: perScenario });
  const describeSecrets = await seedSecrets({ database, count: 500, keep: 500 });
  return { revealSecrets, mixedSecrets, describeSecrets };
}

async function measureServer(server, database) {
  const secrets = await secretsFor(database);
  const scenarios = {};
  for (const name of ["create", "reveal", "mixed", "metadata"]) {
    const scenarioSecrets = name === "mixed" ? { ...secrets, revealSecrets: secrets.mixedSecrets } : secrets;
    scenarios[name] = await runScenario({ name, baseUrl: server.baseUrl, connections, durationSeconds, warmupSeconds: name === "create" ? warmupSeconds : 0, secrets: scenarioSecrets });
    if (scenarios[name].ranOutOfSecrets) process.stdout.write(`  (${name} used every pre-created secret in ${scenarios[name].seconds} s)\n`);
    process.stdout.write(`  ${name}: ${scenarios[name].requestsPerSecond} req/s, p99 ${scenarios[name].p99Ms} ms\n`);
  }
  return { scenarios, peakRssMb: peakRssMb(server.pid) };
}

async function withServer(start, use) {
  const server = await start();
  cleanups.push(server.stop);
  try {
    return await use(server);
  } finally {
    await server.stop();
    cleanups.splice(cleanups.indexOf(server.stop), 1);
  }
}

async function withDatabase(provider, use) {
  const database = await freshDatabase(provider);
  cleanups.push(database.drop);
  try {
    return await use(database);
  } finally {
    await database.drop();
    cleanups.splice(cleanups.indexOf(database.drop), 1);
  }
}

async function measureDatabase(provider) {
  const servers = {};
  let version = provider;
  for (const target of ["floor", "lean", "next-route"]) {
    process.stdout.write(`${provider} / ${target}\n`);
    servers[target] = await withDatabase(provider, async (database) => {
      version = await databaseVersion(database);
      const start = target === "floor" ? () => startFloor({ database }) : () => startHushlink({ database, mode: target });
      return withServer(start, (server) => measureServer(server, database));
    });
  }
  return { version, servers };
}

async function measureGrowth() {
  const sizes = smoke ? [1_000, 5_000] : [10_000, 1_000_000];
  const shortRun = smoke ? 1 : 5;
  const rows = [];
  await withDatabase("sqlite", async (database) => {
    await withServer(
      () => startHushlink({ database, mode: "lean", env: { PURGE_INTERVAL_SECONDS: "3600" } }),
      async (server) => {
        let seeded = 0;
        for (const size of sizes) {
          process.stdout.write(`growth: seeding to ${size} rows\n`);
          await seedSecrets({ database, count: size - seeded });
          seeded = size;
          const revealSecrets = await seedSecrets({ database, count: smoke ? 2_000 : 20_000, keep: smoke ? 2_000 : 20_000 });
          const create = await runScenario({ name: "create", baseUrl: server.baseUrl, connections, durationSeconds: shortRun, warmupSeconds: 0, secrets: {} });
          const reveal = await runScenario({ name: "reveal", baseUrl: server.baseUrl, connections, durationSeconds: shortRun, warmupSeconds: 0, secrets: { revealSecrets } });
          rows.push({ rows: size, create, reveal });
        }
      },
    );
  });

  const expiredRows = smoke ? 2_000 : 100_000;
  const purge = await withDatabase("sqlite", async (database) => {
    await withServer(
      () => startHushlink({ database, mode: "lean", env: { PURGE_INTERVAL_SECONDS: "3600" } }),
      async () => undefined,
    );
    const revealSecrets = await seedSecrets({ database, count: smoke ? 4_000 : 40_000, keep: smoke ? 4_000 : 40_000 });
    const baseline = await withServer(
      () => startHushlink({ database, mode: "lean", env: { PURGE_INTERVAL_SECONDS: "3600" } }),
      (server) => runScenario({ name: "reveal", baseUrl: server.baseUrl, connections, durationSeconds: shortRun, warmupSeconds: 0, secrets: { revealSecrets: revealSecrets.slice(0, revealSecrets.length / 2) } }),
    );
    await seedSecrets({ database, count: expiredRows, expired: true });
    // The purge job runs at start and then every second; reveals run while it works.
    return withServer(
      () => startHushlink({ database, mode: "lean", env: { PURGE_INTERVAL_SECONDS: "1" } }),
      async (server) => {
        const started = Date.now();
        const during = await runScenario({ name: "reveal", baseUrl: server.baseUrl, connections, durationSeconds: shortRun, warmupSeconds: 0, secrets: { revealSecrets: revealSecrets.slice(revealSecrets.length / 2) } });
        const { default: Database } = await import("better-sqlite3");
        const db = new Database(database.filePath, { readonly: true });
        let left = 1;
        while (left > 0 && Date.now() - started < 60_000) {
          left = db.prepare("SELECT count(*) AS n FROM secrets WHERE envelope IS NOT NULL AND expires_at_ms <= ?").get(Date.now()).n;
          if (left > 0) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        db.close();
        return { expiredRows, seconds: left === 0 ? Math.round((Date.now() - started) / 100) / 10 : null, revealBaseline: baseline, revealDuringPurge: during };
      },
    );
  });
  return { sizes: rows, purge };
}

async function main() {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID")) || !existsSync(path.join(ROOT, ".next/hushlink-server/main.mjs"))) {
    const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  const results = { smoke, connections, durationSeconds, machine: machineFacts(), databases: {} };
  results.databases.sqlite = await measureDatabase("sqlite");
  if (await postgresReachable()) results.databases.postgresql = await measureDatabase("postgresql");
  else process.stdout.write("PostgreSQL not reachable on 127.0.0.1:5432: measured SQLite only\n");

  process.stdout.write("browser\n");
  results.browser = await withDatabase("sqlite", (database) =>
    withServer(() => startHushlink({ database, mode: "lean" }), (server) => measureBrowser({ baseUrl: server.baseUrl, runs: smoke ? 2 : 20 })),
  );
  results.growth = await measureGrowth();
  results.targets = judgeTargets(results);

  mkdirSync(args.out, { recursive: true });
  const stamp = results.machine.date.replace(/[:.]/g, "-");
  const markdown = toMarkdown(results);
  writeFileSync(path.join(args.out, `bench-${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(args.out, `bench-${stamp}.md`), markdown);
  writeFileSync(path.join(args.out, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(args.out, "latest.md"), markdown);
  process.stdout.write(`\n${markdown}`);
}

main()
  .catch(async (error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanupAll);
