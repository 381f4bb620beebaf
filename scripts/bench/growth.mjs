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

/**
 * Create and reveal latency at each table size, on one database that grows. Filler rows are
 * added with SQL while the server is idle; each size is measured after a warm-up.
 * @param {{ provider: "sqlite" | "postgresql", sizes: number[], durationSeconds: number, settings: import("./throughput.mjs").TLoadSettings }} options
 */
export async function measureGrowth({ provider, sizes, durationSeconds, settings }) {
  return withDatabase(provider, (database) =>
    withServer(
      () => startHushlink({ database, mode: "lean", env: { PURGE_INTERVAL_SECONDS: "3600" } }),
      async (server) => {
        const warm = await warmUp({ server, database, settings, name: `growth-${provider}` });
        const points = [];
        for (const size of sizes) {
          const revealCount = secretsNeeded({ rate: warm.rate, seconds: durationSeconds });
          const rowsNow = await countRows(database);
          const fillStarted = performance.now();
          await bulkFill({ database, count: size - rowsNow - revealCount });
          const fillSeconds = Math.round((performance.now() - fillStarted) / 100) / 10;
          const revealFile = writeSecretsFile(await seedRevealSecrets({ database, count: revealCount }), path.join(settings.workDir, `growth-${provider}-${size}.txt`));
          const idlePurge = await timeIdlePurge(database);
          const rowsAtStart = await countRows(database);
          // Another warm-up: the filler changed what is in the caches.
          await runLoad({ baseUrl: server.baseUrl, scenario: "warmup", connections: settings.connections, durationSeconds: Math.min(1, settings.warmupSeconds), describeFile: warm.describeFile });
          const reveal = await runLoad({ baseUrl: server.baseUrl, scenario: "reveal", connections: settings.connections, durationSeconds, revealFile });
          const create = await runLoad({ baseUrl: server.baseUrl, scenario: "create", connections: settings.connections, durationSeconds });
          settings.log(
            `  ${provider} ${rowsAtStart} rows (filled in ${fillSeconds} s): create p50 ${create.p50Ms} / p99 ${create.p99Ms} ms, reveal p50 ${reveal.p50Ms} / p99 ${reveal.p99Ms} ms, idle purge pass ${idlePurge.ms} ms`,
          );
          points.push({ rows: size, rowsAtStart, fillSeconds, create, reveal, idlePurgeMs: idlePurge.ms, purgePlan: idlePurge.plan });
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
