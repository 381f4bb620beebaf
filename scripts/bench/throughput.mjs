// Throughput and latency of the three servers on one database engine: the floor, Hushlink's
// lean server and Hushlink through Next.js route handlers, each on a fresh database.
import path from "node:path";
import { withDatabase } from "./databases.mjs";
import { runLoad } from "./load.mjs";
import { startRssSampler } from "./memory.mjs";
import { seedRevealSecrets, writeSecretsFile } from "./seed.mjs";
import { startFloor, startHushlink, withServer } from "./servers.mjs";

export const SERVER_KINDS = /** @type {const} */ (["floor", "lean", "next-route"]);
export const SCENARIOS = /** @type {const} */ (["create", "reveal", "mixed", "metadata"]);
const DESCRIBE_SECRETS = 500;
const MIN_SECRETS = 2_000;
const MAX_SECRETS = 260_000;
/**
 * Reveals may run well above the warm-up's create + metadata mix: on the lean server with
 * prepared hot statements, reveals reached ~3x the warm-up rate, so seed 5x it (within MAX_SECRETS).
 */
const REVEAL_HEADROOM = 5;

/**
 * @typedef {{ connections: number, durationSeconds: number, warmupSeconds: number, workDir: string, log: (line: string) => void }} TLoadSettings
 */

/** How many 1-view secrets a reveal run of `seconds` at up to `rate` requests/s may spend. */
export function secretsNeeded({ rate, seconds, share = 1 }) {
  return Math.min(MAX_SECRETS, Math.max(MIN_SECRETS, Math.ceil(REVEAL_HEADROOM * rate * seconds * share) + MIN_SECRETS));
}

/** Warm-up (JIT, pools, caches) on creates and metadata GETs, which spend no pre-created secrets. */
export async function warmUp({ server, database, settings, name }) {
  const described = await seedRevealSecrets({ database, count: DESCRIBE_SECRETS });
  const describeFile = writeSecretsFile(described, path.join(settings.workDir, `${name}-describe.txt`));
  const figures = await runLoad({ baseUrl: server.baseUrl, scenario: "warmup", connections: settings.connections, durationSeconds: settings.warmupSeconds, describeFile });
  return { describeFile, rate: figures.requestsPerSecond, figures };
}

/**
 * Every scenario against one running server. Reveal and mixed each get their own fresh
 * 1-view secrets; a run that uses them all stops early and says so.
 * @param {{ server: import("./servers.mjs").TRunningServer, database: import("./databases.mjs").TBenchDatabase, settings: TLoadSettings, name: string }} options
 */
async function measureServer({ server, database, settings, name }) {
  const memory = startRssSampler(server.pid);
  const warm = await warmUp({ server, database, settings, name });
  const revealSecrets = await seedRevealSecrets({ database, count: secretsNeeded({ rate: warm.rate, seconds: settings.durationSeconds }) });
  const mixedSecrets = await seedRevealSecrets({ database, count: secretsNeeded({ rate: warm.rate, seconds: settings.durationSeconds, share: 0.5 }) });
  const files = {
    reveal: writeSecretsFile(revealSecrets, path.join(settings.workDir, `${name}-reveal.txt`)),
    mixed: writeSecretsFile(mixedSecrets, path.join(settings.workDir, `${name}-mixed.txt`)),
  };
  /** @type {Record<string, import("./load.mjs").TLoadFigures>} */
  const scenarios = {};
  for (const scenario of SCENARIOS) {
    scenarios[scenario] = await runLoad({
      baseUrl: server.baseUrl,
      scenario,
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      describeFile: warm.describeFile,
      revealFile: scenario === "mixed" ? files.mixed : files.reveal,
    });
    const figures = scenarios[scenario];
    const note = figures.ranOutOfSecrets ? ` (used all ${scenario === "mixed" ? mixedSecrets.length : revealSecrets.length} secrets in ${figures.seconds} s)` : "";
    settings.log(`  ${name} ${scenario}: ${figures.requestsPerSecond} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, errors ${figures.errors}, non-2xx ${figures.non2xx}${note}`);
  }
  const rss = memory.stop();
  settings.log(`  ${name} peak RSS ${rss.peakRssMb} MB (sampled ${rss.sampledPeakRssMb} MB)`);
  return { scenarios, ...rss, warmupRequestsPerSecond: warm.rate, secretsSeeded: { reveal: revealSecrets.length, mixed: mixedSecrets.length } };
}

/**
 * Measures floor, lean and next-route on fresh databases of one engine.
 * @param {{ provider: "sqlite" | "postgresql", settings: TLoadSettings }} options
 */
export async function measureEngine({ provider, settings }) {
  /** @type {Record<string, Awaited<ReturnType<typeof measureServer>>>} */
  const servers = {};
  for (const kind of SERVER_KINDS) {
    const name = `${provider}/${kind}`;
    settings.log(`${name}`);
    servers[kind] = await withDatabase(provider, (database) =>
      withServer(
        () => (kind === "floor" ? startFloor({ database }) : startHushlink({ database, mode: kind })),
        (server) => measureServer({ server, database, settings, name: `${provider}-${kind}` }),
      ),
    );
  }
  return { servers };
}
