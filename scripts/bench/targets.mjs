// The targets, each judged from the measured figures: met, not met, or not measured.

const FLOOR_SHARE = 0.5;
const P99_LIMIT_MS = 25;
const RSS_LIMIT_MB = 300;
/** kB as Next.js prints them: 1 kB = 1000 bytes. */
const FIRST_LOAD_LIMIT_BYTES = 120_000;
const OPEN_TO_REVEALED_LIMIT_MS = 300;
const GROWTH_TOLERANCE = 0.2;
const PURGE_P99_LIMIT_MS = 100;

/** @typedef {{ name: string, met: boolean | null, measured: string }} TTarget */

const ENGINE_NAMES = { sqlite: "SQLite", postgresql: "PostgreSQL" };

/** @param {number | null | undefined} value */
const ms = (value) => (value === null || value === undefined ? "n/a" : `${value} ms`);

/**
 * @param {any} results the bench's JSON
 * @returns {TTarget[]}
 */
export function judgeTargets(results) {
  /** @type {TTarget[]} */
  const targets = [];
  const notMeasured = (name, why) => targets.push({ name, met: null, measured: `not measured: ${why}` });

  for (const engine of ["sqlite", "postgresql"]) {
    const servers = results.databases[engine]?.servers;
    for (const scenario of ["create", "reveal"]) {
      const name = `${scenario} throughput ≥ 50% of the floor (${ENGINE_NAMES[engine]}, lean server)`;
      const floor = servers?.floor?.scenarios[scenario]?.requestsPerSecond;
      const lean = servers?.lean?.scenarios[scenario]?.requestsPerSecond;
      if (!floor || lean === undefined) {
        notMeasured(name, results.skipped?.[engine] ?? "no figures");
        continue;
      }
      const share = lean / floor;
      targets.push({ name, met: share >= FLOOR_SHARE, measured: `${Math.round(share * 100)}% (${lean} of ${floor} req/s)` });
    }
  }

  const sqliteLean = results.databases.sqlite?.servers?.lean;
  for (const scenario of ["create", "reveal"]) {
    const name = `${scenario} p99 < 25 ms at ${results.settings.connections} connections (SQLite, lean server)`;
    const p99 = sqliteLean?.scenarios[scenario]?.p99Ms;
    if (p99 === undefined || p99 === null) notMeasured(name, "no figures");
    else targets.push({ name, met: p99 < P99_LIMIT_MS, measured: ms(p99) });
  }

  const leanRss = ["sqlite", "postgresql"]
    .map((engine) => ({ engine, mb: results.databases[engine]?.servers?.lean?.peakRssMb }))
    .filter((entry) => typeof entry.mb === "number");
  if (leanRss.length === 0) notMeasured("peak server RSS < 300 MB under load", "no figures");
  else {
    const worst = Math.max(...leanRss.map((entry) => entry.mb));
    targets.push({
      name: "peak server RSS < 300 MB under load (lean server)",
      met: worst < RSS_LIMIT_MB,
      measured: leanRss.map((entry) => `${ENGINE_NAMES[entry.engine]} ${entry.mb} MB`).join(", "),
    });
  }

  const browser = results.browser;
  if (!browser) {
    notMeasured("/s/[id] first-load JavaScript < 120 kB gzipped", "browser not measured");
    notMeasured("open-to-revealed < 300 ms", "browser not measured");
  } else {
    const gzip = browser.firstLoadJs.reveal.gzipBytes;
    targets.push({ name: "/s/[id] first-load JavaScript < 120 kB gzipped", met: gzip < FIRST_LOAD_LIMIT_BYTES, measured: `${(gzip / 1000).toFixed(1)} kB` });
    const cold = browser.openToRevealed.cold;
    targets.push({
      name: "open-to-revealed < 300 ms (median, fresh browser context, Reveal pressed the moment the page is ready)",
      met: cold.medianMs !== null && cold.medianMs < OPEN_TO_REVEALED_LIMIT_MS,
      measured: `${ms(cold.medianMs)} from navigation start to the frame showing the secret (Playwright's wall clock: ${ms(cold.wallMedianMs)}; the floor page: ${ms(browser.openToRevealed.floor?.medianMs)})`,
    });
  }

  for (const engine of ["sqlite", "postgresql"]) {
    const growth = results.growth?.[engine];
    const label = ENGINE_NAMES[engine];
    const growthName = `create/reveal p50 at 1M rows within 20% of 10k rows (${label})`;
    if (!growth?.sizes?.length) notMeasured(growthName, growth?.skipped ?? results.skipped?.[engine] ?? "not run");
    else {
      const [small, large] = growth.sizes;
      const within = (a, b) => a !== null && b !== null && b <= a * (1 + GROWTH_TOLERANCE);
      targets.push({
        name: `create/reveal p50 at ${large.rows} rows within 20% of ${small.rows} rows (${label})`,
        met: within(small.create.p50Ms, large.create.p50Ms) && within(small.reveal.p50Ms, large.reveal.p50Ms),
        measured: `create ${small.create.p50Ms} → ${large.create.p50Ms} ms, reveal ${small.reveal.p50Ms} → ${large.reveal.p50Ms} ms (${small.rowsAtStart} → ${large.rowsAtStart} rows at start)`,
      });
    }
    const purge = growth?.purge;
    const purgeName = `purge keeps concurrent reveal p99 < 100 ms (${label})`;
    if (!purge) notMeasured(purgeName, growth?.skipped ?? results.skipped?.[engine] ?? "not run");
    else {
      const p99 = purge.revealDuringPurge.p99Ms;
      targets.push({
        name: `purge of ${purge.expiredRows} expired rows keeps concurrent reveal p99 < 100 ms (${label})`,
        met: p99 !== null && p99 < PURGE_P99_LIMIT_MS && purge.seconds !== null,
        measured: `${ms(p99)} during, ${ms(purge.revealBaseline.p99Ms)} without; purge ${purge.seconds ?? "unfinished"} s; slowest reveal ${ms(purge.revealDuringPurge.maxMs)}`,
      });
    }
  }
  return targets;
}
