// Growth: create and reveal latency as the table grows (10 thousand, then 1 million rows),
// what one purge pass costs at each size, and the purge of 100 thousand expired rows under a
// concurrent reveal load, on Hushlink's lean server.
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { withDatabase, withPostgres, withSqlite } from "./databases.mjs";
import { runLoad, startLoad } from "./load.mjs";
import { bulkFill, countRows, seedRevealSecrets, writeSecretsFile } from "./seed.mjs";
import { startHushlink, withServer } from "./servers.mjs";
import { secretsNeeded, warmUp } from "./throughput.mjs";

/** Expired rows get their expiry this long after the update, so they expire under load. */
const EXPIRY_LEAD_MS = 2_500;
const POLL_INTERVAL_MS = 250;
const AFTER_PURGE_MS = 500;
const DAY_MS = 86_400_000;

// Hushlink's purge statements (lib/db/secrets/purge-spent-secrets.ts, one per kind of row it
// drops), timed from outside when there is nothing to purge: what every purge tick costs at
// a given table size. Keep them word for word as the app builds them.
const PURGE_TARGETS = [
  { index: "secrets_live_expires_at_ms_idx", condition: "envelope IS NOT NULL AND expires_at_ms <= $now", order: "expires_at_ms" },
  { index: "secrets_spent_with_envelope_idx", condition: "envelope IS NOT NULL AND (views_used >= max_views OR burned_at_ms IS NOT NULL)", order: "id" },
];
const RETURNING = "RETURNING id, team_id, label, views_used, expires_at_ms, burned_at_ms";
const PURGE_SQL = {
  sqlite: PURGE_TARGETS.map(
    ({ index, condition, order }) => `UPDATE secrets SET envelope = NULL, purged_at_ms = @now
     WHERE id IN (SELECT id FROM secrets INDEXED BY ${index} WHERE ${condition.replace("$now", "@now")} ORDER BY ${order} LIMIT 1000)
    ${RETURNING}`,
  ),
  postgresql: PURGE_TARGETS.map(
    ({ condition, order }) => `UPDATE secrets SET envelope = NULL, purged_at_ms = $1
     WHERE id = ANY(ARRAY(SELECT id FROM secrets WHERE ${condition.replace("$now", "$1")} ORDER BY ${order} LIMIT 1000 FOR UPDATE SKIP LOCKED))
    ${RETURNING}`,
  ),
};

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Times Hushlink's purge statement when nothing is due (so it changes nothing), 3 runs, and
 * returns the median with the plan the database chose.
 * @param {import("./databases.mjs").TBenchDatabase} database
 */
async function timeIdlePurge(database) {
  const times = [];
  if (database.provider === "sqlite") {
    const db = new Database(database.filePath, { timeout: 10_000 });
    try {
      const statements = PURGE_SQL.sqlite.map((sql) => db.prepare(sql));
      for (let run = 0; run < 3; run++) {
        const now = Date.now();
        const started = performance.now();
        const purged = statements.reduce((sum, statement) => sum + statement.all({ now }).length, 0);
        times.push(performance.now() - started);
        if (purged) throw new Error("idle purge timing found rows to purge");
      }
      const plan = PURGE_SQL.sqlite
        .map((sql) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ now: 0 }).map((row) => /** @type {{ detail: string }} */ (row).detail).join("; "))
        .join(" | ");
      return { ms: Math.round(median(times) * 10) / 10, plan };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (let run = 0; run < 3; run++) {
      const now = Date.now();
      const started = performance.now();
      let purged = 0;
      for (const sql of PURGE_SQL.postgresql) purged += (await client.query(sql, [now])).rowCount ?? 0;
      times.push(performance.now() - started);
      if (purged) throw new Error("idle purge timing found rows to purge");
    }
    const plans = [];
    for (const sql of PURGE_SQL.postgresql) {
      const { rows } = await client.query(`EXPLAIN ${sql}`, [0]);
      plans.push(rows.map((row) => String(row["QUERY PLAN"]).trim()).filter((line) => /Scan|Limit/.test(line)).join("; "));
    }
    return { ms: Math.round(median(times) * 10) / 10, plan: plans.join(" | ") };
  } finally {
    await client.end();
  }
}

// What each size holds. Reveals spend 1-view secrets that must already be in the table, and
// warm-up creates add rows, so both count towards the size: filler rows make up the rest.
// A time-bounded reveal run does not fit in 10 thousand rows: on 2 cores it spends several
// thousand secrets a second, and autocannon acts on its clock (and on load-worker.mjs's stop
// when the secrets run low) only at its once-a-second sample, so a run can overshoot by up
// to a second's worth and ask for spent secrets (404s). So the reveal run and the per-size
// warm-up are bounded by request count instead, known in advance: exactly that many secrets
// are spent, the same number at every size (the points compare like with like), as many as
// fit in the smallest size.
//
// Creates are bounded by count as well, so the rows they add are known and small next to the
// size; they are reported (`rowsAtEnd`).
/** A count-bounded run ends at its count; this only bounds a machine too slow to get there. */
const COUNTED_RUN_LIMIT_SECONDS = 60;
/** Secrets seeded beyond what a run spends, so it never comes near load-worker.mjs's STOP_MARGIN (256). */
const SPARE_SECRETS = 300;
/** Share of the smallest size for the seeded secrets and the warm-up's creates; filler is the rest. */
const PLANNED_SHARE = 0.9;
/** Share of those rows that are measured reveals; the rest are the warm-up's create/reveal pairs. */
const MEASURED_SHARE = 0.75;
const MIN_MEASURED_REVEALS = 200;
const MAX_MEASURED_REVEALS = 50_000;
const MIN_WARMUP_PAIRS = 100;
/**
 * Each size is measured in this many rounds of reveals then creates, and the faster round of
 * each counts: one round's p50 moved by a third between runs on this 2-core machine.
 */
const ROUNDS = 3;
/** Creates per round: a fifth of the smallest size, enough answers for a steady p50. */
const CREATES_SHARE = 0.2;
const MAX_CREATES_PER_ROUND = 5_000;
const MAX_WARMUP_PAIRS = 2_000;

const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

/**
 * Measured reveals and warm-up create/reveal pairs per size: the same at every size, as many
 * as fit in the smallest one. The measured reveals are split over ROUNDS rounds.
 * @param {number} smallest
 */
function growthRevealPlan(smallest) {
  const room = Math.floor(PLANNED_SHARE * smallest) - (2 + ROUNDS) * SPARE_SECRETS;
  const reveals = clamp(Math.floor(MEASURED_SHARE * room), MIN_MEASURED_REVEALS, MAX_MEASURED_REVEALS);
  const warmupPairs = clamp(Math.floor((room - reveals) / 2), MIN_WARMUP_PAIRS, MAX_WARMUP_PAIRS);
  const createsPerRound = clamp(Math.floor(CREATES_SHARE * smallest), MIN_MEASURED_REVEALS, MAX_CREATES_PER_ROUND);
  return { revealsPerRound: Math.floor(reveals / ROUNDS), warmupPairs, createsPerRound };
}

/** The round with the lower p50: background noise on a shared machine only ever adds latency. */
const fasterRound = (rounds) => rounds.reduce((best, round) => ((round.p50Ms ?? Infinity) < (best.p50Ms ?? Infinity) ? round : best));

/**
 * Runs a scenario for exactly `requests` requests (autocannon's maxOverallRequests, split
 * over the connections), or fewer if COUNTED_RUN_LIMIT_SECONDS pass first. autocannon notices
 * the count at its once-a-second tick, so such a run's `seconds` round up to whole seconds
 * and its `requestsPerSecond` understates the rate: read its latencies, not its rate.
 * @param {{ server: import("./servers.mjs").TRunningServer, settings: import("./throughput.mjs").TLoadSettings, scenario: "reveal" | "mixed" | "create", requests: number, revealFile?: string }} options
 */
function runCounted({ server, settings, scenario, requests, revealFile = undefined }) {
  return runLoad({
    baseUrl: server.baseUrl,
    scenario,
    connections: settings.connections,
    durationSeconds: COUNTED_RUN_LIMIT_SECONDS,
    maxRequests: Math.max(requests, settings.connections),
    ...(revealFile ? { revealFile } : {}),
  });
}

/** Empties the secrets table (their events go with them, ON DELETE CASCADE). */
async function deleteAllSecrets(database) {
  if (database.provider === "sqlite") {
    withSqlite(database, (db) => {
      db.pragma("foreign_keys = ON");
      db.prepare("DELETE FROM secrets").run();
      db.pragma("wal_checkpoint(TRUNCATE)");
    });
    return;
  }
  await withPostgres(database, async (client) => {
    await client.query("DELETE FROM secrets");
    await client.query("VACUUM (ANALYZE) secrets");
  });
}

/**
 * Create and reveal latency at each table size, on one database that grows. The server is
 * warmed up first (JIT, pools) as in the throughput phase, plus reveals, and the rows that
 * warm-up left are deleted, so that every size holds only rows planned for it whatever the
 * machine's speed. Then, per size: filler rows are added with SQL while the server is idle, the
 * secrets for the warm-up and the measured reveals are seeded, a count-bounded warm-up runs
 * (the filler changed what is in the caches), and the rows are counted (`rowsAtStart`,
 * never below the size). Then ROUNDS rounds of a reveal run (spends secrets, adds no rows)
 * and a create run (adds createsPerRound rows, see `rowsAtEnd`), both bounded by count; each
 * scenario's faster round is the size's figure, every round's p50 is kept (`rounds`).
 * @param {{ provider: "sqlite" | "postgresql", sizes: number[], settings: import("./throughput.mjs").TLoadSettings }} options
 */
export async function measureGrowth({ provider, sizes, settings }) {
  const plan = growthRevealPlan(Math.min(...sizes));
  return withDatabase(provider, (database) =>
    withServer(
      () => startHushlink({ database, mode: "lean", env: { PURGE_INTERVAL_SECONDS: "3600" } }),
      async (server) => {
        // JIT, pools and prepared statements, on creates and reveals alike, for as long as
        // the throughput phase warms up. Its rows depend on the machine's speed, so they go.
        const warm = await warmUp({ server, database, settings, name: `growth-${provider}` });
        const warmRevealSecrets = await seedRevealSecrets({ database, count: secretsNeeded({ rate: warm.rate, seconds: settings.warmupSeconds, share: 0.5 }) });
        const warmRevealFile = writeSecretsFile(warmRevealSecrets, path.join(settings.workDir, `growth-${provider}-warmup.txt`));
        await runLoad({ baseUrl: server.baseUrl, scenario: "mixed", connections: settings.connections, durationSeconds: settings.warmupSeconds, revealFile: warmRevealFile });
        await deleteAllSecrets(database);
        const points = [];
        for (const size of sizes) {
          const secretsFile = (use) => path.join(settings.workDir, `growth-${provider}-${size}-${use}.txt`);
          // "mixed" alternates a create and a reveal on every connection: 2 x pairs requests.
          const warmupSecrets = plan.warmupPairs + SPARE_SECRETS;
          const revealSecrets = plan.revealsPerRound + SPARE_SECRETS;
          // Every connection starts with a create, so the warm-up lands at least `pairs`
          // creates (a few more when a connection's share is odd). If it is cut short, the
          // shortfall is topped up below.
          const warmupCreates = plan.warmupPairs;
          const rowsNow = await countRows(database);
          const fillStarted = performance.now();
          await bulkFill({ database, count: size - rowsNow - warmupSecrets - ROUNDS * revealSecrets - warmupCreates });
          const fillSeconds = Math.round((performance.now() - fillStarted) / 100) / 10;
          const warmupFile = writeSecretsFile(await seedRevealSecrets({ database, count: warmupSecrets }), secretsFile("warmup"));
          const revealFiles = [];
          for (let round = 0; round < ROUNDS; round++) {
            revealFiles.push(writeSecretsFile(await seedRevealSecrets({ database, count: revealSecrets }), secretsFile(`reveal-${round}`)));
          }
          const idlePurge = await timeIdlePurge(database);
          // Another warm-up: the filler changed what is in the caches.
          await runCounted({ server, settings, scenario: "mixed", requests: 2 * plan.warmupPairs, revealFile: warmupFile });
          let rowsAtStart = await countRows(database);
          if (rowsAtStart < size) {
            await seedRevealSecrets({ database, count: size - rowsAtStart });
            rowsAtStart = await countRows(database);
          }
          const reveals = [];
          const creates = [];
          for (const revealFile of revealFiles) {
            // Reveals add no rows; creates add createsPerRound each.
            reveals.push(await runCounted({ server, settings, scenario: "reveal", requests: plan.revealsPerRound, revealFile }));
            creates.push(await runCounted({ server, settings, scenario: "create", requests: plan.createsPerRound }));
          }
          const reveal = fasterRound(reveals);
          const create = fasterRound(creates);
          const rowsAtEnd = await countRows(database);
          settings.log(
            `  ${provider} ${rowsAtStart} rows (filled in ${fillSeconds} s): reveal p50 ${reveals.map((round) => round.p50Ms).join(" / ")} ms, create p50 ${creates.map((round) => round.p50Ms).join(" / ")} ms (rounds; ${rowsAtEnd} rows after), idle purge pass ${idlePurge.ms} ms`,
          );
          points.push({
            rows: size,
            rowsAtStart,
            rowsAtEnd,
            fillSeconds,
            create,
            reveal,
            rounds: { createP50Ms: creates.map((round) => round.p50Ms), revealP50Ms: reveals.map((round) => round.p50Ms) },
            revealsPlanned: plan.revealsPerRound,
            createsPlanned: plan.createsPerRound,
            idlePurgeMs: idlePurge.ms,
            purgePlan: idlePurge.plan,
          });
        }
        return { sizes: points };
      },
    ),
  );
}

/** Counts the marked rows that still hold ciphertext. */
function expiredCounter(database, expiresAtMs) {
  if (database.provider === "sqlite") {
    const db = new Database(database.filePath, { readonly: true, timeout: 10_000 });
    const statement = db.prepare("SELECT count(*) AS n FROM secrets WHERE expires_at_ms = ? AND envelope IS NOT NULL");
    return { count: async () => Number(/** @type {{ n: number }} */ (statement.get(expiresAtMs)).n), close: async () => db.close() };
  }
  const client = new pg.Client({ connectionString: database.url });
  const connected = client.connect();
  return {
    count: async () => {
      await connected;
      const { rows } = await client.query("SELECT count(*)::int AS n FROM secrets WHERE expires_at_ms = $1 AND envelope IS NOT NULL", [expiresAtMs]);
      return rows[0].n;
    },
    close: () => client.end(),
  };
}

/** Moves every row expiring at `fromMs` to `toMs` (one statement, on the expiry index). */
async function moveExpiry(database, fromMs, toMs) {
  if (database.provider === "sqlite") {
    withSqlite(database, (db) => db.prepare("UPDATE secrets SET expires_at_ms = ? WHERE expires_at_ms = ?").run(toMs, fromMs));
    return;
  }
  await withPostgres(database, (client) => client.query("UPDATE secrets SET expires_at_ms = $1 WHERE expires_at_ms = $2", [toMs, fromMs]));
}

/**
 * The purge of `expiredRows` expired rows (envelope still there) by Hushlink's own purge job
 * (PURGE_INTERVAL_SECONDS=1), while reveals run, against the same reveals without it. The
 * rows are inserted with a far expiry, then moved to expire 2.5 s later, just after the
 * reveal load starts; the load stops 0.5 s after the last of them lost its ciphertext.
 * @param {{ provider: "sqlite" | "postgresql", expiredRows: number, durationSeconds: number, maxWindowSeconds: number, settings: import("./throughput.mjs").TLoadSettings }} options
 */
export async function measurePurge({ provider, expiredRows, durationSeconds, maxWindowSeconds, settings }) {
  return withDatabase(provider, (database) =>
    withServer(
      () => startHushlink({ database, mode: "lean", env: { PURGE_INTERVAL_SECONDS: "1" } }),
      async (server) => {
        const warm = await warmUp({ server, database, settings, name: `purge-${provider}` });
        const parkedExpiryMs = Date.now() + 40 * DAY_MS;
        await bulkFill({ database, count: expiredRows, expiresAtMs: parkedExpiryMs });
        const baselineFile = writeSecretsFile(
          await seedRevealSecrets({ database, count: secretsNeeded({ rate: warm.rate, seconds: durationSeconds }) }),
          path.join(settings.workDir, `purge-${provider}-baseline.txt`),
        );
        const duringFile = writeSecretsFile(
          await seedRevealSecrets({ database, count: secretsNeeded({ rate: warm.rate, seconds: maxWindowSeconds }) }),
          path.join(settings.workDir, `purge-${provider}-during.txt`),
        );
        const rowsInTable = await countRows(database);
        const baseline = await runLoad({ baseUrl: server.baseUrl, scenario: "reveal", connections: settings.connections, durationSeconds, revealFile: baselineFile });

        const expiresAtMs = Date.now() + EXPIRY_LEAD_MS;
        await moveExpiry(database, parkedExpiryMs, expiresAtMs);
        const load = startLoad({ baseUrl: server.baseUrl, scenario: "reveal", connections: settings.connections, durationSeconds: maxWindowSeconds, revealFile: duringFile });
        const loadStartedMs = Date.now();
        const counter = expiredCounter(database, expiresAtMs);
        let firstPurgedMs = null;
        let allPurgedMs = null;
        let left = expiredRows;
        const deadlineMs = loadStartedMs + maxWindowSeconds * 1000;
        let finished = false;
        load.done.finally(() => (finished = true)).catch(() => undefined);
        try {
          while (!finished && Date.now() < deadlineMs) {
            await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
            left = await counter.count();
            if (firstPurgedMs === null && left < expiredRows) firstPurgedMs = Date.now();
            if (left === 0) {
              allPurgedMs = Date.now();
              break;
            }
          }
          // Keep the load on a little after the purge, and at least as long as the baseline ran.
          const stopAtMs = Math.max((allPurgedMs ?? 0) + AFTER_PURGE_MS, loadStartedMs + durationSeconds * 1000);
          while (!finished && Date.now() < stopAtMs) await new Promise((resolve) => setTimeout(resolve, 50));
        } finally {
          load.stop();
          await counter.close();
        }
        const during = await load.done;
        // From the moment the rows expired (the job ticks every second) to none left.
        const seconds = allPurgedMs === null ? null : Math.round((allPurgedMs - expiresAtMs) / 100) / 10;
        settings.log(
          `  ${provider} purge of ${expiredRows} expired rows: ${seconds ?? "not finished"} s; reveal p99 ${during.p99Ms} ms during vs ${baseline.p99Ms} ms without (max ${during.maxMs} vs ${baseline.maxMs} ms)`,
        );
        return {
          expiredRows,
          rowsInTable,
          seconds,
          // From the first purged row seen to the last (0.25 s polling).
          activeSeconds: allPurgedMs === null || firstPurgedMs === null ? null : Math.round((allPurgedMs - firstPurgedMs) / 100) / 10,
          rowsLeft: left,
          loadStartedBeforeExpiryMs: expiresAtMs - loadStartedMs,
          revealBaseline: baseline,
          revealDuringPurge: during,
        };
      },
    ),
  );
}
